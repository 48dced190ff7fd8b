import { isCorrection } from '../correction';
import { z } from 'zod';
import { normalizeForMatching } from '../../../services/shared/normalizeForMatching';
import { affirmsPhrase } from '../../../services/shared/affirmedPhrase';
import { mentionsAny, wordsOf } from './eligibilityWords';
import { countOf, COUNT_PATTERN } from './numberWords';
import type { RecognizedEntities } from './schemas';
import { isStaffCount, namesANewPartner } from './persons';

/** Who the adults are: one adult with children, a couple, or adults (one, or several not in a couple). */
export const CompositionSchema = z.enum(['single', 'couple', 'adults']);
export type Composition = z.infer<typeof CompositionSchema>;

/** Who the household is, when a message says it; the dependants only when they are counted. */
export interface HouseholdComposition {
  composition?: Composition;
  dependants?: number;
}

// "on est 40", "0 personne", "-2 personnes": read even when impossible, so the question can say why.
const PERSONS_SAID = /(?:on est|on [eé]t?|on sera|on [eé]tait|on serait|nous sommes|nous serons|nous [eé]tions|nous serions|we are|we're|we were|there are)\s+(-?\d+(?:[.,]\d+)?)(?![\d.,]*\s*(?:€|euros?|k\b|ans|years|et \d|and \d|& ?\d|adultes?\b|adults?\b|grands?\b|salari|employ|coll[eè]gues?\b|staff\b))|(-?\d+(?:[.,]\d+)?)\s*(?:personnes?|pers\b|people|persons?)/i;
const BARE_NUMBER = /^\s*(-?\d+(?:[.,]\d+)?)\s*$/;

/** The number of persons said; `answer` when the text answers "how many persons?" (a bare number counts). */
export function readPersons(text: string, entities: RecognizedEntities, answer: boolean): number | undefined {
  // "on est 3 euh non 4": the recognizer's count is the one said last.
  if (entities.persons !== undefined && isCorrection(text)) return entities.persons;
  const count = countSaid(text);
  // "je suis vendeuse dans une boulangerie (on est 12)": the staff, not the household.
  if (count !== undefined && !isStaffCount(text, count)) return count;
  if (entities.persons !== undefined) return entities.persons;
  if (!answer) return undefined;
  const bare = BARE_NUMBER.exec(text);
  if (bare) return Number((bare[1] ?? '').replace(',', '.'));
  return countOf(normalizeForMatching(text));
}

/** "moi et mes filles", "moi + mes 2 enfants", "me and my kids": the writer alone with the children. */
const ME_AND_MY_CHILDREN = / (?:moi|me|myself) (?:et|and|\+|avec|with) (?:mes|my) (?:\d+ |deux |trois |quatre |two |three |four )?(?:enfants?|filles?|fils|garcons|gosses|gamins|ados|kids|children|daughters?|sons?|boys|girls) /;

/** "une boulangerie, on est 12": the staff of the workplace named, when a count said is that. */
export function staffCountSaid(text: string): number | undefined {
  const count = countSaid(text);
  return count !== undefined && isStaffCount(text, count) ? count : undefined;
}

/** "on est 3", "3 personnes": the count said in so many words, whoever it counts. */
function countSaid(text: string): number | undefined {
  const said = PERSONS_SAID.exec(text);
  return said ? Number((said[1] ?? said[2] ?? '').replace(',', '.')) : undefined;
}

/** Who the household is, when the message says it: "seule avec 2 enfants", "en couple", "avec 1 enfant". */
export function readComposition(text: string, persons: number | undefined): HouseholdComposition {
  if (mentionsAny(text, 'singleAdult')) return { composition: 'single' };
  // Flatmates, friends, a brother and a sister: adults, not a couple (the young-household rule is for couples),
  // even living together ("mon coloc et moi on vit ensemble").
  const said = ` ${normalizeForMatching(text)} `;
  const notACouple = said.match(/\b(?:pas|plus|not) (?:en )?(?:a )?couple\b/) !== null || mentionsAny(text, 'adultsNotCouple');
  // Divorcing, separated or widowed: "mon mari", "l'avis du couple" are the couple that is ending, not one to
  // house — only a new partner ("mon nouveau compagnon") makes a couple again.
  const separating = mentionsAny(text, 'separated');
  const couple = separating ? wordsOf('couple').some((word) => namesANewPartner(word) && affirmsPhrase(said, word)) : mentionsAny(text, 'couple');
  if (couple && !notACouple) return { composition: 'couple' };
  // Divorcing, separated or widowed with children, and no new partner named: one adult with dependants.
  if (persons !== undefined && persons > 1 && separating) return { composition: 'single' };
  if (notACouple) return { composition: 'adults', dependants: 0 };
  if (persons === undefined || !mentionsAny(text, 'children')) return {};
  // "moi et mes filles", "me and my kids": the writer and the children, nobody else.
  if (ME_AND_MY_CHILDREN.test(said)) return { composition: 'single' };
  const counted = new RegExp(` (${COUNT_PATTERN}) (?:${wordsOf('children').join('|')}) `).exec(said);
  const children = counted ? (countOf(counted[1] ?? '') ?? 1) : 1;
  if (children >= persons) return {};
  return persons - children === 1 ? { composition: 'single' } : { composition: 'adults', dependants: children };
}

// Inside a sentence: "26 et 27 ans", "52 and 58", "28 ans tous les deux", "both 28", "my husband and I (62 and 65)",
// "moi 24 ans lui 27", "moi 26 ans et mon copain 27".
const TWO_AGES = /(?<![\d,.])(\d{2}) ?(?:ans? )?(?:et|and|&|\/) ?(\d{2}) ?(?:ans|years?|yo|y o)(?![a-z])|(?:we are|we re|are|on a|ont|avons|sommes|agees? de|aged) (\d{2}) (?:et|and) (\d{2})(?![\d])|(?:j ai|jai|g|i m|im|moi|me) (\d{2}) (?:ans |years old |yo )?(?:et )?(?:and )?(?:mon|ma|my) (?:copain|copine|mari|femme|conjointe?|compagnon|compagne|epouse?|epoux|boyfriend|girlfriend|husband|wife|partner) (?:a |is )?(\d{2})(?![\d])|(?:husband|wife|partner|mari|femme|conjointe?|compagnon|compagne|copain|copine) (?:and i|and me|et moi) (\d{2}) (?:et|and|&) (\d{2})(?![\d])|(?:moi|me|i m|im) (\d{2})(?: ?ans| years old| yo)?,? (?:et |and )?(?:lui|elle|him|her|he s|she s|he is|she is)(?: a| is)? (\d{2})(?![\d])/;
/** Two numbers of two digits joined, set apart by punctuation: "…, 45 and 50, …", "(29/31)". */
const LISTED_AGES = /(?:^|[,;:(]\s*)(\d{2}) ?(?:et|and|&|\/) ?(\d{2})\s*(?=[,;.)]|$)/;
const COUPLE_WORDS = /(?<![a-z])(?:couple|en couple|mari|femme|epoux|epouse|conjointe?|compagnon|compagne|copain|copine|husband|wife|partner|boyfriend|girlfriend|fiancee?)(?![a-z])/;
const SAME_AGE = /(?<![\d,.])(\d{2}) ?ans tous (?:les )?(?:deux|2)|(?<![\d,.])(\d{2}) ?ans chacun|both (\d{2})(?![\d])|(?<![\d,.])(\d{2}) each(?![a-z])/;

/** The two ages of a couple said inside a longer message, in whole years; undefined when not said. */
export function readCoupleAges(text: string): number[] | undefined {
  const folded = ` ${normalizeForMatching(text)} `;
  const two = TWO_AGES.exec(folded);
  if (two) {
    const ages = [Number(two[1] ?? two[3] ?? two[5] ?? two[7] ?? two[9]), Number(two[2] ?? two[4] ?? two[6] ?? two[8] ?? two[10])];
    return ages.every((age) => age >= 16 && age <= 110) ? ages : undefined;
  }
  // "couple, no kids, 45 and 50, income 41k": two ages listed on their own in a message about a couple.
  const listed = COUPLE_WORDS.test(folded) ? LISTED_AGES.exec(text) : null;
  if (listed) {
    const ages = [Number(listed[1]), Number(listed[2])];
    if (ages.every((age) => age >= 18 && age <= 99)) return ages;
  }
  const same = SAME_AGE.exec(folded);
  const age = same ? Number(same[1] ?? same[2] ?? same[3] ?? same[4]) : undefined;
  return age !== undefined && age >= 16 && age <= 110 ? [age, age] : undefined;
}

/**
 * A disability card said in the message: "j'ai la carte CMI invalidité" → 1; a disability denied ("pas
 * de handicap", "no disability") → 0; not said, or a disability without the card → undefined, asked
 * when it changes the answer (FACTS.md: only the CMI invalidité moves the household up one category).
 */
export function readDisabledPersons(text: string): number | undefined {
  if (mentionsAny(text, 'disabilityCard')) return 1;
  const said = ` ${normalizeForMatching(text)} `;
  return wordsOf('disability').some((word) => said.includes(` ${word} `)) ? 0 : undefined;
}

/** "27 et 29", "27 ans et 29 ans", "27/29": both ages of a couple, in whole years. */
export function readAges(text: string): number[] | undefined {
  // "on gagne 38 000", "rfr 25 000 €": an amount, its thousands apart, is no pair of ages.
  if (/\d[\s\u00a0\u202f.]\d{3}(?!\d)|\d\s*(?:€|euros?|k\b)/i.test(text)) return undefined;
  const ages = [...text.matchAll(/\d{1,3}/g)].map((match) => Number(match[0]));
  return ages.length === 2 && ages.every((age) => age <= 120) ? ages : undefined;
}

// "elle a 24 ans pas 28", "24 et non 28", "not 28 but 24", "pas 28 mais 24".
const AGE_INSTEAD = /(?<!\d)(\d{2}) ?(?:ans|years old)?,? (?:pas|et non|non pas|not|au lieu de|instead of) (\d{2})(?!\d)/;
const AGE_NOT_BUT = /(?<![a-z])(?:pas|not) (\d{2}) ?(?:ans)?,? (?:mais|but) (\d{2})(?!\d)/;

/** An age said in place of another: "elle a 24 ans pas 28" → said 24 instead of 28. */
export function readReplacedAge(text: string): { said: number; instead: number } | undefined {
  const folded = normalizeForMatching(text);
  const instead = AGE_INSTEAD.exec(folded);
  if (instead) return { said: Number(instead[1]), instead: Number(instead[2]) };
  const notBut = AGE_NOT_BUT.exec(folded);
  return notBut ? { said: Number(notBut[2]), instead: Number(notBut[1]) } : undefined;
}
