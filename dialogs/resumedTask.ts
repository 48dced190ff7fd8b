import type { Attachment } from 'botbuilder';
import type { Translate } from './i18n';
import { adaptiveCard, intentButton } from './cards/adaptiveCard';
import { isIntent, type Intent, type Recognition } from './recognizer/intents';
import type { ConversationData } from './turn/stateSchemas';

/** The button's mark: this press takes up the task kept in the conversation. */
const RESUME = 'resumeTask';

/**
 * After an urgent situation is handed to a person (or the person declines), the task the same message
 * asked is offered again: the message is kept (as dialogs keep their options: redacted) and the button
 * replays it, so the task starts with what was already said ("un T3 à Lyon").
 */
export function rememberTaskAfterHelp(conversation: ConversationData, kept: Recognition, task: Intent): void {
  conversation.taskAfterHelp = { ...kept, intent: task, score: 1 };
}

export function resumeTaskCard(t: Translate, task: Intent): Attachment {
  const label = t(`helpdesk:resume.${task}`);
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: t('helpdesk:resume.offer'), wrap: true }],
    actions: [intentButton(label, task, { [RESUME]: true })],
    fallbackText: `${t('helpdesk:resume.offer')} ${label}`,
  });
}

/** The press of that button: the kept message, as first recognised (used once). */
export function asResumedTask(recognition: Recognition, conversation: ConversationData): Recognition {
  const kept = conversation.taskAfterHelp;
  if (recognition.entities[RESUME] !== true || !kept || kept.intent !== recognition.intent || !isIntent(kept.intent)) return recognition;
  delete conversation.taskAfterHelp;
  return { text: kept.text, intent: kept.intent, score: 1, entities: kept.entities };
}
