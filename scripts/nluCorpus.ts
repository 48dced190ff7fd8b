import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../services/shared/projectRoot';
import { FaqTopicSchema, IsoDateSchema, TypologySchema } from '../dialogs/recognizer/entities/schemas';
import { INTENTS } from '../dialogs/recognizer/intents';

/**
 * The held-out corpus (test/nlu/corpus.json): utterances labelled by hand with their intent and every
 * entity they contain, kept apart from the training examples.
 */
export const CorpusEntitiesSchema = z.strictObject({
  uniqueNumber: z.string().optional(),
  siret: z.string().optional(),
  /** INSEE codes, or `dep:<code>` for a department. */
  places: z.array(z.string()).optional(),
  typologies: z.array(TypologySchema).optional(),
  /** Values in euros. */
  amounts: z.array(z.number()).optional(),
  surfaces: z.array(z.number()).optional(),
  persons: z.number().optional(),
  dates: z.array(IsoDateSchema).optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
});
export type CorpusEntities = z.infer<typeof CorpusEntitiesSchema>;

export const CorpusUtteranceSchema = z.strictObject({
  text: z.string().min(1),
  /** The turn's language given to the recognizer (the channel's or the user's choice). */
  locale: z.enum(['fr', 'en']),
  /** The language it is written in. */
  written: z.enum(['fr', 'en', 'mixed']),
  intent: z.enum(INTENTS),
  topic: FaqTopicSchema.optional(),
  entities: CorpusEntitiesSchema,
  /** Which batch it was written in: see `BATCHES` for what each one was used for. */
  batch: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
});
export type CorpusUtterance = z.infer<typeof CorpusUtteranceSchema>;

/**
 * What each batch was used for. A batch is written whole and sealed before any score is seen on it; its
 * first score is the honest estimate, and only then may it be used to tune (it becomes optimistic). Never
 * edit a batch after seeing its score: add a new one.
 */
export const BATCHES: Record<CorpusUtterance['batch'], { role: 'tuning' | 'held-out'; note: string }> = {
  1: { role: 'tuning', note: 'written first, used to choose the classifier settings and examples' },
  2: { role: 'tuning', note: 'used to tune the training examples' },
  3: { role: 'tuning', note: 'held out at first (88.0 %), then used to tune the training examples' },
  4: { role: 'held-out', note: 'sealed before the second tuning round, never tuned on (93.2 % when first run)' },
  5: { role: 'held-out', note: 'reserved for a further sealed batch' },
};

export const CorpusSchema = z.strictObject({
  source: z.string(),
  /** The day relative dates ("demain", "lundi") are read from. */
  today: IsoDateSchema,
  utterances: z.array(CorpusUtteranceSchema),
});
export type Corpus = z.infer<typeof CorpusSchema>;

export function corpusPath(): string {
  return join(projectRoot(), 'test', 'nlu', 'corpus.json');
}

export function loadCorpus(path = corpusPath()): Corpus {
  return CorpusSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}
