import type { TurnContext } from 'botbuilder';
import { corrected, factsFromMessage, FactsSchema, type Facts } from './eligibilityFacts';
import { readEligibilityMessage } from './recognizer/eligibilityMessage';
import type { Recognition } from './recognizer/intents';
import { turnStateOf } from './turn/turnAccess';

/** How long a household told in passing is taken as still the user's. */
const KEPT_FOR_MS = 60 * 60 * 1000;

/**
 * "je suis seule avec 1 enfant, on cherche sur Lille", "un T2 à Lyon": who the household is and where
 * it looks for a home, said to another task, are kept, so that "et je suis éligible ?" does not ask them
 * again. A message adds what it says to what was told; a search's place counts, a place named in passing
 * does not. The income is not kept (it is asked where it is used).
 */
export function rememberHouseholdTold(context: TurnContext, recognition: Pick<Recognition, 'intent' | 'text' | 'entities'>): void {
  const { income: _income, ...said } = factsFromMessage(readEligibilityMessage(recognition).said);
  const describesTheHousehold = said.persons !== undefined || said.composition !== undefined;
  const searchesAPlace = recognition.intent === 'searchOffers' && (said.place ?? said.pendingPlace) !== undefined;
  if (!describesTheHousehold && !searchesAPlace) return;
  const kept = describesTheHousehold ? said : { ...(said.place ? { place: said.place } : {}), ...(said.pendingPlace ? { pendingPlace: said.pendingPlace } : {}) };
  turnStateOf(context).conversation.householdTold = { facts: corrected(householdTold(context) ?? {}, kept), at: new Date().toISOString() };
}

/** The household told recently, if any. */
export function householdTold(context: TurnContext, now = new Date()): Facts | undefined {
  const told = turnStateOf(context).conversation.householdTold;
  if (!told || now.getTime() - Date.parse(told.at) > KEPT_FOR_MS) return undefined;
  const facts = FactsSchema.safeParse(told.facts);
  return facts.success ? facts.data : undefined;
}
