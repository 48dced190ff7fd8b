import { z } from 'zod';
import { CommuneCandidateSchema, DepartmentCandidateSchema, type CommuneCandidate, type DepartmentCandidate } from '../../../services/geo/schemas';
import { FEEDBACK_REASONS } from '../../ports';

/**
 * The entities the recognizer hands to the dialogs, as zod schemas: one truth for the parsers' types
 * and for the dialogs, which read `recognition.entities` (a plain record, button values included)
 * through `readEntities`.
 */

/** Dwelling type by number of main rooms: T1 (studio) … T6 (six rooms and more). */
export const TypologySchema = z.enum(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
export type Typology = z.infer<typeof TypologySchema>;

export const AmountSchema = z.object({
  /** In euros. */
  value: z.number(),
  /** "cc" / "charges comprises" → true, "hc" / "hors charges" → false, unsaid → absent. */
  chargesIncluded: z.boolean().optional(),
  period: z.enum(['month', 'year']).optional(),
  /** Said as the household's income ("35000 de RFR", "revenu fiscal 33 000"), not a rent or a budget. */
  income: z.literal(true).optional(),
  /** Said of the past or of someone else ("avec mon ex c'était 52000"): another amount said is the one that counts. */
  former: z.literal(true).optional(),
  /** Said of the recent months ("16 000 sur les 12 derniers mois", "now I get 1 300 a month"): not the reference year's income. */
  recent: z.literal(true).optional(),
  /** Another person to be housed's own income ("et mamie a sa retraite, 7 200 sur son avis"): added to the household's. */
  anotherPersons: z.literal(true).optional(),
});
export type Amount = z.infer<typeof AmountSchema>;

export const SiretValueSchema = z.object({
  siret: z.string(),
  /** Luhn check (with La Poste's exception): a failed check means a typo, the dialog asks again. */
  valid: z.boolean(),
});
export type SiretValue = z.infer<typeof SiretValueSchema>;

// Communes and departments come from the place index shared with services/geo.
export { CommuneCandidateSchema, DepartmentCandidateSchema, type CommuneCandidate, type DepartmentCandidate };

export const PlaceSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('commune'),
    /** Every commune of that name, most populated first (homonyms: "Saint-Denis" is in 93 and in La Réunion). */
    candidates: z.array(CommuneCandidateSchema),
    /** Set when the user typed a postal code. */
    postalCode: z.string().optional(),
    /** What the user typed, when it was a misspelling of this commune's name (to confirm before use). */
    misspelt: z.string().optional(),
  }),
  DepartmentCandidateSchema.extend({ kind: z.literal('department') }),
]);
export type Place = z.infer<typeof PlaceSchema>;

/** A calendar day, ISO 8601 (`2026-03-15`). */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** The FAQ topics the classifier puts on the `faq` intent; each stands for one knowledge-base entry (dialogs/knowledge). */
export const FaqTopicSchema = z.enum(['whatIsAlin', 'uniqueNumber', 'commission', 'tenDays', 'renewal']);
export type FaqTopic = z.infer<typeof FaqTopicSchema>;

export const RecognizedEntitiesSchema = z.object({
  uniqueNumber: z.string().optional(),
  /** A portal offer reference, in its canonical form (`OFR-00213`). */
  offerId: z.string().regex(/^OFR-\d{5}$/).optional(),
  siret: SiretValueSchema.optional(),
  places: z.array(PlaceSchema).optional(),
  typologies: z.array(TypologySchema).optional(),
  amounts: z.array(AmountSchema).optional(),
  /** Square metres. */
  surfaces: z.array(z.number()).optional(),
  persons: z.number().int().positive().optional(),
  dates: z.array(IsoDateSchema).optional(),
  email: z.string().optional(),
  /** International form, +33612345678. */
  phone: z.string().optional(),
  topic: FaqTopicSchema.optional(),
  /** A knowledge-base entry chosen by its button (`number-where`). */
  entry: z.string().regex(/^[a-z0-9-]{2,60}$/).optional(),
  /** "Utile ? 👍 👎" pressed under an answer. */
  feedback: z.enum(['useful', 'notUseful']).optional(),
  /** The answer a 👍 👎 is about: a knowledge entry id, `eligibility`, `status`. */
  answer: z.string().regex(/^[a-z0-9:.-]{2,60}$/).optional(),
  /** What was wrong with an answer, chosen after 👎. */
  feedbackReason: z.enum(FEEDBACK_REASONS).optional(),
  /** For `changeLanguage`: the language asked for. */
  language: z.enum(['fr', 'en']).optional(),
});
export type RecognizedEntities = z.infer<typeof RecognizedEntitiesSchema>;

/** The recognized entities of a recognition, typed; anything malformed (a forged card value) is dropped. */
export function readEntities(entities: Record<string, unknown>): RecognizedEntities {
  const known: Record<string, unknown> = {};
  for (const [key, shape] of Object.entries(RecognizedEntitiesSchema.shape)) {
    if (entities[key] !== undefined && shape.safeParse(entities[key]).success) known[key] = entities[key];
  }
  return RecognizedEntitiesSchema.parse(known);
}
