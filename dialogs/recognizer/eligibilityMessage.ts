import { mentionsAny } from './entities/eligibilityWords';
import { readComposition, readPersons, type HouseholdComposition } from './entities/household';
import { readIncome, type IncomeReading } from './entities/income';
import { placeZoneOfEntity, type PlaceZoneReading } from './entities/placeZone';
import { readEntities } from './entities/schemas';
import type { Recognition } from './intents';

/** What a message says of the place, the household and the income. */
export interface SaidFacts extends HouseholdComposition {
  place?: PlaceZoneReading;
  persons?: number;
  income?: IncomeReading;
}

export interface EligibilityMessage {
  /** Only what is said: an unsaid fact is absent (not undefined), so it never hides one already known. */
  said: SaidFacts;
  /** A priority situation is named (DALO, eviction, violence…): the answer says what it means. */
  mentionsPriority: boolean;
}

/** "on est 3 à Lyon avec 40 000 € de revenu fiscal": a message that asks about eligibility, read at once. */
export function readEligibilityMessage(recognition: Pick<Recognition, 'text' | 'entities'>): EligibilityMessage {
  const entities = readEntities(recognition.entities);
  const { text } = recognition;
  const said: SaidFacts = {};
  const place = entities.places?.[0];
  if (place) said.place = placeZoneOfEntity(place);
  const persons = readPersons(text, entities, false);
  if (persons !== undefined) said.persons = persons;
  const income = readIncome(text, entities, false);
  if (income) said.income = income;
  Object.assign(said, readComposition(text, said.persons));
  return { said, mentionsPriority: mentionsAny(text, 'priority') };
}
