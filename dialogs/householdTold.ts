import type { TurnContext } from 'botbuilder';
import { corrected, factsFromMessage, FactsSchema, type Facts } from './eligibilityFacts';
import { readEligibilityMessage } from './recognizer/eligibilityMessage';
import type { Recognition } from './recognizer/intents';
import { turnStateOf } from './turn/turnAccess';
import { resolvePlace } from '../services/geo/resolvePlace';
import type { SearchPlace } from '../services/offers/searchCriteria';
import { searchPlaceOf } from './offers/criteriaFromRecognition';

/** How long a household told in passing is taken as still the user's. */
const KEPT_FOR_MS = 60 * 60 * 1000;

/**
 * "je suis seule avec 1 enfant, on cherche sur Lille", "un T2 à Lyon": who the household is and where
 * it looks for a home, said in a request, are kept, so that "et je suis éligible ?" or "y a quoi comme
 * apparts là-bas ?" does not ask them again. Only a request is read here (an answer to a step is read by
 * its step: "21000" at the income question is no postcode); a message adds what it says to what was
 * told; a search's place counts, a place named in passing does not. The income is never kept.
 */
export function rememberHouseholdTold(context: TurnContext, recognition: Pick<Recognition, 'intent' | 'text' | 'entities'>): void {
  const { income: _income, ...said } = factsFromMessage(readEligibilityMessage(recognition).said);
  const describesTheHousehold = said.persons !== undefined || said.composition !== undefined;
  const searchesAPlace = recognition.intent === 'searchOffers' && (said.place ?? said.pendingPlace) !== undefined;
  if (!describesTheHousehold && !searchesAPlace) return;
  const kept = describesTheHousehold ? said : { ...(said.place ? { place: said.place } : {}), ...(said.pendingPlace ? { pendingPlace: said.pendingPlace } : {}) };
  keep(context, corrected(householdTold(context) ?? {}, kept));
}

/** The household an eligibility answer was given for, as settled by its questions (the income left out). */
export function rememberHouseholdAnswered(context: TurnContext, facts: Facts): void {
  const { income: _income, incomeYear: _year, ...household } = facts;
  keep(context, household);
}

function keep(context: TurnContext, facts: Facts): void {
  turnStateOf(context).conversation.householdTold = { facts, at: new Date().toISOString() };
}

/** The household told recently, if any. */
export function householdTold(context: TurnContext, now = new Date()): Facts | undefined {
  const told = turnStateOf(context).conversation.householdTold;
  if (!told || now.getTime() - Date.parse(told.at) > KEPT_FOR_MS) return undefined;
  const facts = FactsSchema.safeParse(told.facts);
  return facts.success ? facts.data : undefined;
}

/**
 * Where the household told it looks ("seul, à Strasbourg", then "y a quoi comme apparts là-bas ?"), as a
 * search place; undefined when none was told or its name alone does not say which commune it is.
 */
export function searchPlaceTold(context: TurnContext): SearchPlace | undefined {
  const place = householdTold(context)?.place;
  if (place?.kind !== 'zone') return undefined;
  const resolution = resolvePlace(place.name);
  if (resolution.kind === 'commune') return searchPlaceOf(resolution.commune);
  if (resolution.kind === 'department') return { kind: 'department', code: resolution.department.code, name: resolution.department.name };
  return undefined;
}
