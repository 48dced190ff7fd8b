import { performance } from 'node:perf_hooks';
import { defaultUrgentModelPath, urgentClassifier } from '../services/triage/urgentClassifier';

/**
 * After a build: the urgent-situation classifier trained on services/triage/data/urgentTraining*.json and
 * cached in models/triage-model.json (only when the examples changed), so the bot only loads it.
 */
const start = performance.now();
urgentClassifier();
process.stdout.write(`Urgent-situation classifier ready in ${(performance.now() - start).toFixed(0)} ms → ${defaultUrgentModelPath()}\n`);
