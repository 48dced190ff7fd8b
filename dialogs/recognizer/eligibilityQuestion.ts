import { agesCorrected, factsFromMessage, keptFacts, personJoining, slotsChanged, YES_NO_CONDITIONS } from '../eligibilityFacts';
import { asksForAPerson, readYesNo } from './answers/answerReader';
import { readEligibilityMessage } from './eligibilityMessage';
import { isCorrection, isHypothetical } from './correction';
import { readAges, readReplacedAge } from './entities/household';
import { readEntities } from './entities/schemas';
import { wordCount } from './wordCount';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { Intent, Recognition } from './intents';

/** Up to this many words, a message giving an income is an answer, not a story. */
const FEW_WORDS = 8;

/** Below this, a helpdesk or complaint guess on a message that gives an income and a household is doubtful. */
const SURE_COMPLAINT = 0.8;

/** Guesses a message giving a SIRET is taken for: the employer's check is what it asks. */
const SIRET_MISTAKEN_FOR: readonly Intent[] = ['helpdesk', 'complaint', 'none', 'faq', 'searchOffers', 'greeting', 'help'];

/** Intents a message about one's own income and household is often mistaken for. */
const MISTAKEN_FOR: readonly Intent[] = ['searchOffers', 'faq', 'none', 'documents', 'greeting', 'renewal'];

/**
 * "on est 2 à Lyon, 35000 de RFR": people give their reference income to learn what they are entitled
 * to, never to search offers (a search takes a rent). A message that gives a yearly income with its
 * household or place, and names no kind of dwelling, is an eligibility question.
 */
export function asEligibilityQuestion(recognition: Recognition): Recognition {
  const entities = readEntities(recognition.entities);
  // "et si je passe chez Rhône Logistique ? siret 842…": a SIRET given is the employer to check, whatever the guess.
  if (entities.siret?.valid && SIRET_MISTAKEN_FOR.includes(recognition.intent) && !asksForAPerson(recognition.text)) return { ...recognition, intent: 'eligibility', score: Math.max(recognition.score, 0.8) };
  const income = entities.amounts?.some((amount) => amount.income && amount.period !== 'month');
  const place = (entities.places?.length ?? 0) > 0;
  const household = entities.persons !== undefined || place;
  // A person asked for in words stays a request for a person, and a complaint the classifier is sure of
  // stays a complaint; its unsure guess alone does not — nor its guess on a story that gives the whole
  // picture (who, where, what income), which asks what the household is entitled to.
  const helpdeskGuess = (recognition.intent === 'helpdesk' || recognition.intent === 'complaint') && !asksForAPerson(recognition.text);
  const wholePicture = income && entities.persons !== undefined && place;
  const unsureHelpdesk = helpdeskGuess && (recognition.score < SURE_COMPLAINT || wholePicture);
  // "veuve, je vis seule, je cherche à Bordeaux, rfr 19000" read as "my applications" or "unlink": a story
  // with the whole picture and nothing of those tasks (a number, an offer, their words) is about eligibility.
  // "on est 6 … rfr 80 000, on peut postuler ?": with the whole picture and no offer, whether they may apply is whether they are eligible.
  const mayApplyAsked = wholePicture && entities.offerId === undefined && MAY_APPLY_ASKED.test(normalizeForMatching(recognition.text));
  const storyTakenForATask = wholePicture && TASKS_A_STORY_IS_TAKEN_FOR.includes(recognition.intent) && (!namesItsTask(recognition.text, entities) || mayApplyAsked);
  // "en fait plutôt 26 000 de rfr" (read as the dossier's status at 1.00): an income told in a few words, naming no task of its own.
  const incomeTold = income === true && wordCount(recognition.text) <= FEW_WORDS && TASKS_A_STORY_IS_TAKEN_FOR.includes(recognition.intent) && !namesItsTask(recognition.text, entities);
  if (incomeTold) return { ...recognition, intent: 'eligibility', score: Math.max(recognition.score, 0.8) };
  const mistaken = MISTAKEN_FOR.includes(recognition.intent) || unsureHelpdesk || storyTakenForATask;
  // "moi et ma femme, pas d'enfant, on cherche à Strasbourg, on a droit ?": asked outright, with who or
  // where, and no dwelling looked for — eligibility, though no income was given yet.
  const askedOutright = recognition.intent === 'searchOffers' && ELIGIBILITY_ASKED.test(normalizeForMatching(recognition.text)) && (entities.persons !== undefined || place);
  // "c'est quoi le plafond pour 2 à Lyon ?", "ok et saint denis 93 alors ? toujours 2 adultes": the ceilings
  // asked, or a household and a place said with nothing else the classifier could place.
  const ceilingsAsked = recognition.intent !== 'eligibility' && CEILINGS_ASKED.test(normalizeForMatching(recognition.text)) && (entities.persons !== undefined || place);
  const householdAndPlace = recognition.intent === 'none' && entities.persons !== undefined && place;
  if ((askedOutright || ceilingsAsked || householdAndPlace) && searchedTypologies(recognition.text, entities.typologies ?? []) === 0) {
    return { ...recognition, intent: 'eligibility', score: Math.max(recognition.score, 0.8) };
  }
  // "… on voudrait un 4 pièces dans le coin. Nous deux on a 46 000 … Ça passe ?": the whole picture and the verdict asked, whatever dwelling is named.
  const verdictAsked = wholePicture && (VERDICT_ASKED_OF_A_STORY.test(normalizeForMatching(recognition.text)) || asksEligibilityOrCeilings(recognition.text));
  if (verdictAsked && recognition.intent !== 'eligibility' && entities.offerId === undefined) return { ...recognition, intent: 'eligibility', score: Math.max(recognition.score, 0.8) };
  if (!mistaken) return recognition;
  if (!income || !household || searchedTypologies(recognition.text, entities.typologies ?? []) > 0) return recognition;
  return { ...recognition, intent: 'eligibility', score: Math.max(recognition.score, 0.8) };
}

/** The ceilings asked as such: "c'est quoi le plafond pour nous ?", "what's the income limit?", "combien max ?". */
export const CEILINGS_ASKED =
  /(?<![a-z])(?:plafonds? (?:de (?:ressources|revenus?)|pour|plai|plus|pls|pli|hlm|social|sociaux|du logement social|a ne pas depasser|c est combien|c combien)|(?:c est quoi|c quoi|c koi|cest quoi|quel|quels|quelle|combien|connaitre|savoir) (?:est |sont )?(?:le |les )?(?:plafonds?|plafons?)|income (?:limits?|ceilings?|caps?)|(?:the )?ceilings? for|(?:revenus?|salaires?) max(?:imum|imal)?|max(?:imum)? (?:income|de revenus?)|(?:how much|combien) (?:can|peut on|peux je|je peux|on peut|faut il|max) (?:we |i )?(?:earn|gagner))(?![a-z])/;

/** "ça passe ?", "on rentre dans les clous ?", "c'est bon pour nous ?": a story's last words asking for the verdict. */
const VERDICT_ASKED_OF_A_STORY = /(?<![a-z])(?:ca passe|sa passe|ca le fait|on passe|ca rentre|on rentre dans|dans les clous|c est bon pour nous|c bon pour nous|does it work|do we pass|are we ok)(?![a-z])/;

/** "c pareil ?", "idem pour…", "same for…": the question just answered, asked again of something else. */
/** A short message going on from the answer: "et à Lyon ?", "ah mince. et Gentilly ?", "what about Créteil?". */
const CONNECTS = /^(?:(?:ah|oh|ok|okay|bon|bah|ben|mince|zut|merde|dac|d accord|merci|super|hmm|euh|damn|oh well|i see) )*(?:et|and|mais|but|what about|how about|et pour|et sur)(?![a-z])/;
const SAME_QUESTION = /(?<![a-z])(?:c est pareil|c pareil|cest pareil|pareil pour|idem|meme chose|la meme chose|same (?:for|thing|question)|is it the same)(?![a-z])/;
/** Below this, the classifier's guess is no request of its own after an answer. */
const UNSURE_GUESS = 0.6;
/** The verdict asked again: "je suis sous le plafond ou pas ?", "so am I under the ceiling?", "sans la carte j'aurais été en dessous ?". */
const VERDICT_ASKED = /(?<![a-z])(?:(?:je suis|on est|suis je|sommes nous|am i|are we|i m|we re) (?:sous|en dessous|au dessus|dans|under|below|above|within) (?:le|les|the) (?:plafonds?|ceilings?|limits?)|(?:j y ai droit|je suis eligible|on est eligibles?|eligible) (?:ou pas|alors|du coup|or not)|(?:j aurais|on aurait|je serais|on serait|i would|would i|we would|would we)(?: ete| be| have been)? (?:en dessous|au dessus|sous le plafond|eligible|under|below|above|over))(?![a-z])/;

/** Eligibility asked in so many words. */
const ELIGIBILITY_ASKED = /(?<![a-z])(?:on (?:y )?a (?:le )?droit|j (?:y )?ai (?:le )?droit|ai je (?:le )?droit|avons nous (?:le )?droit|a t on (?:le )?droit|suis je eligible|sommes nous eligibles?|on est eligibles?|je suis eligible|eligible|am i eligible|are we eligible|do (?:i|we) qualify|are we entitled|am i entitled|(?:je|j|on|nous) ?(?:peux|peut|pourrais|pourrait|pouvons|pourrions) (?:avoir|obtenir|pretendre a) (?:un |a un )?(?:logement social|hlm|logement aide)|can (?:i|we) (?:get|have|apply for) (?:a )?(?:social (?:housing|home|flat)|council (?:house|flat)))(?![a-z])/;

/** The eligibility or the ceilings asked in words ("suis-je éligible ?", "j'ai droit au PLS ?", "le plafond PLAI ?"). */
export function asksEligibilityOrCeilings(text: string): boolean {
  const said = normalizeForMatching(text);
  return ELIGIBILITY_ASKED.test(said) || CEILINGS_ASKED.test(said);
}

/** "on peut postuler ?", "je pourrais candidater ?", "can we apply?": asked whether one may, not applying. */
const MAY_APPLY_ASKED = /(?<![a-z])(?:(?:on|je|j|nous) (?:peut|peux|pourrait|pourrais|pourrions|pouvons) (?:y )?(?:postuler|candidater|pretendre)|(?:peut on|puis je|pourrait on|pourrais je) (?:postuler|candidater)|can (?:i|we) apply|could (?:i|we) apply|(?:am i|are we) allowed to apply)(?![a-z])/;

/** Tasks the classifier puts whole stories on; each needs a number, an offer or its own words to be meant. */
const TASKS_A_STORY_IS_TAKEN_FOR: readonly Intent[] = ['myApplications', 'unlink', 'linkNumber', 'status', 'renewal', 'privacy', 'deleteMyData', 'withdraw', 'apply', 'savedSearches', 'notifications'];
const TASK_WORDS = /(?<![a-z])(?:candidat\w*|postul\w*|dossier|numero|nur|nud|delier|supprim\w*|effac\w*|donnees|renouvel\w*|alerte\w*|notification\w*|retir\w*|application\w*|apply|unlink|delete|my data|renew\w*|alert\w*|status|withdraw\w*)(?![a-z])/;

/** Whether a message says which of those tasks it is about: a number, an offer or the task's own words. */
export function namesItsTask(text: string, entities: ReturnType<typeof readEntities>): boolean {
  return entities.uniqueNumber !== undefined || entities.offerId !== undefined || TASK_WORDS.test(normalizeForMatching(text));
}

/** "on vit à 5 dans un T2", "we live in a T1": the home the household has now, not the one it looks for. */
const CURRENT_HOME = /(?<![a-z])(?:vit|vivons|vis|vivent|habite|habitons|habitent|loge|logeons|sommes|suis|dort|dormons|live|living|stay|staying)(?![a-z])[^.,;!?]{0,30}?(?<![a-z])(?:dans|en|in) (?:un|une|le|la|notre|mon|ma|a|an|our|my) ?(?:petit |small )?[tf] ?\d/g;

/** How many of the dwellings named are looked for: those of the current home ("on vit dans un T2") are not. */
function searchedTypologies(text: string, typologies: readonly string[]): number {
  const current = normalizeForMatching(text).match(CURRENT_HOME)?.length ?? 0;
  return Math.max(0, typologies.length - current);
}

/** Intents a short correction after an answer is often mistaken for ("en fait on est 4", "et à Paris ?"). */
const WEAK_INTENTS: readonly Intent[] = ['none', 'greeting', 'thanks', 'goodbye', 'searchOffers', 'cancel'];
/** A short question on one financing of the answer: "et en PLS je passe ?", "pour le plai ?", "et pour un logement PLS ?", "what about PLS?". */
const FINANCING_ASKED = /^(?:(?:et|mais|ok|and|what about|how about) )?(?:(?:(?:en|pour|pr|le|du|au|for|in|the|un|une|a|logement|appart|home|flat) )+plus|(?:(?:en|pour|pr|le|la|les|du|au|for|in|the|un|une|a|logements?|apparts?|homes?|flats?) )*(?:plai|pls|pli))(?![a-z])/;

/** The last eligibility answer of the conversation: when, and the cases it assumed absent. */
export interface LastAnswer {
  at: string;
  unasked: string[];
  facts: Record<string, unknown>;
  /** The answer took a misspelt town for the one it is close to: a bare "oui" confirms it. */
  placeAssumed?: boolean;
}

/** Longer than this, a message that adds a person is a story of its own. */
const MOST_TOKENS_OF_A_JOINING = 20;

/** How long after an eligibility answer a correction still refers to it. */
const FOLLOW_UP_MS = 30 * 60 * 1000;

/**
 * Right after an eligibility answer, a message that changes one of its facts — the household, the
 * place, the income — asks the same question again with that fact changed.
 */
export function asEligibilityFollowUp(recognition: Recognition, last: LastAnswer | undefined, hasSearch: boolean, now = Date.now()): Recognition {
  if (!last || now - Date.parse(last.at) > FOLLOW_UP_MS) return recognition;
  const { text } = recognition;
  const folded = normalizeForMatching(text);
  const entities = readEntities(recognition.entities);
  const tokens = text.trim().split(/\s+/).length;
  const words = wordCount(text);
  // "et si on était 5 ?", "what if we were 3?": the answer again with one fact changed, whatever the classifier guessed.
  // "on a 30000 de rfr" after the ceilings: an income told for the answer, whatever the classifier made of it.
  const incomeTold = entities.amounts?.some((amount) => amount.income === true) === true && tokens <= 10;
  // "et montreuil sur mer dans le 62 ? c pareil ?" guessed "apply" at 0.57: an unsure guess is no task of its own.
  const unsure = recognition.score < UNSURE_GUESS;
  // "et à Montreuil-sur-Mer ? c pareil ?": the same question of another place or household.
  const same = SAME_QUESTION.test(folded);
  // "and Arcueil, just next to Gentilly?" (read as a request for a person at 0.96): the same question of another place.
  const placeConnected = CONNECTS.test(folded) && (entities.places?.length ?? 0) > 0 && words <= 8 && !asksForAPerson(text);
  const weak = WEAK_INTENTS.includes(recognition.intent) || isHypothetical(text) || incomeTold || unsure || same || placeConnected;
  // "et en PLS je passe ?", "pour le PLAI ?": one financing of the answer asked about, whatever the classifier made of it.
  // "et du coup je suis sous le plafond ou pas ?": the verdict asked again.
  const financingAsked = (FINANCING_ASKED.test(folded) || VERDICT_ASKED.test(folded)) && words <= 12;
  if (financingAsked && !entities.typologies?.length) return asFollowUp(recognition);
  const known = keptFacts(last.facts) ?? {};
  const said = factsFromMessage(readEligibilityMessage(recognition).said);
  // "and if we had a baby next year?", "et si on a un bébé l'an prochain ça change le plafond ?": one more person, whatever the classifier guessed.
  const joining = tokens <= MOST_TOKENS_OF_A_JOINING && personJoining(known, said, text) !== undefined;
  // "oui c ca" (read as help) right after « J'ai compris Marseille »: the town confirmed, the answer again.
  const confirmsPlace = last.placeAssumed === true && tokens <= 4 && readYesNo(text) === 'yes';
  // "en fait on est 3" is a correction whatever the classifier made of the rest of the sentence.
  if (!weak && !joining && !confirmsPlace && !isCorrection(text) && readReplacedAge(text) === undefined) return recognition;
  // A search is refined by its own follow-ups ("et à Lyon ?" after offers); a dwelling named is a search.
  if (recognition.intent === 'searchOffers' && (hasSearch || (entities.typologies?.length ?? 0) > 0)) return recognition;
  // "oui" or "29 et 31" right after an answer that assumed no disability card, or no young couple.
  const yesNoAsked = last.placeAssumed === true || last.unasked.some((condition) => YES_NO_CONDITIONS.includes(condition));
  // A yes or no that changes nothing else ("oui la drôme" confirms a place, not a disability card).
  const changes = slotsChanged(known, said);
  if (joining) changes.push('persons');
  const bareYesNo = changes.length === 0 && readYesNo(text) !== undefined;
  const settles = (yesNoAsked && bareYesNo) || (last.unasked.includes('youngHousehold') && readAges(text) !== undefined);
  // "ah non pardon elle a 24 ans pas 28": an age of the couple corrected, whatever the classifier guessed (unlink).
  const ageCorrected = agesCorrected(known, text) !== undefined;
  if (changes.length === 0 && !(weak && settles) && !ageCorrected && !confirmsPlace) return recognition;
  return asFollowUp(recognition);
}

/** The eligibility answer again, with what this message changes. */
function asFollowUp(recognition: Recognition): Recognition {
  return { ...recognition, intent: 'eligibility', score: Math.max(recognition.score, 0.8), entities: { ...recognition.entities, eligibilityFollowUp: true } };
}
