import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { asksForAPerson } from './answers/answerReader';
import { readEntities } from './entities/schemas';
import type { Intent, Recognition } from './intents';
import wordsData from './documentsQuestionWords.json';

const bothLanguages = (words: { fr: string[]; en: string[] }) => [...words.fr, ...words.en].map(normalizeForMatching);
const DOCUMENT_WORDS = bothLanguages(wordsData.documents);
const ASKING_WORDS = bothLanguages(wordsData.asking);

/** Intents a documents question telling a hard situation is mistaken for. */
const MISTAKEN_FOR: readonly Intent[] = ['helpdesk', 'complaint', 'none', 'eligibility', 'greeting'];

function says(said: string, phrases: string[]): boolean {
  return phrases.some((phrase) => said.includes(` ${phrase} `));
}

/** Above this, a status guess stays one even with a document named ("où en sont mes pièces ?" is asked otherwise). */
const SURE_STATUS = 0.9;

/** Asked with words ("quel", "il faut", "ça sert"), not only with a question mark. */
function asksInWords(text: string): boolean {
  return says(` ${normalizeForMatching(text.slice(0, 600))} `, ASKING_WORDS);
}

/** "je suis sans domicile, je mets quoi comme justificatif ?": asks which documents to give. */
export function asksForDocuments(text: string): boolean {
  const said = ` ${normalizeForMatching(text.slice(0, 600))} `;
  return says(said, DOCUMENT_WORDS) && (text.includes('?') || says(said, ASKING_WORDS));
}

/** "im a student with no job", "jsui auto entrepreneur": who the person is, which decides the documents. */
const THEIR_SITUATION = /(?:^| )(?:je suis|jsui|jsuis|chui|suis|i m|im|i am) (?:un |une |a |an )?(?:etudiante?|student|retraitee?|retired|salariee?|employee|auto entrepreneur|autoentrepreneur|independante?|self employed|freelance|au chomage|unemployed|sans emploi|demandeu(?:r|se) d emploi|job seeker|apprentie?|apprentice|interimaire|en cdd|en cdi|fonctionnaire|civil servant|hebergee?|handicapee?|disabled|separee?|divorcee?|separated|divorced)(?: |$)/;

export function tellsTheirSituation(text: string): boolean {
  return THEIR_SITUATION.test(` ${normalizeForMatching(text.slice(0, 600))} `);
}

/**
 * "mon logement est insalubre, faut quoi comme preuve ?" is a documents question, not a request for a
 * person: the situation it tells decides which documents, and the urgency is offered beside the answer.
 * A person asked for in words stays a request for a person.
 */
export function asDocumentsQuestion(recognition: Recognition): Recognition {
  // "jsui auto entrepreneur, marié, 2 enfants, quels papiers ?" barely placed on documents is still the documents question.
  // "jai recu un commandement de payer, ca sert pour ma demande ?" is about a document, not the request's status.
  const statusOfADocument = recognition.intent === 'status' && recognition.score < SURE_STATUS && asksInWords(recognition.text);
  const mistaken = MISTAKEN_FOR.includes(recognition.intent) || statusOfADocument || (['faq', 'documents'].includes(recognition.intent) && tellsTheirSituation(recognition.text));
  if (!mistaken || !asksForDocuments(recognition.text) || asksForAPerson(recognition.text)) return recognition;
  // "on est 2, 30 000 sur l'avis d'imposition, éligible ?" asks for a verdict, not for a list.
  const entities = readEntities(recognition.entities);
  // "jai 3 enfants, il faut quoi pour prouver qu'ils sont a moi" asks for documents, though it tells a household.
  if (recognition.intent === 'eligibility' && entities.amounts !== undefined) return recognition;
  return { ...recognition, intent: 'documents', score: Math.max(recognition.score, 0.8) };
}
