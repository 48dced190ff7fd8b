import { z } from 'zod';
import { SearchCriteriaSchema } from '../../services/offers/searchCriteria';
import { LANGUAGES } from '../i18n';

/**
 * The documents the bot keeps between turns. Loose objects: a field written by a newer replica during a
 * rolling deployment survives a turn served by an older one.
 */

export const TranscriptLineSchema = z.object({
  from: z.enum(['user', 'bot']),
  /** Already redacted of personal data. */
  text: z.string(),
  at: z.string(),
});
export type TranscriptLine = z.infer<typeof TranscriptLineSchema>;

export const ConversationDataSchema = z.looseObject({
  /** Owned by botbuilder-dialogs: the dialog stack. */
  dialogState: z.unknown().optional(),
  /**
   * Ids of the last activities whose turn was saved: a redelivery (Teams re-sends after ~15 s, Direct
   * Line retries sooner) is recognised and ignored. Saved with the turn's state, never before it.
   */
  processedActivityIds: z.array(z.string()).default([]),
  /** The last lines of the conversation, redacted, for a helpdesk hand-off. */
  transcript: z.array(TranscriptLineSchema).default([]),
  /** The last offer search, for "more", refinements and relaxations. */
  lastSearch: z
    .object({
      criteria: SearchCriteriaSchema,
      page: z.number().int().min(1),
      /** The offers of the page shown, and their rent with charges, in the same order. */
      shownTotals: z.array(z.number()),
      shownIds: z.array(z.string()).optional(),
    })
    .optional(),
  /** The offer last shown in detail or being applied to: "c dispo quand ?" is about it. */
  offerInFocus: z.object({ id: z.string(), at: z.string() }).optional(),
  /** The facts of the last eligibility answer, for a correction that follows it ("en fait on est 4"). */
  lastEligibility: z
    .object({
      facts: z.looseObject({}),
      at: z.string(),
      /** The answer gave the ceilings alone (no income told): a follow-up gets the ceilings again. */
      ceilingsOnly: z.boolean().optional(),
      /** The answer took a misspelt town for the one it is close to ("bordeau"): a bare "oui" confirms it. */
      placeAssumed: z.boolean().optional(),
      /** The cases the answer assumed absent (a disability card, a young couple…): a reply may settle one. */
      unasked: z.array(z.string()).default([]),
    })
    .optional(),
  /**
   * The household (and the place with it) the user described in a request of another task ("je suis
   * seule avec 1 enfant, on cherche sur Lille"), for a while: the eligibility question starts from it
   * and says so (dialogs/householdTold.ts). No income: that one is asked where it is used.
   */
  householdTold: z.object({ facts: z.looseObject({}), at: z.string() }).optional(),
  /** A ticket handed to the helpdesk from this conversation: while an agent has it, messages are relayed. */
  handoff: z.object({ ticketId: z.string(), since: z.string() }).optional(),
  /** Messages in a row the assistant did not understand (after two, a person is offered). */
  misses: z.number().int().min(0).optional(),
  /** Offers were shown without the income to weigh them, and the assistant said so once. */
  eligibilityHinted: z.literal(true).optional(),
  /**
   * What the last answer was about, for a short question that follows it ("pk ?", "et si je le fais
   * pas ?", "je peux en faire une autre ?"): the dialog that answered, what it said, and the few facts
   * it needs to say more — never personal data (dialogs/followUps).
   */
  lastTopic: z
    .object({
      owner: z.string().max(40),
      name: z.string().max(40),
      facts: z.record(z.string().max(40), z.union([z.string().max(200), z.number()])).default({}),
      at: z.string(),
    })
    .optional(),
  /**
   * The theme of the knowledge base the last answer was in (and its entry), for a question that goes on
   * from it ("et si je suis classé 2e ?" after who the commission examines): dialogs/followUps/lastTheme.ts.
   */
  lastTheme: z.object({ theme: z.string().max(40), entry: z.string().max(80).optional(), at: z.string() }).optional(),
  /** The key of the last answer that ended a task: Teams' own 👍 👎 under a message is counted for it. */
  lastAnswer: z.string().max(80).optional(),
  /**
   * The last typed message that got an answer, redacted, for a few minutes: when the next one rephrases
   * it or asks for a person, that answer missed, and the message is kept for review (dialogs/review).
   */
  answeredMessage: z.object({ text: z.string().max(300), intent: z.string(), score: z.number(), answer: z.string().optional(), at: z.string() }).optional(),
  /** The task an urgent message also asked, kept (redacted) to be taken up after the ticket: dialogs/resumedTask.ts. */
  taskAfterHelp: z.object({ text: z.string().max(2000), intent: z.string(), score: z.number(), entities: z.record(z.string(), z.unknown()) }).optional(),
  /** A group conversation is welcomed once, not once per member. */
  welcomedAt: z.string().optional(),
  /** For a group or channel: where proactive messages to the group go. */
  reference: z.looseObject({}).optional(),
});
export type ConversationData = z.infer<typeof ConversationDataSchema>;

/** The link between this chat identity and an applicant's request (ARCHITECTURE.md "Identity"). */
export const LinkSchema = z.object({
  applicantId: z.string().min(1),
  /** Never the number in clear: the portal's masked form. */
  maskedNur: z.string().min(1),
  linkedAt: z.string(),
  /** Teams employees: the Entra identity the link was made with. */
  employee: z.object({ aadObjectId: z.string(), tenantId: z.string().optional() }).optional(),
});
export type Link = z.infer<typeof LinkSchema>;

export const UserDataSchema = z.looseObject({
  link: LinkSchema.optional(),
  /** A language the user chose explicitly. */
  language: z.enum(LANGUAGES).optional(),
  welcomedAt: z.string().optional(),
  /** The user's personal conversation, refreshed on every activity, for proactive messages. */
  reference: z.looseObject({}).optional(),
  /** Messages about the linked dossier (opt-in, offered at link time). */
  notifications: z.object({ enabled: z.boolean(), changedAt: z.string() }).optional(),
  /** Whether the user's employer contributes to Action Logement: the linked request's, read at link time, or a current one checked since. */
  employerContributes: z.boolean().optional(),
});
export type UserData = z.infer<typeof UserDataSchema>;

export const TRANSCRIPT_LENGTH = 20;
/**
 * And at most this many bytes (the lines as stored, in UTF-8): twenty messages at the longest the
 * assistant reads weigh 40 KB, saved on every turn for the whole life of the conversation.
 */
export const TRANSCRIPT_BYTES = 8 * 1024;
/** Redeliveries come within a minute, a few activities later at most. */
export const PROCESSED_ACTIVITY_IDS = 20;
