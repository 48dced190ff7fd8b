import type { ConversationData } from '../turn/stateSchemas';
import { asksEligibilityOrCeilings, namesItsTask } from '../recognizer/eligibilityQuestion';
import { financingsNamed } from '../recognizer/entities/financing';
import { readEntities } from '../recognizer/entities/schemas';
import type { Intent, Recognition } from '../recognizer/intents';
import { criteriaFromRecognition } from './criteriaFromRecognition';
import { asksForAPerson, ordinalInSentence } from '../recognizer/answers/answerReader';
import { foldText } from '../recognizer/entities/foldText';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { isCorrection } from '../recognizer/correction';
import { saysApplying } from '../recognizer/withdrawalSaid';

const ASKS_WHAT_IT_MEANS = /^(?:(?:et|mais|ok|bon) )?(?:c est quoi|c quoi|c koi|cest quoi|qu est ce que?|ca veut dire quoi|que veut dire|que signifie|what is|what s|whats|what does|what do .* mean)(?![a-z])|(?:ca veut dire quoi|veut dire quoi|means?)\s*$/;

/**
 * "c'est quoi un T3 ?", "what's a PLAI?": what a word of housing means is a question for the knowledge
 * base, though it names a kind of dwelling the classifier took for a search.
 */
export function asMeaningQuestion(recognition: Recognition): Recognition {
  if (recognition.intent !== 'searchOffers' || recognition.score >= 0.9 || !ASKS_WHAT_IT_MEANS.test(normalizeForMatching(recognition.text))) return recognition;
  return { ...recognition, intent: 'faq', score: Math.max(recognition.score, 0.8) };
}

/** "et en PLI ?", "et en PLS alors c'est possible ?", "what about PLI?": a financing asked of the results just shown. */
const FINANCING_FOLLOW_UP = /^(?:(?:et|mais|ok|bon|alors|and|what about|how about) )+(?:(?:en|du|pour|le|la|les|in|for) )*(?:plai|plus|pls|pli)(?![a-z])(?:[a-z ]{0,40})$/;

/** Intents a short follow-up is often mistaken for; a real task (eligibility, status…) is never overridden. */
const WEAK_INTENTS: readonly Intent[] = ['none', 'goodbye', 'greeting', 'thanks'];

/**
 * Right after a search, "et à Villeurbanne ?", "plutôt T2" or "moins cher" refine it: a message that
 * carries search criteria, and that the NLU did not read as a real task, continues the search.
 */
/** Where a request for the last results again is marked, for the search to take its criteria back. */
export const LIST_AGAIN = 'listAgain';
/** "reprends la liste", "remontre-moi les offres", "back to the list": the results shown again. */
const LIST_AGAIN_SAID = /(?<![a-z])(?:(?:reprends?|reprenez|remontre\w*|reaffiche\w*|redonne\w*|revoir|retour a) (?:moi |nous )?(?:la liste|les offres|les logements|les resultats|la recherche)|(?:back to|show me) the (?:list|results|offers) again|back to the (?:list|results|offers))(?![a-z])/;

export function asSearchFollowUp(recognition: Recognition, conversation: ConversationData): Recognition {
  const last = conversation.lastSearch;
  // "ok merci, reprends la liste" after a side question: the same search again.
  if (last && LIST_AGAIN_SAID.test(normalizeForMatching(recognition.text)) && !OWN_TASKS.includes(recognition.intent)) {
    return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8), entities: { ...recognition.entities, [LIST_AGAIN]: true } };
  }
  // "c'est quoi un T3 ?" asks what the word means: the knowledge base says, the search is not changed.
  if (!last || ASKS_WHAT_IT_MEANS.test(normalizeForMatching(recognition.text))) return recognition;
  const said = criteriaFromRecognition(readEntities(recognition.entities), recognition.text);
  // "le moins cher c'est lequel ?": the cheapest offer shown, as its "Détails" button would.
  const cheapestId = said.cheapest ? cheapestShown(last) : undefined;
  if (cheapestId && !OWN_TASKS.includes(recognition.intent)) {
    return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, action: 'details', offerId: cheapestId } };
  }
  // "et sans limite de budget ?" and "et sur Lille ?" only ever refine a search, whatever the classifier made of them.
  const refines = said.cheaper || said.anyBudget || said.place.kind !== 'none' || Object.values(said.criteria).some((value) => value !== undefined);
  // "ah non plutôt 800 en fait" after a search with a budget: the number said is the new budget.
  const budget = !refines && last.criteria.maxRent !== undefined && isCorrection(recognition.text) && !OWN_TASKS.includes(recognition.intent) ? oneBudgetIn(recognition.text) : undefined;
  if (budget !== undefined) {
    const amount = { value: budget, ...(last.criteria.rentWithoutCharges ? { chargesIncluded: false } : {}) };
    return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8), entities: { ...recognition.entities, amounts: [amount] } };
  }
  // "ah non en fait plutôt à Lyon": a correction that carries criteria changes the search, never cancels it —
  // whatever task the classifier guessed, unless the message says which ("plutôt retirer celle de Lyon").
  const ownTaskSaid = OWN_TASKS.includes(recognition.intent) && namesItsTask(recognition.text, readEntities(recognition.entities));
  const corrects = refines && isCorrection(recognition.text) && !ownTaskSaid;
  // "what about cheaper ones?" (once read as the privacy notice), "et sans limite de budget ?": the budget
  // of this search, unless the message names a task of its own.
  const budgetChanged = (said.anyBudget || said.cheaper) && !ownTaskSaid && !asksForAPerson(recognition.text);
  // "et en PLI alors c'est possible ?" (read as a complaint at 0.83): the same search in that financing.
  const financingAsked = said.criteria.financings !== undefined && FINANCING_FOLLOW_UP.test(normalizeForMatching(recognition.text)) && !ownTaskSaid && !asksForAPerson(recognition.text);
  const surelyRefines = budgetChanged || isPlaceOnly(recognition) || corrects || financingAsked;
  if (!surelyRefines && !(refines && WEAK_INTENTS.includes(recognition.intent))) return recognition;
  return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8) };
}

/**
 * "et sur Lille ?", "plutôt à Tours", "et dans le 93 ?", "what about Nantes": a place, a connector, and
 * nothing else that could be a request. (The classifier once read "et sur Lille ?" as applying.)
 */
const PLACE_ONLY = /^(?:(?:et|ou|sinon|mais|alors|plutot|and|or|what about|how about)\s+)*(?:(?:sur|a|au|aux|dans|dans le|vers|pour|du cote de|en|in|around|near)\s+)?(\S+(?:\s+\S+){0,3}?)(?:\s+(?:plutot|alors|sinon|instead|then))?\s*\?*$/;

/** "celui du 95, st ouen l'aumone", "celle de Seine-Saint-Denis": the place meant, told by what sets it apart. */
const THAT_ONE_OF = /^(?:(?:non|ah|plutot|en fait|no|sorry)\s+)*(?:celui|celle|ceux|celles|the one)\s+(?:du|de la|de l|de|d|des|en|dans le|dans la|in|of)\s/;

export function isPlaceOnly(recognition: Recognition): boolean {
  if (!(readEntities(recognition.entities).places?.length ?? 0)) return false;
  const folded = foldText(recognition.text).replace(/[?!.]+/g, ' ').trim();
  if (THAT_ONE_OF.test(folded.replace(/[,;]/g, ' ').replace(/\s+/g, ' '))) return true;
  // A word other than the place's own would say more (a typology, an amount, a task): not place-only.
  return PLACE_ONLY.test(folded) && !/\d{3,}|\bt\d\b|€|euros?\b|postul|candidat|dossier|eligib/.test(folded);
}

/** A rent a month is three or four digits; one such number, alone in a short correction, is the budget. */
function oneBudgetIn(text: string): number | undefined {
  const numbers = [...text.matchAll(/(?<![\d.,])(\d{3,4})(?![\d.,]*\d)/g)].map((match) => Number(match[1]));
  const [only] = numbers;
  return numbers.length === 1 && only !== undefined && only >= 100 && only <= 5000 ? only : undefined;
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
 * offer, as its "Détails" button would, unless it asks to apply to it or withdraw. "et OFR-00019 je peux ?"
 * asks whether one may apply: the application's check answers it (and asks before sending anything); so
 * does "et le OFR-00011 alors ?" right after an application was refused.
 */
export function asOfferDetails(recognition: Recognition, conversation?: Pick<ConversationData, 'lastTopic' | 'offerInFocus' | 'lastSearch'>): Recognition {
  const folded = normalizeForMatching(recognition.text);
  // "le premier alors", "the second one": an offer of the list just shown, by its place in it.
  const offerId = readEntities(recognition.entities).offerId ?? offerAtPosition(recognition, folded, conversation?.lastSearch?.shownIds);
  // "je peux ?" right after an offer's details: applying to that offer, which checks first.
  const focus = conversation?.offerInFocus;
  if (!offerId && focus && Date.now() - Date.parse(focus.at) < OFFER_FOCUS_MS && ASKS_WHETHER_ALLOWED.test(folded) && folded.split(' ').length <= 6) {
    return { ...recognition, intent: 'apply', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, offerId: focus.id } };
  }
  if (!offerId || USES_REFERENCE.includes(recognition.intent)) return recognition;
  const afterARefusal = conversation?.lastTopic?.owner === 'applyDialog' && conversation.lastTopic.name === 'refused';
  if (!ASKS_FOR_DETAILS.test(folded) && (ASKS_WHETHER_ALLOWED.test(folded) || saysApplying(recognition.text) || TAKES_IT.test(folded) || afterARefusal)) {
    return { ...recognition, intent: 'apply', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, offerId } };
  }
  return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, action: 'details', offerId } };
}

/** A short message whose one ordinal picks an offer shown ("le 2e svp", "the first one"); not a task of the applications. */
function offerAtPosition(recognition: Recognition, folded: string, shownIds: readonly string[] | undefined): string | undefined {
  if (!shownIds?.length || USES_REFERENCE.includes(recognition.intent) || folded.split(' ').length > SHORT_CHOICE_WORDS) return undefined;
  return offerShownAt(recognition.text, shownIds);
}

/** The offer of the list just shown that an ordinal names ("le deuxième", "la dernière", "the first one"). */
export function offerShownAt(text: string, shownIds: readonly string[]): string | undefined {
  const position = ordinalInSentence(text);
  if (position === undefined) return undefined;
  return shownIds[position === 'last' ? shownIds.length - 1 : position];
}

/** Longer, a message with an ordinal is about something else ("mon premier enfant…"). */
const SHORT_CHOICE_WORDS = 8;
/** "je prends le premier", "I'll take the first one": applying to it (as "postule au 2e" is). */
const TAKES_IT = /\b(?:je (?:le|la) prends|je prends|i ll take|i take)\b/;

/** Applying, said with a kind of dwelling and a place but no offer (no reference, no place in a list). */
export function appliesToNoOfferYet(recognition: Recognition): boolean {
  const entities = readEntities(recognition.entities);
  // A reference typed or a button's offer, or a place in the list just shown, names the offer.
  if (recognition.entities['offerId'] !== undefined || ordinalInSentence(recognition.text) !== undefined) return false;
  // "I'd like to apply to a PLAI flat in Lyon": a kind of dwelling or of financing, and a place.
  return ((entities.typologies?.length ?? 0) > 0 || financingsNamed(recognition.text) !== undefined) && (entities.places?.length ?? 0) > 0;
}

/** How long after an offer's details "je peux ?" is about it. */
const OFFER_FOCUS_MS = 15 * 60 * 1000;

/** "je peux ?", "j'ai le droit ?", "can I?": whether one may apply, which the application's check says. */
const ASKS_WHETHER_ALLOWED = /\b(?:je peux|j peux|jpeux|puis je|on peut|peut on|j ai le droit|j ai droit|ai je (?:le )?droit|c est possible|eligible|can i|can we|may i|could i|am i allowed)\b/;
/** "détails", "c'est quoi", "le loyer": the offer itself. */
const ASKS_FOR_DETAILS = /\b(?:detail\w*|voir|montre\w*|info\w*|c est quoi|c koi|loyer|charges|surface|etage|dispo\w*|details?|show|rent|floor)\b/;

/** Below this, a request for a person the classifier guessed from a story is doubtful. */
const SURE_HELPDESK = 0.8;

/**
 * "ma voisine a été expulsée, moi ça va. je cherche un T2 à Lyon": a message that names a kind of dwelling
 * and a place asks for offers, unless a person is asked for in words or the classifier is sure.
 */
/** "je veux recommencer à chercher", "reprendre mes recherches": searching again, not the menu's "recommencer". */
const SEARCH_AGAIN = /\b(?:recommenc|reprend|repren|relanc)\w*\b.{0,25}\b(?:cherch|recherch)\w*|\b(?:cherch|recherch)\w*\b.{0,25}\b(?:a nouveau|de nouveau)\b/;
const NOT_A_TASK: readonly Intent[] = ['menu', 'none', 'help', 'cancel'];
/** Guesses that a place alone never means. */
const PLACELESS_GUESSES: readonly Intent[] = ['helpdesk', 'complaint', 'privacy', 'help', 'menu', 'cancel', 'deleteMyData', 'changeLanguage'];

export function asSearchRequest(recognition: Recognition, linked = false): Recognition {
  // "I'd like to apply for a T2 or T3 in Nanterre": no offer named yet, so the offers there first (a linked
  // user's application checks the request first, then searches).
  if (!linked && recognition.intent === 'apply' && appliesToNoOfferYet(recognition)) return { ...recognition, intent: 'searchOffers' };
  if (NOT_A_TASK.includes(recognition.intent) && SEARCH_AGAIN.test(foldText(recognition.text))) return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8) };
  // "et à Tours ?" out of the blue: looking for housing there, never "goodbye".
  // "and in Paris?" read as a request for a person at 0.93, "what about Paris?" as privacy: a place and a
  // connector only ever ask about that place.
  const notAboutAPlace = WEAK_INTENTS.includes(recognition.intent) || PLACELESS_GUESSES.includes(recognition.intent);
  if (notAboutAPlace && isPlaceOnly(recognition) && !asksForAPerson(recognition.text)) return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8) };
  // "que du PLI sur Paris svp, on gagne trop pr le reste": a financing and a place, no household nor
  // income to weigh — offers of that kind there, not an eligibility question.
  if (recognition.intent === 'eligibility' && asksForAFinancingSomewhere(recognition)) return { ...recognition, intent: 'searchOffers' };
  const doubtful = (recognition.intent === 'helpdesk' || recognition.intent === 'complaint' || recognition.intent === 'none') && recognition.score < SURE_HELPDESK;
  if (!doubtful || asksForAPerson(recognition.text)) return recognition;
  const entities = readEntities(recognition.entities);
  // "je voudrais un logement à Roubaix pas loin de l'usine": a home wanted somewhere is a search too.
  const dwellingWanted = (entities.typologies?.length ?? 0) > 0 || DWELLING_WANTED.test(normalizeForMatching(recognition.text));
  if (!dwellingWanted || !entities.places?.length) return recognition;
  return { ...recognition, intent: 'searchOffers', score: Math.max(recognition.score, 0.8) };
}

/** "je voudrais un logement", "je cherche un appart", "looking for a flat": a home wanted, of no kind said. */
const DWELLING_WANTED = /(?<![a-z])(?:voudrais|veux|voudrait|cherche|cherchons|recherche|aimerais|souhaite|looking for|want|would like|need) (?:un|une|a|an) (?:logement|appart\w*|flat|apartment|home|studio|maison|house)(?![a-z])/;

/** A financing and a place named, and nothing of a household or an income. */
function asksForAFinancingSomewhere(recognition: Recognition): boolean {
  const entities = readEntities(recognition.entities);
  const householdOrIncome = entities.persons !== undefined || (entities.amounts?.length ?? 0) > 0;
  return financingsNamed(recognition.text) !== undefined && (entities.places?.length ?? 0) > 0 && !householdOrIncome && !asksEligibilityOrCeilings(recognition.text);
}
