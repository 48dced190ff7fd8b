import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StemmerFr } from '@nlpjs/lang-fr';
import { NeuralNetwork } from '@nlpjs/neural';
import { z } from 'zod';
import { normalizeForMatching } from '../shared/normalizeForMatching';
import { cachedModel } from '../shared/cachedModel';
import { projectRoot } from '../shared/projectRoot';
import { wordsAndPairs } from '../shared/wordsAndPairs';

export const URGENT_LABELS = ['homeless', 'violence', 'dangerNow', 'child', 'priority', 'ordinary'] as const;
export type UrgentLabel = (typeof URGENT_LABELS)[number];

const TrainingSchema = z.object({
  examples: z
    .array(
      z.object({
        text: z.string().min(1),
        language: z.enum(['fr', 'en']),
        /** Several when the situation is several at once (no roof tonight and violence). */
        label: z.union([z.enum(URGENT_LABELS), z.array(z.enum(URGENT_LABELS)).min(1)]),
      }),
    )
    .min(60),
});
export type UrgentExample = z.infer<typeof TrainingSchema>['examples'][number];

/** The classifier's reading of a message: the most likely class, its score, and every class's score. */
export interface UrgentClassification {
  label: UrgentLabel;
  score: number;
  scores: Record<UrgentLabel, number>;
}

const STEMMER = new StemmerFr();

/**
 * What the network sees of a message: its words folded and stemmed, and each pair of neighbouring
 * words ("me bat", "a la rue", "pas expulse"), so a negation or a phrase counts, not only a word.
 */
export function urgentFeatures(text: string): Record<string, number> {
  const stems = normalizeForMatching(text)
    .split(' ')
    .filter(Boolean)
    .map((word) => (/^\d+$/.test(word) ? '#' : STEMMER.stemWord(word)));
  return wordsAndPairs(stems);
}

/**
 * A small neural text classifier (nlp.js's one-vs-rest network) over situations people tell: nowhere to
 * sleep, violence, danger now, a child in danger, another priority situation, or nothing urgent. Trained
 * once per process from `data/urgentTraining*.json`, in a few
 * seconds; synchronous afterwards.
 */
export class UrgentClassifier {
  private constructor(private readonly network: NeuralNetwork) {}

  static trainedOn(examples: UrgentExample[]): UrgentClassifier {
    const network = new NeuralNetwork({ iterations: 2000, learningRate: 0.2, alpha: 0.01 });
    const outputOf = (example: UrgentExample) => Object.fromEntries([example.label].flat().map((label) => [label, 1]));
    network.train(examples.map((example) => ({ input: urgentFeatures(example.text), output: outputOf(example) })));
    return new UrgentClassifier(network);
  }

  static fromJson(json: unknown): UrgentClassifier {
    const network = new NeuralNetwork();
    network.fromJSON(json);
    return new UrgentClassifier(network);
  }

  toJson(): unknown {
    return this.network.toJSON();
  }

  classify(text: string): UrgentClassification {
    const raw = this.network.run(urgentFeatures(text)) ?? {};
    const scores = Object.fromEntries(URGENT_LABELS.map((label) => [label, raw[label] ?? 0])) as Record<UrgentLabel, number>;
    const label = URGENT_LABELS.reduce((best, candidate) => (scores[candidate] > scores[best] ? candidate : best), 'ordinary' as UrgentLabel);
    return { label, score: scores[label], scores };
  }
}

/** Bump when the features change: the cached model was trained on features made the old way. */
const FEATURES_VERSION = 2;
/**
 * The examples: a first set and a second one of 1 229, written apart from the evaluation sets, and the
 * one-message items of the labelled sets' working parts (never their sealed parts), written by
 * `npm run triage:training`.
 */
const TRAINING_FILES = () => ['urgentTraining.json', 'urgentTraining2.json', 'urgentTraining3.json'].map((name) => join(projectRoot(), 'services', 'triage', 'data', name));
export const defaultUrgentModelPath = () => join(projectRoot(), 'models', 'triage-model.json');

let loaded: UrgentClassifier | undefined;

/**
 * The classifier of the shipped examples: from `models/triage-model.json` when it was trained on these
 * very examples (the build trains it, `scripts/trainTriage.ts`), else trained now (a few seconds) and
 * cached. The host loads it at start, so no turn waits for it.
 */
export function urgentClassifier(path?: string): UrgentClassifier {
  // Once loaded, no file is looked at: this runs for every message.
  if (loaded) return loaded;
  return loadUrgentClassifier(path ?? defaultUrgentModelPath());
}

function loadUrgentClassifier(path: string): UrgentClassifier {
  const trainings = TRAINING_FILES().map((file) => readFileSync(file, 'utf8'));
  const key = createHash('sha256').update(`${FEATURES_VERSION}\n${trainings.join('\n')}`).digest('hex');
  return (loaded = cachedModel(path, key, {
    train: () => UrgentClassifier.trainedOn(trainings.flatMap((training) => TrainingSchema.parse(JSON.parse(training)).examples)),
    toJson: (classifier) => classifier.toJson(),
    fromJson: (json) => UrgentClassifier.fromJson(json),
  }));
}
