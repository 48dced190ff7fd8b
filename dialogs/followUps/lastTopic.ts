import type { TurnContext } from 'botbuilder';
import type { FollowUpKind } from '../recognizer/followUpQuestion';
import type { ConversationData } from '../turn/stateSchemas';
import { optionalTurnStateOf } from '../turn/turnAccess';

/** What an answer was about, kept for the question that may follow it. */
export interface Topic {
  /** The dialog that gave the answer, and answers what follows it. */
  owner: string;
  name: string;
  /** What it needs to say more: codes, a financing, a ceiling, counts — never personal data. */
  facts: Record<string, string | number>;
}

/** A follow-up comes right after its answer; past this, "pourquoi ?" is about something else. */
export const TOPIC_KEPT_MS = 30 * 60 * 1000;

/** What a dialog says to a follow-up of its answer: done, an entry of the knowledge base, or nothing. */
export type FollowUpAnswer = 'answered' | { knowledgeEntry: string } | undefined;

export interface AnswersFollowUps {
  answerFollowUp(context: TurnContext, topic: Topic, kind: FollowUpKind): Promise<FollowUpAnswer>;
}

export function answersFollowUps(dialog: unknown): dialog is AnswersFollowUps {
  return typeof (dialog as Partial<AnswersFollowUps> | undefined)?.answerFollowUp === 'function';
}

/** Called by the dialog that just answered: the next short question may be about this. */
export function rememberTopic(context: TurnContext, topic: Topic, now = new Date()): void {
  const state = optionalTurnStateOf(context);
  if (state) state.conversation.lastTopic = { ...topic, at: now.toISOString() };
}

/**
 * The topic of the answer just before this message, taken off the conversation: only the answer of
 * this turn is followed next turn (a dialog answering again, or a follow-up answered, remembers anew).
 */
export function takeTopic(conversation: ConversationData, now: Date): Topic | undefined {
  const kept = conversation.lastTopic;
  delete conversation.lastTopic;
  if (!kept || now.getTime() - Date.parse(kept.at) > TOPIC_KEPT_MS) return undefined;
  return { owner: kept.owner, name: kept.name, facts: kept.facts };
}
