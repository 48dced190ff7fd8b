import type { ConversationData } from '../turn/stateSchemas';
import { readEntities } from '../recognizer/entities/schemas';
import type { Intent, Recognition } from '../recognizer/intents';
import { criteriaFromRecognition } from './criteriaFromRecognition';
import { asksForAPerson } from '../recognizer/answers/answerReader';

/** Intents a short follow-up is often mistaken for; a real task (eligibility, status…) is never overridden. */
const WEAK_INTENTS: readonly Intent[] = ['none', 'goodbye', 'greeting', 'thanks'];

/**
 * Right after a search, "et à Villeurbanne ?", "plutôt T2" or "moins cher" refine it: a message that
 * carries search criteria, and that the NLU did not read as a real task, continues the search.
 */
export function asSearchFollowUp(recognition: Recognition, conversation: ConversationData): Recognition {
  const last = conversation.lastSearch;
  if (!last) return recognition;
  const said = criteriaFromRecognition(readEntities(recognition.entities), recognition.text);
  // "le moins cher c'est lequel ?": the cheapest offer shown, as its "Détails" button would.
  const cheapestId = said.cheapest ? cheapestShown(last) : undefined;
  if (cheapestId && !OWN_TASKS.includes(recognition.intent)) {
    return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, action: 'details', offerId: cheapestId } };
  }
  // "et sans limite de budget ?" only ever refines a search, whatever the classifier made of it.
  const surelyRefines = said.anyBudget && !OWN_TASKS.includes(recognition.intent) && !asksForAPerson(recognition.text);
  const refines = said.cheaper || said.anyBudget || said.place.kind !== 'none' || Object.values(said.criteria).some((value) => value !== undefined);
  if (!surelyRefines && !(refines && WEAK_INTENTS.includes(recognition.intent))) return recognition;
  return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8) };
}

/** Requests of their own a search follow-up is never taken from. */
const OWN_TASKS: readonly Intent[] = ['apply', 'withdraw', 'myApplications', 'status', 'renewal', 'savedSearches', 'notifications', 'linkNumber', 'privacy', 'deleteMyData', 'unlink'];

function cheapestShown(last: NonNullable<ConversationData['lastSearch']>): string | undefined {
  const shown = last.shownIds ?? [];
  let cheapest: string | undefined;
  let lowest = Number.POSITIVE_INFINITY;
  shown.forEach((id, index) => {
    const total = last.shownTotals[index];
    if (total !== undefined && total < lowest) {
      lowest = total;
      cheapest = id;
    }
  });
  return cheapest;
}

/** Requests that use an offer reference themselves (apply to it, withdraw from it). */
const USES_REFERENCE: readonly Intent[] = ['apply', 'withdraw', 'myApplications'];

/**
 * "OFR-00213", "détails ofr 213", "ofr 227 c combien le loyer ?": a message naming an offer shows that
 * offer, as its "Détails" button would, unless it asks to apply to it or withdraw.
 */
export function asOfferDetails(recognition: Recognition): Recognition {
  const { offerId } = readEntities(recognition.entities);
  if (!offerId || USES_REFERENCE.includes(recognition.intent)) return recognition;
  return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, action: 'details', offerId } };
}

/** Below this, a request for a person the classifier guessed from a story is doubtful. */
const SURE_HELPDESK = 0.8;

/**
 * "ma voisine a été expulsée, moi ça va. je cherche un T2 à Lyon": a message that names a kind of dwelling
 * and a place asks for offers, unless a person is asked for in words or the classifier is sure.
 */
export function asSearchRequest(recognition: Recognition): Recognition {
  const doubtful = (recognition.intent === 'helpdesk' || recognition.intent === 'complaint' || recognition.intent === 'none') && recognition.score < SURE_HELPDESK;
  if (!doubtful || asksForAPerson(recognition.text)) return recognition;
  const entities = readEntities(recognition.entities);
  if (!entities.typologies?.length || !entities.places?.length) return recognition;
  return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8) };
}
