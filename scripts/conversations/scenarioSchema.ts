import { z } from 'zod';

/**
 * The conversation corpus: multi-turn scenarios written as people write, each step stating what the
 * user must see. Files: `test/conversations/<feature>.json` (run by jest and `npm run
 * conversations:eval`) and `test/conversations/held-out/*.json` (sealed: scored once, never read while
 * fixing).
 */

export const FEATURES = [
  'link',
  'status',
  'eligibility',
  'places',
  'documents',
  'faq',
  'offers',
  'apply',
  'helpdesk',
  'urgent',
  'interruptions',
  'language',
  'privacy',
] as const;
export type Feature = (typeof FEATURES)[number];

/**
 * What the user must see after one message, read in every text of the turn's replies (messages,
 * cards, buttons). Matching ignores case, accents, the kind of apostrophe and spaces inside numbers
 * ("35 000 €" = "35000 €"), so a scenario states facts, not typography.
 */
export const ExpectationSchema = z
  .object({
    /** Every one of these appears. */
    contains: z.array(z.string().min(1)).default([]),
    /** For each group, at least one of its phrasings appears. */
    anyOf: z.array(z.array(z.string().min(1)).min(2)).default([]),
    /** None of these appears (a wrong verdict, the same question again, an emergency number out of place…). */
    notContains: z.array(z.string().min(1)).default([]),
  })
  .refine((expect) => expect.contains.length + expect.anyOf.length + expect.notContains.length > 0, {
    error: 'a step must say what the user must (or must not) see',
  });
export type Expectation = z.infer<typeof ExpectationSchema>;

export const StepSchema = z.object({
  /** What the user types, as they type it. Empty with `value` for a button or card press. */
  user: z.string(),
  /** A button's or card's submitted value, exactly as the bot's own button sends it. */
  value: z.record(z.string(), z.unknown()).optional(),
  expect: ExpectationSchema,
  /** Why this must be seen (a rule of FACTS.md, a class of failure). */
  why: z.string().optional(),
});
export type Step = z.infer<typeof StepSchema>;

export const ScenarioSchema = z.object({
  /** Unique across the corpus: `<feature>-<short-name>`. */
  id: z.string().regex(/^[a-z]+-[a-z0-9-]+$/),
  feature: z.enum(FEATURES),
  /** The language the user writes in; `mixed` switches during the conversation. */
  language: z.enum(['fr', 'en', 'mixed']),
  /** A demo account linked before the first step (simulator/DEMO_ACCOUNTS.md), by its number. */
  linkedTo: z.string().regex(/^\d{13}[A-Z0-9]{5}$/).optional(),
  /** The channel: Web Chat (applicants) by default, or Teams (employees). */
  channel: z.enum(['webchat', 'msteams']).default('webchat'),
  /** The locale the client sends (a browser's or Teams' setting): `en-US` for English, `fr-FR` otherwise by default. */
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/).optional(),
  steps: z.array(StepSchema).min(1),
});
export type Scenario = z.infer<typeof ScenarioSchema>;

export const CorpusFileSchema = z.object({
  /** Who wrote it and from what (FACTS.md sections, demo accounts). */
  source: z.string().min(1),
  scenarios: z.array(ScenarioSchema).min(1),
});
export type CorpusFile = z.infer<typeof CorpusFileSchema>;
