import { readEntities } from './entities/schemas';
import type { Intent, Recognition } from './intents';

/** Intents a message about one's own income and household is often mistaken for. */
const MISTAKEN_FOR: readonly Intent[] = ['searchOffers', 'faq', 'none', 'documents', 'greeting'];

/**
 * "on est 2 à Lyon, 35000 de RFR": people give their reference income to learn what they are entitled
 * to, never to search offers (a search takes a rent). A message that gives a yearly income with its
 * household or place, and names no kind of dwelling, is an eligibility question.
 */
export function asEligibilityQuestion(recognition: Recognition): Recognition {
  if (!MISTAKEN_FOR.includes(recognition.intent)) return recognition;
  const entities = readEntities(recognition.entities);
  const income = entities.amounts?.some((amount) => amount.income && amount.period !== 'month');
  const household = entities.persons !== undefined || (entities.places?.length ?? 0) > 0;
  if (!income || !household || (entities.typologies?.length ?? 0) > 0) return recognition;
  return { ...recognition, intent: 'eligibility', score: Math.max(recognition.score, 0.8) };
}
