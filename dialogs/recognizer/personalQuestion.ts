import { readEntities, type FaqTopic } from './entities/schemas';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { Intent, Recognition } from './intents';

/**
 * General questions whose answer, for a user whose request is linked, is in their own dossier: "j'ai
 * combien de temps pour répondre ?" is answered with their proposal, its date and the days left — not
 * with "the exact deadline is not in my sources".
 */
const OWN_ANSWER_OF_TOPIC: Partial<Record<FaqTopic, Intent>> = {
  tenDays: 'proposal',
};

/** Words that say the question is about a proposal ("combien de temps pour avoir un logement ?" is not). */
const ABOUT_A_PROPOSAL = /(?<![a-z])(?:propos\w*|repond\w*|reponse|accept\w*|refus\w*|answer\w*|offered|offer)(?![a-z])/;

export function asPersonalQuestion(recognition: Recognition, linked: boolean): Recognition {
  if (!linked || recognition.intent !== 'faq') return recognition;
  const topic = readEntities(recognition.entities).topic;
  const own = topic ? OWN_ANSWER_OF_TOPIC[topic] : undefined;
  if (!own || !ABOUT_A_PROPOSAL.test(normalizeForMatching(recognition.text))) return recognition;
  return { ...recognition, intent: own };
}
