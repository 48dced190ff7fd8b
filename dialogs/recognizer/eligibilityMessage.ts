import { mentionsAny } from './entities/eligibilityWords';
import { isCorrection } from './correction';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { isYoungHousehold } from '../../services/eligibility/householdCategory';
import { readComposition, readCoupleAges, readDisabledPersons, readPersons, type HouseholdComposition } from './entities/household';
import { followsAPlaceWord, readIncome, type IncomeReading } from './entities/income';
import { meantPlace, placeZoneOfEntity, type PlaceZoneReading } from './entities/placeZone';
import { readEntities } from './entities/schemas';
import type { Recognition } from './intents';

/** What a message says of the place, the household and the income. */
export interface SaidFacts extends HouseholdComposition {
  place?: PlaceZoneReading;
  persons?: number;
  income?: IncomeReading;
  /** A couple without dependant whose two ages were said. */
  youngHousehold?: boolean;
  ages?: number[];
  /** 1 when a disability card is said, 0 when a disability is denied. */
  disabledPersons?: number;
}

export interface EligibilityMessage {
  /** Only what is said: an unsaid fact is absent (not undefined), so it never hides one already known. */
  said: SaidFacts;
  /** A priority situation is named (DALO, eviction, violence…): the answer says what it means. */
  mentionsPriority: boolean;
  /** A child is expected: the answer says the sources do not settle how it counts. */
  mentionsPregnancy: boolean;
}

// Not a typology or a reference ("T2", "OFR-00095"): a number after a letter or a dash is no count.
const BARE_NUMBER = /(?<![\d.,\p{L}-])(\d{1,3}(?:[ .]\d{3})+|\d+)(?![\d.,]*\d)(?! ?(?:ans|years|m2|pieces?|€|euros?|k\b|e\b))/gu;
/** Past this, a household count is a headcount of something else. */
const LARGEST_HOUSEHOLD = 15;

/** The number is written bare, not after "à", "dans", "code postal": a postcode only by its shape. */
function saysAsPostcodeOnly(text: string, value: number): boolean {
  const folded = normalizeForMatching(text);
  const at = folded.search(new RegExp(`(?<![0-9])${value}(?![0-9])`));
  return at >= 0 && !followsAPlaceWord(folded.slice(0, at));
}

/** In a correction, a bare number is the new household count (small) or the new income (large). */
function correctedNumbers(text: string): Pick<SaidFacts, 'persons' | 'income'> {
  if (!isCorrection(text)) return {};
  const numbers = [...text.matchAll(BARE_NUMBER)].map((match) => Number((match[1] ?? '').replace(/[ .]/g, '')));
  const persons = numbers.find((number) => number >= 1 && number <= LARGEST_HOUSEHOLD);
  const income = numbers.find((number) => number >= 1000);
  return { ...(persons !== undefined ? { persons } : {}), ...(income !== undefined ? { income: { kind: 'yearly' as const, value: income } } : {}) };
}

/** "on est 3 à Lyon avec 40 000 € de revenu fiscal": a message that asks about eligibility, read at once. */
export function readEligibilityMessage(recognition: Pick<Recognition, 'text' | 'entities'>): EligibilityMessage {
  const entities = readEntities(recognition.entities);
  const { text } = recognition;
  const said: SaidFacts = {};
  // "à Bordeaux… ah non plutôt Vincennes", "Nanterre, pas Nantes": of several places, the one meant.
  const place = (entities.places?.length ?? 0) > 1 ? (meantPlace(text) ?? entities.places?.[0]) : entities.places?.[0];
  if (place) said.place = placeZoneOfEntity(place);
  const persons = readPersons(text, entities, false);
  if (persons !== undefined) said.persons = persons;
  const income = readIncome(text, entities, false);
  if (income) said.income = income;
  const corrections = correctedNumbers(text);
  // "non plutôt 26000, j'ai oublié les primes": a correction's bare amount, not the postcode of Valence.
  if (corrections.income?.kind === 'yearly' && said.place && said.income === undefined && saysAsPostcodeOnly(text, corrections.income.value)) delete said.place;
  if (said.persons === undefined && corrections.persons !== undefined) said.persons = corrections.persons;
  if (said.income === undefined && corrections.income !== undefined) said.income = corrections.income;
  Object.assign(said, readComposition(text, said.persons));
  const ages = readCoupleAges(text);
  if (ages && said.persons === 2 && said.composition === 'couple') {
    said.youngHousehold = isYoungHousehold({ persons: 2, dependants: 0, ages });
    said.ages = ages;
  } else if (ages && (said.persons === undefined || (said.persons === 2 && said.composition === undefined))) {
    // The couple told before ("moi 29 ans elle 25, 34 000 à nous deux"): the ages are theirs (corrected()
    // settles the young household).
    said.ages = ages;
  }
  const disabledPersons = readDisabledPersons(text);
  if (disabledPersons !== undefined) said.disabledPersons = disabledPersons;
  return { said, mentionsPriority: mentionsAny(text, 'priority'), mentionsPregnancy: mentionsAny(text, 'pregnancy') };
}
