import { z } from 'zod';
import { EMERGENCY_NUMBERS, triage, type EmergencyNumber } from '../services/triage/triage';
import type { Intent, Recognition } from './recognizer/intents';
import { triageHints } from './recognizer/triageHints';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';
import { asksForAPerson } from './recognizer/answers/answerReader';
import { isQuestion } from './knowledge/knowledgeReply';
import { readEntities } from './recognizer/entities/schemas';

/** Their dialogs are the helpdesk: they triage and show the numbers themselves. */
const HELPDESK_INTENTS: readonly Intent[] = ['helpdesk', 'complaint'];
/** Requests a person in an urgent situation comes with: answered, with the helpdesk offered beside. */
const TASKS: readonly Intent[] = ['documents', 'searchOffers', 'eligibility', 'faq', 'status', 'renewal', 'apply', 'myApplications', 'linkNumber'];
/** Below this, the task is a guess: the urgent story is what the message is about. */
const SURE_TASK = 0.75;
/**
 * The words a task is asked with (accents and case aside). In an urgent story the classifier may see a
 * task that is not there ("mon mari me frappe, j'ai peur de rentrer" read as "my applications"): the
 * task goes on beside the urgent help only when the message says it.
 */
const TASK_WORDS: Partial<Record<Intent, RegExp>> = {
  documents: /papier|piece|document|justificatif|dossier|preuve|attestation|fournir|joindre|\bmet\w* dans\b|paper|proof/,
  searchOffers: /cherch|logement|appart|\bt[1-6]\b|studio|offre|hlm|flat|apartment|housing|home|looking/,
  eligibility: /eligib|droit|plafond|revenu|ressource|\brfr\b|salaire|entitled|income|ceiling|salary/,
  status: /dossier|demande|ou en est|file|request/,
  renewal: /renouvel|renew/,
  apply: /candidat|postul|apply/,
  myApplications: /candidature|application/,
  linkNumber: /numero|\bnur\b|\bnud\b|number/,
};

/**
 * The task is said in the message (a question for the knowledge base is one when it is asked as a
 * question). A word or three ("handicap" at "which reason?") is an answer to the step, not a story.
 */
function saysTheTask(recognition: Recognition): boolean {
  if (normalizeForMatching(recognition.text).split(' ').length <= 3) return true;
  if (recognition.intent === 'faq') return isQuestion(recognition.text);
  const words = TASK_WORDS[recognition.intent];
  return words !== undefined && words.test(normalizeForMatching(recognition.text));
}

/** Set on a recognition whose task goes on beside an urgent situation: the numbers that apply. */
const URGENT_ASIDE = 'urgentAside';
/** Set on a recognition turned into a request for the helpdesk because of an urgent situation. */
const URGENT_HANDOFF = 'urgentHandoff';
/** The task an urgent message also asked, not surely enough to answer at once: offered after the ticket. */
const URGENT_TASK = 'urgentTask';
/** Set when the helpdesk is put on top of a task in progress rather than in its place. */
const INTERRUPTING = 'interruptingTask';

/**
 * An urgent situation (eviction, violence, homelessness…) — FACTS.md "Priority situations": offer the
 * helpdesk at once. A message that also asks something clear ("je dors dans ma voiture, quels papiers
 * pour ma demande ?") keeps its task, with the numbers and the helpdesk offered beside it; otherwise the
 * message goes to the helpdesk, from whatever step the conversation was in.
 */
export function asUrgentHandoff(recognition: Recognition): Recognition {
  if (!recognition.text) return recognition;
  const result = triage({ messages: [recognition.text], ...triageHints([recognition]) });
  if (result.urgency !== 'urgent') return recognition;
  // "je veux plus vivre, c'est quoi les papiers ?": despair is answered first, whatever else is asked.
  if (result.reasons.includes('despair') && !HELPDESK_INTENTS.includes(recognition.intent)) return handedOff(recognition);
  // "j'ai reçu un commandement de quitter les lieux, faut que je le mette dans ma demande ?": a question
  // about the request's documents, asked beside the story the classifier took for the helpdesk.
  const questionAsked = documentsQuestionIn(recognition);
  if (questionAsked) return { ...recognition, intent: questionAsked, entities: { ...recognition.entities, [URGENT_ASIDE]: result.emergencyNumbers } };
  // Already a request for the helpdesk: it goes there from whatever step the conversation was in.
  if (HELPDESK_INTENTS.includes(recognition.intent)) {
    const search = searchAskedIn(recognition);
    return { ...recognition, entities: { ...recognition.entities, [URGENT_HANDOFF]: true, ...(search ? { [URGENT_TASK]: search } : {}) } };
  }
  // "pour les plafonds, on est 3 à Lyon, revenu fiscal 28 000 … on doit partir dans 1 mois": the whole picture makes the task sure.
  const sure = recognition.score >= SURE_TASK || (recognition.intent === 'eligibility' && givesTheWholePicture(recognition));
  if (TASKS.includes(recognition.intent) && sure && saysTheTask(recognition)) {
    return { ...recognition, entities: { ...recognition.entities, [URGENT_ASIDE]: result.emergencyNumbers } };
  }
  return handedOff(recognition);
}

/** Who, where and what income: a household's eligibility asked in full. */
function givesTheWholePicture(recognition: Recognition): boolean {
  const entities = readEntities(recognition.entities);
  return entities.persons !== undefined && (entities.places?.length ?? 0) > 0 && entities.amounts?.some((amount) => amount.income === true) === true;
}

/** The message sent to the helpdesk, the task it also asked kept to offer once the ticket is dealt with. */
function handedOff(recognition: Recognition): Recognition {
  const asked = TASKS.includes(recognition.intent) && saysTheTask(recognition) ? recognition.intent : searchAskedIn(recognition);
  const task = asked ? { [URGENT_TASK]: asked } : {};
  return { ...recognition, intent: 'helpdesk', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, [URGENT_HANDOFF]: true, ...task } };
}

/** A question on the documents of the request, from a story the classifier did not read as one (not a person asked for). */
function documentsQuestionIn(recognition: Recognition): Intent | undefined {
  // "jpeux faire une demande ? il me faut quels papiers, jai pas d'adresse": a question anywhere in the story.
  if (!recognition.text.includes('?') || asksForAPerson(recognition.text)) return undefined;
  return TASK_WORDS.documents?.test(normalizeForMatching(recognition.text)) ? 'documents' : undefined;
}

/** "…il faudrait un T3 à Lyon": a type of dwelling named is a search, whatever the classifier made of the story. */
function searchAskedIn(recognition: Recognition): Intent | undefined {
  const typologies = recognition.entities['typologies'];
  return Array.isArray(typologies) && typologies.length > 0 ? 'searchOffers' : undefined;
}

/** The task the urgent message also asked ("…il faudrait un T3 à Lyon"), to offer once the ticket is dealt with. */
export function urgentTaskOf(recognition: Recognition): Intent | undefined {
  const task = recognition.entities[URGENT_TASK];
  return TASKS.find((intent) => intent === task);
}

/** The helpdesk begun on top of a task in progress: when it ends, that task's step is asked again. */
export function asInterruption(recognition: Recognition): Recognition {
  return { ...recognition, entities: { ...recognition.entities, [INTERRUPTING]: true } };
}

export function isInterruption(recognition: Recognition): boolean {
  return recognition.entities[INTERRUPTING] === true;
}

/** The numbers to show beside the task the message asks, when it tells an urgent situation. */
const EmergencyNumbersSchema = z.array(z.enum(EMERGENCY_NUMBERS));

export function urgentAsideOf(recognition: Recognition): EmergencyNumber[] | undefined {
  const numbers = EmergencyNumbersSchema.safeParse(recognition.entities[URGENT_ASIDE]);
  return numbers.success ? numbers.data : undefined;
}

/** Whether the message was sent to the helpdesk for the urgent situation it tells. */
export function isUrgentHandoff(recognition: Recognition): boolean {
  return recognition.entities[URGENT_HANDOFF] === true;
}
