import { readEntities, type FaqTopic } from './entities/schemas';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import type { Intent, Recognition } from './intents';

/**
 * General questions whose answer, for a user whose request is linked, is in their own dossier: "j'ai
 * combien de temps pour répondre ?" is answered with their proposal, its date and the days left — not
 * with "the exact deadline is not in my sources".
 */
const OWN_ANSWER_OF_TOPIC: Partial<Record<FaqTopic, Intent>> = {
  tenDays: 'proposal',
};

/** Words that say the question is about a proposal ("combien de temps pour avoir un logement ?" is not). */
const ABOUT_A_PROPOSAL = /(?<![a-z])(?:propos\w*|repond\w*|reponse|accept\w*|refus\w*|answer\w*|offered|offer)(?![a-z])/;

/** "c quand la commission pour creteil ?", "ma candidature passe quand en commission ?": one of their applications. */
const ABOUT_THEIR_APPLICATION = /(?<![a-z])(?:ma|mon|mes|my) (?:candidature|dossier|demande|application|file)s?(?![a-z])/;

/** "pk je peux pas candidater ?", "why can't I apply?": for a linked user, the state of their request says why. */
const WHY_NOT_APPLY = /(?<![a-z])(?:pourquoi|pk|pq|why)(?![a-z]).*(?:(?:peux|peut|pouvons|puis) (?:pas|plus|jamais)|can ?t|cannot|can no longer|not allowed to) (?:candidater|postuler|apply)/;

/** "j'arrive pas à postuler, ça bloque", "mon dossier il a quoi ?": something is wrong, the dossier says what. */
const BLOCKED = /(?<![a-z])(?:(?:arrive|arrivons|reussis) (?:pas|plus|jamais) a (?:candidater|postuler)|(?:ca|sa|tout) bloque|(?:mon|ma) (?:dossier|demande) (?:il |elle )?a quoi|qu est ce qui (?:bloque|cloche|va pas)|what s wrong with my (?:file|application|request)|(?:i m |i am )?(?:unable|not able) to apply)(?![a-z])/;

/** Their files named, and how they are going asked. */
const HOW_THEIR_FILES_GO = /(?<![a-z])(?:mes|mon|ma|my|our|nos|\d|deux|two) (?:\w+ )?(?:dossiers?|candidatures?|demandes?|applications?|files?)(?![a-z]).*(?<![a-z])(?:ca donne quoi|sa donne quoi|ca en est ou|ou ca en est|ou en est|ou en sont|ca avance|ca bouge|quoi de neuf|des nouvelles|du nouveau|how (?:is|are) (?:it|they|things) going|any news|any update|where (?:is|are) (?:it|they) at)(?![a-z])|(?<![a-z])(?:ou en (?:est|sont)|where are) (?:mes|mon|ma|my) (?:dossiers?|candidatures?|demandes?|applications?)(?![a-z])/;

/** "j'ai combien de candidatures en cours ?", "how many applications do I have?": their own count. */
const THEIR_COUNT = /(?<![a-z])(?:(?:j ai|jai|j|on a|ai je|avons nous) combien (?:de )?(?:candidatures?|dossiers?|demandes?)|combien (?:de )?(?:candidatures?|dossiers?) (?:j ai|jai|ai je|on a|en cours|actives?)|how many (?:applications|files) (?:do i|have i|i have|are (?:active|open|pending)))(?![a-z])/;

/** "jai recu une notif comme quoi jai un logement, c vrai ?", "did I get the Lille flat?": whether a home was given them. */
const THEIR_HOME_GIVEN = /(?<![a-z])(?:(?:j ai|jai|on a) (?:eu|obtenu|un|le) (?:le |un )?(?:logement|appart\w*|t\d)|comme quoi (?:j ai|jai|on a) (?:un|le) (?:logement|appart\w*)|on m a (?:attribue|donne|propose) (?:un|le) (?:logement|appart\w*)|did (?:i|we) get (?:the|a|that) (?:\w+ )?(?:flat|apartment|home|house|place)|have (?:i|we) (?:got|been given) (?:the|a) (?:\w+ )?(?:flat|apartment|home))(?![a-z])/;

/** "can you check the status of my file?": their own file's state. */
const THEIR_FILE_STATE = /(?<![a-z])(?:(?:the )?(?:status|state|progress) of my (?:file|request|application)s?|check (?:on )?my (?:file|request|application)s?|(?:l etat|le statut|le suivi) de (?:mon|ma|mes) (?:dossier|demande|candidature)s?)(?![a-z])/;

export function asPersonalQuestion(recognition: Recognition, linked: boolean): Recognition {
  const said = normalizeForMatching(recognition.text);
  // Their own count, their own home, their own file: answered from the dossier, not as a general question.
  if (linked && THEIR_HOME_GIVEN.test(said.replace(/'/g, ' '))) return { ...recognition, intent: 'proposal', score: Math.max(recognition.score, 0.8) };
  if (linked && THEIR_COUNT.test(said.replace(/'/g, ' '))) return { ...recognition, intent: 'myApplications', score: Math.max(recognition.score, 0.8) };
  if (linked && ['status', 'myApplications', 'faq', 'none', 'help'].includes(recognition.intent) && THEIR_FILE_STATE.test(said)) return { ...recognition, intent: 'status', score: Math.max(recognition.score, 0.8) };
  // Told with the classifier sure of help ("ça bloque tout le temps" reads as a technical problem), or asked why.
  const blocked = ['faq', 'none', 'help', 'complaint'].includes(recognition.intent) && BLOCKED.test(said);
  // "pourquoi je peux plus postuler ??" is read as a withdrawal: the request's state says why, not the applications.
  const whyNot = ['faq', 'none', 'apply', 'help', 'withdraw', 'myApplications'].includes(recognition.intent) && (recognition.score < 0.9 || recognition.intent === 'withdraw') && WHY_NOT_APPLY.test(said);
  // "jai 2 dossiers en cours je crois, ça donne quoi ?": how their own files are going.
  const howGoing = linked && ['faq', 'none', 'help', 'greeting'].includes(recognition.intent) && HOW_THEIR_FILES_GO.test(said);
  if (howGoing) return { ...recognition, intent: 'status', score: Math.max(recognition.score, 0.8) };
  if ((linked || recognition.intent === 'withdraw') && (blocked || whyNot)) {
    return { ...recognition, intent: 'status', score: Math.max(recognition.score, 0.8) };
  }
  if (!linked || recognition.intent !== 'faq') return recognition;
  const entities = readEntities(recognition.entities);
  const topic = entities.topic;
  if (topic === 'commission' && isWhen(recognition.text) && (entities.places !== undefined || ABOUT_THEIR_APPLICATION.test(normalizeForMatching(recognition.text)))) {
    return { ...recognition, intent: 'myApplications' };
  }
  // "le bailleur de Créteil veut des papiers en plus, c'est lesquels ?": the documents asked of their own application.
  if (LANDLORD_ASKS_DOCUMENTS.test(normalizeForMatching(recognition.text))) return { ...recognition, intent: 'documents' };
  const own = topic ? OWN_ANSWER_OF_TOPIC[topic] : undefined;
  if (!own || !ABOUT_A_PROPOSAL.test(normalizeForMatching(recognition.text))) return recognition;
  return { ...recognition, intent: own };
}

/** The landlord asking for documents, and which: "le bailleur veut des papiers en plus, lesquels ?", "what documents does the landlord want?". */
const LANDLORD_ASKS_DOCUMENTS = /(?<![a-z])(?:bailleur|proprio|landlord)(?![a-z]).*(?<![a-z])(?:papiers?|pieces?|documents?|justificatifs?)(?![a-z]).*(?<![a-z])(?:lesquels|lesquelles|quels|quelles|which|what)(?![a-z])|(?<![a-z])(?:quels|quelles|which|what) (?:papiers?|pieces?|documents?|justificatifs?)(?![a-z]).*(?<![a-z])(?:bailleur|landlord)(?![a-z])/;

/** A question of time: "c quand", "quand", "when", "what date". */
function isWhen(text: string): boolean {
  return /(?<![a-z])(?:quand|kan|when|what date|quelle date|date)(?![a-z])/.test(normalizeForMatching(text));
}
