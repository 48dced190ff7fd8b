import { foldText } from './entities/foldText';
import { readEntities } from './entities/schemas';
import type { Intent, Recognition } from './intents';

/** "mon numero unique c 0691124": the classifier reads "c" as "c'est quoi", or "mon numéro" as unlinking. */
const MISTAKEN_FOR: readonly Intent[] = ['faq', 'unlink', 'none', 'greeting', 'status'];
const NAMES_THE_NUMBER = /\b(?:numero|num|nur|nud|n°)\b/;
/** Six digits or more, possibly spaced: part of a unique number (13 digits and 5 characters). */
const DIGITS = /\d(?:[\s.-]?\d){5,}/;

/** "il finit par", "commence par", "ends with": a part of the number spoken of, not the number given. */
const PART_OF_IT = /\b(?:finit|finissent|termine|commence|commencent|debute|ends?|starts?|begins?) (?:par|avec|with|in|by)\b/;

/**
 * A message that names "mon numéro" and gives digits, but not a whole unique number, is an attempt to
 * give it: the link starts, and explains the shape expected. (A phone number or an e-mail is something else.)
 */
export function asNumberAttempt(recognition: Recognition): Recognition {
  if (!MISTAKEN_FOR.includes(recognition.intent)) return recognition;
  const entities = readEntities(recognition.entities);
  if (entities.uniqueNumber || entities.phone || entities.email) return recognition;
  const folded = foldText(recognition.text);
  if (!NAMES_THE_NUMBER.test(folded) || !DIGITS.test(folded)) return recognition;
  // "mon numero unique il finit par 000101, ça veut dire que je suis 101e ?": a question about a part of it.
  if (recognition.intent === 'faq' && PART_OF_IT.test(folded) && folded.includes('?')) return recognition;
  return { ...recognition, intent: 'linkNumber', score: Math.max(recognition.score, 0.8) };
}
