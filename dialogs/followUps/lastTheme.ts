import type { TurnContext } from 'botbuilder';
import type { ConversationData } from '../turn/stateSchemas';
import { optionalTurnStateOf } from '../turn/turnAccess';
import { TOPIC_KEPT_MS } from './lastTopic';

/** The knowledge base's theme of an answer just given, and its entry when it was one of the base's. */
export interface AnswerTheme {
  theme: string;
  entry?: string;
}

/** Called where an answer is given: the next question may go on within its theme. */
export function rememberTheme(context: TurnContext, theme: AnswerTheme, now = new Date()): void {
  const state = optionalTurnStateOf(context);
  if (state) state.conversation.lastTheme = { ...theme, at: now.toISOString() };
}

/** The theme of the answer just before this message, taken off the conversation (only the next message goes on from it). */
export function takeTheme(conversation: ConversationData, now: Date): AnswerTheme | undefined {
  const kept = conversation.lastTheme;
  delete conversation.lastTheme;
  if (!kept || now.getTime() - Date.parse(kept.at) > TOPIC_KEPT_MS) return undefined;
  return kept.entry === undefined ? { theme: kept.theme } : { theme: kept.theme, entry: kept.entry };
}
