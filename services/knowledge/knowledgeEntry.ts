import { z } from 'zod';

/** One answer of the knowledge base, in one language: `locales/<language>/knowledge/<theme>.json`. */
export const KnowledgeEntrySchema = z.object({
  /** The ways people ask it: what the search matches a message against. */
  questions: z.array(z.string().min(3)).min(3),
  /** The short answer (at most 60 words), then `more` behind "en savoir plus". */
  answer: z.string().min(10),
  more: z.string().min(10).optional(),
  /** Where the answer comes from: a seed note, a legal article, an official page's name. */
  source: z.string().min(3),
  /** The day the answer was last checked against its source (YYYY-MM-DD). */
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

export const KnowledgeFileSchema = z.record(z.string().regex(/^[a-z0-9-]+$/), KnowledgeEntrySchema);

export type KnowledgeEntryText = z.infer<typeof KnowledgeEntrySchema>;

export interface KnowledgeEntry extends KnowledgeEntryText {
  id: string;
  /** The catalog theme the entry belongs to (its file name). */
  theme: string;
}

export const ANSWER_WORD_LIMIT = 60;
