import type { TurnContext } from 'botbuilder';

/**
 * What the conversation needs from its host and declares here; `bot/` implements each one. The
 * dialogs never import `bot/`: they receive these in the `DialogServices` bundle.
 */

export type AttemptVerdict = { allowed: true } | { allowed: false; retryAfterMinutes: number };

/** Counts attempts per key in a window (across replicas when the host has Redis). */
export interface AttemptLimiter {
  consume(key: string): Promise<AttemptVerdict>;
}

/**
 * Keeps turns short: work that finishes within the host's budget is answered in the turn; slower work
 * gets a "I'm on it" now and its answer later, as a proactive message in the same conversation.
 */
export interface BackgroundWork {
  answerWithinBudget<T>(
    context: TurnContext,
    work: () => Promise<T>,
    answer: (context: TurnContext, result: T) => Promise<void>,
    answerFailure: (context: TurnContext, error: unknown) => Promise<void>,
  ): Promise<void>;
}

export interface OpenedTicket {
  ticketId: string;
  urgency: 'normal' | 'urgent';
  /** Already redacted, in French (the helpdesk's language). */
  summary: string;
}

/** Who must know a ticket was opened: the relay (without a hub) and, when urgent, the helpdesk channel. */
export interface TicketAnnouncer {
  ticketOpened(context: TurnContext, ticket: OpenedTicket): Promise<void>;
}

/** What was wrong with an answer, chosen after 👎 (a choice, never free text: nothing personal is kept). */
export const FEEDBACK_REASONS = ['notMyQuestion', 'unclear', 'wrong', 'other'] as const;
export type FeedbackReason = (typeof FEEDBACK_REASONS)[number];

/** One press under an answer: 👍/👎 (`useful`), or the reason chosen after 👎 (`reason`). */
export type FeedbackPress = { answer: string; language: string; channel: string } & ({ useful: boolean } | { reason: FeedbackReason });

/** "Utile ? 👍 👎" under an answer: kept per answer, language, channel and day, without the user or the text. */
export interface AnswerFeedback {
  record(feedback: FeedbackPress): Promise<void>;
}

/** Why a message is kept for review: not understood, answered unsure, rephrased after its answer, or a person asked for after it. */
export const MISS_REASONS = ['notUnderstood', 'unsure', 'lowConfidence', 'rephrased', 'personAsked'] as const;
export type MissReason = (typeof MISS_REASONS)[number];

/** A message the assistant missed, as kept: redacted, with the intent guessed; never who wrote it. */
export interface Miss {
  /** Redacted by services/privacy before it is handed over. */
  text: string;
  intent: string;
  score: number;
  reason: MissReason;
  language: string;
  channel: string;
}

/** Where misses are kept for a limited time, for a person to review (`npm run review`). */
export interface MissLog {
  keep(miss: Miss): Promise<void>;
}
