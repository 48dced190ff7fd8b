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
  const task = recognition.intent !== 'helpdesk' && recognition.intent !== 'complaint' && !asksForAPerson(recognition.text) && recognition.score >= 0.9;
  if (task && !['thanks', 'greeting', 'goodbye', 'none'].includes(recognition.intent)) return recognition;
  return { ...recognition, intent: 'complaint', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, [INSULT]: true } };
}

export function isInsultHandled(recognition: Pick<Recognition, 'entities'>): boolean {
  return recognition.entities[INSULT] === true;
}
