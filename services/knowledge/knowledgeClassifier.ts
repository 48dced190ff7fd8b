import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { NeuralNetwork } from '@nlpjs/neural';
import { cachedModel } from '../shared/cachedModel';
import { projectRoot } from '../shared/projectRoot';
import { wordsAndPairs } from '../shared/wordsAndPairs';
import type { KnowledgeEntry } from './knowledgeEntry';
import { searchTerms, type KnowledgeLanguage } from './searchTerms';
import searchWords from './data/searchWords.json';
import chatSpellings from '../shared/chatSpellings.json';

/** An entry the classifier reads a question as, and how sure it is (0 to 1). */
export interface EntryGuess {
  id: string;
  score: number;
}

/** Bump when the features change: the cached model was trained on features made the old way. */
const FEATURES_VERSION = 1;

/** The search terms of a text and each pair of neighbouring terms: "combien_candidatur" says more than either word. */
function features(text: string, language: KnowledgeLanguage): Record<string, number> {
  return wordsAndPairs(searchTerms(text, language));
}

/**
 * A small neural classifier (nlp.js's network) that reads a question as one of the entries, trained on
 * every way of asking each entry. The search finds entries by their words; this learns which words tell
 * entries apart, and settles the search's hesitations (`knowledgeSearch.ts`).
 */
export class KnowledgeClassifier {
  private constructor(private readonly networks: Record<KnowledgeLanguage, NeuralNetwork>) {}

  static trainedOn(entriesByLanguage: Record<KnowledgeLanguage, KnowledgeEntry[]>): KnowledgeClassifier {
    const train = (language: KnowledgeLanguage) => {
      const network = new NeuralNetwork({ iterations: 2000, learningRate: 0.2, alpha: 0.01 });
      network.train(entriesByLanguage[language].flatMap((entry) => entry.questions.map((question) => ({ input: features(question, language), output: { [entry.id]: 1 } }))));
      return network;
    };
    return new KnowledgeClassifier({ fr: train('fr'), en: train('en') });
  }

  static fromJson(json: Record<KnowledgeLanguage, unknown>): KnowledgeClassifier {
    const load = (saved: unknown) => {
      const network = new NeuralNetwork();
      network.fromJSON(saved);
      return network;
    };
    return new KnowledgeClassifier({ fr: load(json.fr), en: load(json.en) });
  }

  toJson(): Record<KnowledgeLanguage, unknown> {
    return { fr: this.networks.fr.toJSON(), en: this.networks.en.toJSON() };
  }

  /** The entries, most likely first. */
  guesses(text: string, language: KnowledgeLanguage): EntryGuess[] {
    const scores = this.networks[language].run(features(text, language)) ?? {};
    return Object.entries(scores)
      .map(([id, score]) => ({ id, score }))
      .sort((a, b) => b.score - a.score);
  }
}

export const defaultKnowledgeModelPath = () => join(projectRoot(), 'models', 'knowledge-model.json');

/**
 * The classifier of these entries: from `models/knowledge-model.json` when it was trained on these very
 * questions and words (the build trains it, `scripts/trainKnowledge.ts`), else trained now (some
 * seconds) and cached.
 */
export function knowledgeClassifierFor(entriesByLanguage: Record<KnowledgeLanguage, KnowledgeEntry[]>, path = defaultKnowledgeModelPath()): KnowledgeClassifier {
  const questions = (['fr', 'en'] as const).map((language) => entriesByLanguage[language].map((entry) => [entry.id, entry.questions]));
  const key = createHash('sha256').update(JSON.stringify({ FEATURES_VERSION, questions, searchWords, chatSpellings })).digest('hex');
  return cachedModel(path, key, {
    train: () => KnowledgeClassifier.trainedOn(entriesByLanguage),
    toJson: (classifier) => classifier.toJson(),
    fromJson: (json) => KnowledgeClassifier.fromJson(json as Record<KnowledgeLanguage, unknown>),
  });
}
