import { normalizeForMatching } from '../services/shared/normalizeForMatching';
import { z } from 'zod';
import { CompositionSchema } from './recognizer/entities/household';
import { isYoungHousehold } from '../services/eligibility/householdCategory';
import { IncomeReadingSchema } from './recognizer/entities/income';
import { isZoned, PendingPlaceSchema, type PlaceZoneReading } from './recognizer/entities/placeZone';
import { readEligibilityMessage, type SaidFacts } from './recognizer/eligibilityMessage';
import { isCorrection, isHypothetical } from './recognizer/correction';
import { extractEntities } from './recognizer/entities/extractEntities';
import { readPersons, readReplacedAge } from './recognizer/entities/household';
import { readIncome } from './recognizer/entities/income';
import { mentionsAny } from './recognizer/entities/eligibilityWords';
import type { Recognition } from './recognizer/intents';
import { openSealed, seal } from '../services/privacy/sealed';

const ZonedPlaceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('zone'), zone: z.enum(['parisBordering', 'restIdf', 'otherRegions']), name: z.string() }),
  z.object({ kind: z.literal('outOfScope') }),
]);

/**
 * What is known of the household so far: from the linked request, the messages, then the answers.
 * A schema, because the facts are kept between turns (a correction after the answer starts from them).
 */
export const FactsSchema = z.object({
  place: ZonedPlaceSchema.optional(),
  pendingPlace: PendingPlaceSchema.optional(),
  persons: z.number().optional(),
  composition: CompositionSchema.optional(),
  dependants: z.number().optional(),
  youngHousehold: z.boolean().optional(),
  /** A couple's two ages, when said: a correction of one ("elle a 24 ans, pas 28") settles the young household again. */
  ages: z.array(z.number()).length(2).optional(),
  disabledPersons: z.number().optional(),
  income: IncomeReadingSchema.optional(),
  incomeYear: z.union([z.number(), z.literal('last12Months')]).optional(),
});
export type Facts = z.infer<typeof FactsSchema>;

/**
 * The facts as kept with the conversation after an answer (for "en fait on est 4"): the income sealed
 * (`services/privacy/sealed.ts`), since the conversation is stored for 90 days and the privacy notice
 * says incomes are never kept in clear. A replica that cannot open it reads the facts without an income.
 */
export function factsToKeep(facts: Facts): Record<string, unknown> {
  const { income, ...others } = facts;
  return income === undefined ? others : { ...others, sealedIncome: seal(JSON.stringify(income)) };
}

/** The kept facts, the income opened when it can be; undefined when they are not facts. */
export function keptFacts(kept: unknown): Facts | undefined {
  if (typeof kept !== 'object' || kept === null) return undefined;
  const { sealedIncome, ...others } = kept as Record<string, unknown>;
  const opened = openSealed(sealedIncome);
  const income = opened === undefined ? undefined : IncomeReadingSchema.safeParse(JSON.parse(opened)).data;
  const parsed = FactsSchema.safeParse(income === undefined ? others : { ...others, income });
  return parsed.success ? parsed.data : undefined;
}

/** The cases an answer may assume absent that a bare yes or no settles (the ages are said, not confirmed). */
export const YES_NO_CONDITIONS: readonly string[] = ['disability', 'singleAdult'];

/** The slot a question of the eligibility form fills. */
export type Slot = 'place' | 'persons' | 'income' | 'composition' | 'ages' | 'disability';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The slots a message changes: "en fait on est 4" the persons, "plutôt à Paris" the place. A fact said
 * again as it was known ("mon mari l'a" in a couple) changes nothing.
 */
export function slotsChanged(known: Facts, said: Facts): Slot[] {
  const slots: Slot[] = [];
  if ((said.place && !same(said.place, known.place)) || (said.pendingPlace && !same(said.pendingPlace, known.pendingPlace))) slots.push('place');
  if (said.persons !== undefined && said.persons !== known.persons) slots.push('persons');
  if (said.income !== undefined && !same(said.income, known.income)) slots.push('income');
  if ((said.composition !== undefined && said.composition !== known.composition) || (said.dependants !== undefined && said.dependants !== known.dependants)) slots.push('composition');
  if (said.youngHousehold !== undefined && said.youngHousehold !== known.youngHousehold) slots.push('ages');
  if (said.disabledPersons !== undefined && said.disabledPersons !== known.disabledPersons) slots.push('disability');
  return slots;
}

/**
 * The known facts corrected by what a message says: a new household count forgets what was derived from
 * the old one (dependants, young couple, disability), a new income forgets its year, a new place its
 * pending question. Who the adults are stays while the household keeps several persons: "on est 3 en
 * fait, ma grande vit plus avec nous" is still the couple, with one child.
 */
export function corrected(known: Facts, said: Facts): Facts {
  const facts: Facts = { ...known };
  if (said.persons !== undefined && said.persons !== known.persons) {
    delete facts.dependants;
    delete facts.youngHousehold;
    delete facts.disabledPersons;
    const sameAdults = (known.persons ?? 0) >= 2 && said.persons >= 2;
    if (said.composition === undefined && !sameAdults) delete facts.composition;
  }
  if (said.income !== undefined) delete facts.incomeYear;
  if (said.place) delete facts.pendingPlace;
  if (said.pendingPlace) delete facts.place;
  const merged = { ...facts, ...said };
  // "moi 26 ans lui 24", said after "on est 2 avec mon copain, pas d'enfant": the couple's ages settle the young household.
  if (said.ages && said.youngHousehold === undefined && merged.persons === 2 && merged.composition === 'couple' && !merged.dependants) {
    merged.youngHousehold = isYoungHousehold({ persons: 2, dependants: 0, ages: said.ages });
  }
  return merged;
}

/** What a message says, as facts: a place whose zone is known, or one still needing a question. */
export function factsFromMessage(said: SaidFacts): Facts {
  const { place, ...household } = said;
  return place ? { ...placeFacts(place), ...household } : household;
}

export function placeFacts(reading: PlaceZoneReading): Pick<Facts, 'place' | 'pendingPlace'> {
  return isZoned(reading) ? { place: reading } : { pendingPlace: reading };
}

/** Past this many words, a message is more than an answer to the question on screen. */
const SHORT_ANSWER_WORDS = 4;

/** Where an income is read: "sur mon avis c 19800" is the income, though 19800 is also Corrèze's postcode. */
const WHERE_THE_INCOME_IS = /(?<![a-z])(?:avis|rfr|revenus?|fiscal|impots?|impot|income|tax|notice)(?![a-z])/;
/** An answer that says where its amount is read stays an answer up to this many words. */
const SOURCED_ANSWER_WORDS = 8;

/** Whether a short message is a plain answer to the persons, income or place question. */
function answersTheQuestion(asked: Slot, text: string): boolean {
  const words = text.trim().split(/\s+/).length;
  if (asked === 'income' && words <= SOURCED_ANSWER_WORDS && WHERE_THE_INCOME_IS.test(normalizeForMatching(text))) return readIncome(text, {}, true) !== undefined;
  if (words > SHORT_ANSWER_WORDS) return false;
  if (asked === 'persons') {
    const persons = readPersons(text, extractEntities(text, new Date()).entities, true);
    return persons !== undefined && !/\p{L}{3,}.*\p{L}{3,}/u.test(text.replace(/personnes?|people|persons?/giu, ''));
  }
  if (asked === 'income') return readIncome(text, {}, true) !== undefined;
  // "pardon 75020" after an unknown postcode: the place asked, not an income.
  if (asked === 'place') return (extractEntities(text, new Date()).entities.places ?? []).length > 0;
  return false;
}

/**
 * What a message typed at the question for `asked` corrects ("en fait on est 4" at the income
 * question): the known facts corrected, for the form to go on from; undefined when the message is the
 * answer to that question. A short answer goes to its question whatever else its words could be
 * ("33000" at the income question is not Bordeaux's postal code, "four" at "how many?" not Four in
 * Isère), and who the adults are ("un couple", "parent seul") does not recount the persons known.
 */
export function correctionAt(asked: Slot, known: Facts, message: Pick<Recognition, 'text' | 'entities'>): Facts | undefined {
  if (answersTheQuestion(asked, message.text)) return undefined;
  const said = factsFromMessage(readEligibilityMessage(message).said);
  // At "qui compose votre foyer ?", "seule avec 2 enfants" counts the persons as it answers; "en fait on
  // est 4" corrects them.
  // "et si on était 3 ?" asks for another case: it changes the count too.
  const countsAsItAnswers = (slot: Slot) => slot === 'persons' && (asked === 'composition' || asked === 'ages') && !isCorrection(message.text) && !isHypothetical(message.text);
  const others = slotsChanged(known, said).filter((slot) => slot !== asked && !countsAsItAnswers(slot));
  return others.length > 0 ? corrected(known, said) : undefined;
}

/**
 * "ah non elle a 24 ans pas 28": one of a couple's ages corrected — the ages known with that one replaced,
 * and whether they still make a young household; undefined when the message corrects no age known.
 */
export function agesCorrected(known: Facts, text: string): Pick<Facts, 'ages' | 'youngHousehold'> | undefined {
  const replaced = readReplacedAge(text);
  if (!replaced || !known.ages?.includes(replaced.instead)) return undefined;
  const at = known.ages.indexOf(replaced.instead);
  const ages = known.ages.map((age, index) => (index === at ? replaced.said : age));
  return { ages, youngHousehold: isYoungHousehold({ persons: 2, dependants: 0, ages }) };
}

/** Someone who would live with the household: "en coloc avec ma sœur", "si mon copain s'installe avec moi", "if my sister moves in". */
const JOINS = /(?<![a-z])(?:(?:en )?colocation|(?:en )?coloc|s installe|s installait|emmenag\w*|vient vivre|venait vivre|vivre avec|habiter avec|moves? in|moved in|live with|living with|share with)(?![a-z])/;
/** A child to come, asked as a case: "et si on a un bébé ?", "si j'attends un enfant", "if we had a baby", "another kid". */
const CHILD_COMING = /(?<![a-z])(?:(?:si|et si|if|what if|and if)(?: [a-z]+){0,4} (?:un bebe|un enfant|un autre enfant|un 2e enfant|un deuxieme enfant|a baby|a child|a kid|another (?:baby|child|kid)|a second (?:baby|child|kid))|(?:et|and) (?:avec|with) (?:un|a) (?:bebe|enfant|baby|child|kid)|(?:un|one) (?:bebe|enfant|baby|child|kid) de plus|(?:one )?more (?:baby|child|kid))(?![a-z])/;
const PARTNER = /(?<![a-z])(?:mon (?:copain|compagnon|mari|conjoint|fiance)|ma (?:copine|compagne|femme|conjointe|fiancee)|my (?:partner|boyfriend|girlfriend|husband|wife|fiance|fiancee))(?![a-z])/;
/** An amount said of that person: "elle a 15 000", "il gagne 1 800", "she earns 20k", "son rfr". */
const THEIR_INCOME = /(?<![a-z])(?:elle|il|she|he|her|his|son|sa) (?:a|gagne|touche|fait|declare|has|earns|makes|gets|rfr|revenu|income)(?![a-z])/;

/**
 * One more person to house, said after an answer with that person's own income ("en coloc avec ma sœur ?
 * elle a 15 000 de revenu fiscal"): the household one larger (a couple when a partner joins one adult),
 * the incomes added — never the other's income in place of the household's.
 */
export function personJoining(known: Facts, said: Facts, text: string): Facts | undefined {
  const folded = normalizeForMatching(text).replace(/'/g, ' ');
  if (known.persons === undefined || said.persons !== undefined) return undefined;
  // "And if we had a baby next year?": one more person, a child in the household's care.
  if (CHILD_COMING.test(folded) && !mentionsAny(text, 'pregnancy')) return { ...said, persons: known.persons + 1, dependants: (known.dependants ?? 0) + 1 };
  if (!JOINS.test(folded)) return undefined;
  const joined: Facts = { ...said, persons: known.persons + 1 };
  if (PARTNER.test(folded) && known.persons === 1) joined.composition = 'couple';
  else if (known.persons === 1) joined.composition = 'adults';
  // Their income alone is no household's income: added to the one known, else the household's is asked.
  if (said.income?.kind === 'yearly' && THEIR_INCOME.test(folded)) {
    if (known.income?.kind === 'yearly') joined.income = { kind: 'yearly', value: known.income.value + said.income.value };
    else delete joined.income;
  }
  return joined;
}
