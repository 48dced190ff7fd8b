import { readEntities, type FaqTopic } from './entities/schemas';
import type { Intent, Recognition } from './intents';

/**
 * General questions whose answer, for a user whose request is linked, is in their own dossier: "j'ai
 * combien de temps pour répondre ?" is answered with their proposal, its date and the days left — not
 * with "the exact deadline is not in my sources".
 */
const OWN_ANSWER_OF_TOPIC: Partial<Record<FaqTopic, Intent>> = {
  tenDays: 'proposal',
};

export function asPersonalQuestion(recognition: Recognition, linked: boolean): Recognition {
  if (!linked || recognition.intent !== 'faq') return recognition;
  const topic = readEntities(recognition.entities).topic;
  const own = topic ? OWN_ANSWER_OF_TOPIC[topic] : undefined;
  return own ? { ...recognition, intent: own } : recognition;
}
