import { asksForAPerson } from './answers/answerReader';
import type { Intent, Recognition } from './intents';
import { wordCount } from './wordCount';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { triage } from '../../services/triage/triage';
import { triageHints } from './triageHints';

/** Guesses a short request for a person is taken for when the classifier does not know the words ("jveux parler a qqun"). */
const UNSURE_GUESSES: readonly Intent[] = ['none', 'faq', 'greeting'];
/** Below this, the classifier's guess gives way to the words asking for a person. */
const SURE_GUESS = 0.7;
/** How sure a guess that the message is a question must be to keep it against words asking for a person. */
const SURE_QUESTION_GUESS = 0.9;
/** A request for a person is said in a few words; a longer message tells something the person wants help with, unless it opens with the request. */
const MOST_WORDS = 8;

/** "I need some help with housing", "besoin d'aide pour un logement": help wanted, in general. */
const HELP_WANTED = /(?<![a-z])(?:need (?:some )?help|help me|besoin d (?:un peu d )?aide|aidez moi|aide moi)(?![a-z])/;
/** "hi, I need some help with my housing", "bonjour j'ai besoin d'aide pour mon logement": that, and nothing else. */
const ONLY_HELP_WANTED = /^(?:(?:hi|hello|hey|bonjour|salut|bonsoir|slt|bjr) )?(?:i need|i d like|i would like|need|j ai besoin d|jai besoin d|besoin d)(?: some| un peu d)? (?:help|aide)(?: (?:with|for|pour|avec|sur) (?:my |a |the |un |une |mon |ma |la |le )?(?:housing|logement|flat|home|search|housing search|recherche|recherche de logement|demande))?(?: (?:please|svp|stp|merci))?$/;

/** A request to a person made before and not answered: "ma demande de contact… toujours pas de nouvelles", "my ticket, no reply yet". */
const CONTACT_FOLLOWED_UP = /(?<![a-z])(?:demande de contact|demande de rappel|ticket|conseiller|conseillere|advisor|adviser|contact request|callback request)(?![a-z]).*(?<![a-z])(?:pas de nouvelles|aucune nouvelle|toujours rien|toujours pas de (?:reponse|nouvelles|retour)|pas de (?:reponse|retour)|jamais (?:rappele|repondu)|personne (?:ne m a|m a) (?:rappele|repondu)|no news|no answer|no reply|no response|heard nothing|not heard back|never (?:called|got) back)(?![a-z])/;

/** "jveux parler a qqun", "can i talk to someone": a request for a person, whatever the classifier guessed unsure. */
export function asPersonAsked(recognition: Recognition): Recognition {
  // "Hi I need some help with housing" (a request for a person at 0.56): help wanted, no person asked for.
  const said = normalizeForMatching(recognition.text);
  const helpWanted = (recognition.score < SURE_GUESS && HELP_WANTED.test(said) && wordCount(recognition.text) <= MOST_WORDS + 2) || ONLY_HELP_WANTED.test(said);
  if ((recognition.intent === 'helpdesk' || recognition.intent === 'greeting') && helpWanted && !asksForAPerson(recognition.text)) {
    return { ...recognition, intent: 'help', score: Math.max(recognition.score, 0.8) };
  }
  // "j'ai fait une demande de contact il y a 2 semaines et toujours pas de nouvelles": a request to a person, followed up.
  if (recognition.intent !== 'helpdesk' && CONTACT_FOLLOWED_UP.test(said)) return { ...recognition, intent: 'helpdesk', score: Math.max(recognition.score, 0.8) };
  // A question guess ("faq" at 0.72 for "can I talk to someone about…") gives way unless it is very sure.
  const sure = recognition.score >= (recognition.intent === 'faq' ? SURE_QUESTION_GUESS : SURE_GUESS);
  if (recognition.intent === 'helpdesk' || sure) return recognition;
  const words = recognition.text.trim().split(/\s+/);
  // "can I talk to someone about my refused application?": asked first, then what about — whatever task
  // the classifier leaned to (documents at 0.61).
  const askedFirst = asksForAPerson(words.slice(0, MOST_WORDS).join(' '));
  const shortRequest = UNSURE_GUESSES.includes(recognition.intent) && words.length <= MOST_WORDS && asksForAPerson(recognition.text);
  if (!askedFirst && !shortRequest) return recognition;
  return { ...recognition, intent: 'helpdesk', score: Math.max(recognition.score, 0.8) };
}

/** Past this, the classifier is sure enough of a request for help that no question mark undoes it. */
const SURE_HELPDESK = 0.95;
const LONG_QUESTION_WORDS = 12;
/** Words of a problem one wants a person for, even asked as a question ("personne ne me répond ?"). */
const PROBLEM_WORDS = /(?<![a-z])(?:probleme|souci|bug|bloque|repond|reponse|plainte|reclamation|urgent|urgence|aide|aidez|help|problem|issue|complain\w*|nobody|personne ne)(?![a-z])/;

/**
 * "et je suis enceinte, ça change quelque chose ?", "et en PLS je passe ?": a question taken for a
 * request for a person, with no person asked for and no problem told, is a question to answer.
 */
export function asQuestionNotForAPerson(recognition: Recognition): Recognition {
  const text = recognition.text.trim();
  // A long question that asks for no one ("je vais être muté à Limoges, je dois refaire une demande ou la
  // mienne suit ?") is a question, however sure the classifier is of a request for a person.
  const longQuestion = wordCount(text) >= LONG_QUESTION_WORDS;
  if (recognition.intent !== 'helpdesk' || (recognition.score >= SURE_HELPDESK && !longQuestion)) return recognition;
  if (!/\?\s*$/.test(text) || asksForAPerson(text) || PROBLEM_WORDS.test(normalizeForMatching(text))) return recognition;
  // A situation that may be urgent keeps its way to a person (dialogs/urgentHandoff.ts decides).
  if (triage({ messages: [text], ...triageHints([recognition]) }).urgency !== 'normal') return recognition;
  return { ...recognition, intent: 'faq', score: recognition.score };
}
