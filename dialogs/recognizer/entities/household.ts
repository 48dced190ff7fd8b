import { z } from 'zod';
import { normalizeForMatching } from '../../../services/shared/normalizeForMatching';
import { mentionsAny, wordsOf } from './eligibilityWords';
import { countOf, COUNT_PATTERN } from './numberWords';
import type { RecognizedEntities } from './schemas';

/** Who the adults are: one adult with children, a couple, or adults (one, or several not in a couple). */
export const CompositionSchema = z.enum(['single', 'couple', 'adults']);
export type Composition = z.infer<typeof CompositionSchema>;

/** Who the household is, when a message says it; the dependants only when they are counted. */
export interface HouseholdComposition {
  composition?: Composition;
  dependants?: number;
}

// "on est 40", "0 personne", "-2 personnes": read even when impossible, so the question can say why.
const PERSONS_SAID = /(?:on est|on sera|nous sommes|nous serons|we are|we're|there are)\s+(-?\d+(?:[.,]\d+)?)(?![\d.,]*\s*(?:€|euros?|k\b|ans|years))|(-?\d+(?:[.,]\d+)?)\s*(?:personnes?|pers\b|people|persons?)/i;
const BARE_NUMBER = /^\s*(-?\d+(?:[.,]\d+)?)\s*$/;

/** The number of persons said; `answer` when the text answers "how many persons?" (a bare number counts). */
export function readPersons(text: string, entities: RecognizedEntities, answer: boolean): number | undefined {
  const said = PERSONS_SAID.exec(text);
  if (said) return Number((said[1] ?? said[2] ?? '').replace(',', '.'));
  if (entities.persons !== undefined) return entities.persons;
  if (!answer) return undefined;
  const bare = BARE_NUMBER.exec(text);
  if (bare) return Number((bare[1] ?? '').replace(',', '.'));
  return countOf(normalizeForMatching(text));
}

/** Who the household is, when the message says it: "seule avec 2 enfants", "en couple", "avec 1 enfant". */
export function readComposition(text: string, persons: number | undefined): HouseholdComposition {
  if (mentionsAny(text, 'singleAdult')) return { composition: 'single' };
  if (mentionsAny(text, 'couple')) return { composition: 'couple' };
  if (persons === undefined || !mentionsAny(text, 'children')) return {};
  const folded = ` ${normalizeForMatching(text)} `;
  const counted = new RegExp(` (${COUNT_PATTERN}) (?:${wordsOf('children').join('|')}) `).exec(folded);
  const children = counted ? (countOf(counted[1] ?? '') ?? 1) : 1;
  if (children >= persons) return {};
  return persons - children === 1 ? { composition: 'single' } : { composition: 'adults', dependants: children };
}

/** "27 et 29", "27 ans et 29 ans", "27/29": both ages of a couple, in whole years. */
export function readAges(text: string): number[] | undefined {
  const ages = [...text.matchAll(/\d{1,3}/g)].map((match) => Number(match[0]));
  return ages.length === 2 && ages.every((age) => age <= 120) ? ages : undefined;
}
