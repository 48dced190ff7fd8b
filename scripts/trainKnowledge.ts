import { performance } from 'node:perf_hooks';
import { defaultKnowledgeModelPath, knowledgeClassifierFor } from '../services/knowledge/knowledgeClassifier';
import { loadKnowledge } from '../services/knowledge/loadKnowledge';

/**
 * After a build: the knowledge base's entry classifier trained on every way of asking each entry
 * (locales/<language>/knowledge) and cached in models/knowledge-model.json (only when they changed),
 * so the bot only loads it.
 */
const start = performance.now();
knowledgeClassifierFor({ fr: loadKnowledge('fr'), en: loadKnowledge('en') });
process.stdout.write(`Knowledge classifier ready in ${(performance.now() - start).toFixed(0)} ms → ${defaultKnowledgeModelPath()}\n`);
