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

/** "Utile ? 👍 👎" under an answer: kept per answer, language, channel and day, without the user or the text. */
export interface AnswerFeedback {
  record(feedback: { answer: string; useful: boolean; language: string; channel: string }): Promise<void>;
}
