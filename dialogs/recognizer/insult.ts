import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { asksForAPerson } from './answers/answerReader';
import type { Intent, Recognition } from './intents';
import words from './insultWords.json';

const PATTERN = new RegExp(
  `(?:^| )(?:${[...words.fr, ...words.en]
    .map((word) => normalizeForMatching(word.replace(/\*/g, ' STAR ')).replace(/ star$/, '[a-z]*').replace(/ star /g, '[a-z]* '))
    .join('|')})(?= |$)`,
);

/** The marker set on a recognition whose message insults or vents at the assistant. */
const INSULT = 'insult';
/** What an angry message is often mistaken for, or already is: never a task to carry out. */
const NOT_A_TASK: readonly Intent[] = ['helpdesk', 'complaint', 'thanks', 'greeting', 'goodbye', 'none'];
/** Above this, the task the classifier read beside the anger is clear. */
const SURE_TASK = 0.9;
/** What an angry message may still be, clearly: these stay what they are. */
const KEPT: readonly Intent[] = ['cancel', 'menu', 'changeLanguage'];

/** "t nul ptn de bot de merde", "you are a useless stupid bot": anger at the assistant. */
export function isInsulting(text: string): boolean {
  return PATTERN.test(` ${normalizeForMatching(text.slice(0, 600))} `);
}

/**
 * Anger is never thanked ("Avec plaisir !") nor quoted back ("Je n'ai pas compris « … »"): the message
 * goes to the helpdesk, which answers calmly and offers a person — unless it asks clearly for
 * something else a person would not be needed for.
 */
export function asInsultHandled(recognition: Recognition): Recognition {
  if (!recognition.text || KEPT.includes(recognition.intent) || !isInsulting(recognition.text)) return recognition;
  // "ce site est nul, je cherche un T2 à Lyon": a clear task goes on; anything else is the anger itself.
  const clearTask = !NOT_A_TASK.includes(recognition.intent) && !asksForAPerson(recognition.text) && recognition.score >= SURE_TASK;
  if (clearTask) return recognition;
  return { ...recognition, intent: 'complaint', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, [INSULT]: true } };
}

export function isInsultHandled(recognition: Pick<Recognition, 'entities'>): boolean {
  return recognition.entities[INSULT] === true;
}
