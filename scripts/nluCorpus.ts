import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { projectRoot } from '../bot/projectRoot';
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
  /**
   * 1, 2: used while tuning the classifier settings and the training examples (their score is optimistic);
   * 3: written afterwards and never used to tune anything (the honest estimate). Add new utterances as a
   * new batch, and tune on a batch only once its score has been reported.
   */
  batch: z.union([z.literal(1), z.literal(2), z.literal(3)]),
});
export type CorpusUtterance = z.infer<typeof CorpusUtteranceSchema>;

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
