import { z } from 'zod';
import { EMERGENCY_NUMBERS, triage, type EmergencyNumber } from '../services/triage/triage';
import type { Intent, Recognition } from './recognizer/intents';
import { triageHints } from './recognizer/triageHints';

/** Their dialogs are the helpdesk: they triage and show the numbers themselves. */
const HELPDESK_INTENTS: readonly Intent[] = ['helpdesk', 'complaint'];
/** Requests a person in an urgent situation comes with: answered, with the helpdesk offered beside. */
const TASKS: readonly Intent[] = ['documents', 'searchOffers', 'eligibility', 'faq', 'status', 'renewal', 'apply', 'myApplications', 'linkNumber'];
/** Below this, the task is a guess: the urgent story is what the message is about. */
const SURE_TASK = 0.75;

/** Set on a recognition whose task goes on beside an urgent situation: the numbers that apply. */
const URGENT_ASIDE = 'urgentAside';
/** Set on a recognition turned into a request for the helpdesk because of an urgent situation. */
const URGENT_HANDOFF = 'urgentHandoff';

/**
 * An urgent situation (eviction, violence, homelessness…) — FACTS.md "Priority situations": offer the
 * helpdesk at once. A message that also asks something clear ("je dors dans ma voiture, quels papiers
 * pour ma demande ?") keeps its task, with the numbers and the helpdesk offered beside it; otherwise the
 * message goes to the helpdesk, from whatever step the conversation was in.
 */
export function asUrgentHandoff(recognition: Recognition): Recognition {
  if (!recognition.text) return recognition;
  const result = triage({ messages: [recognition.text], ...triageHints([recognition.intent]) });
  if (result.urgency !== 'urgent') return recognition;
  // Already a request for the helpdesk: it goes there from whatever step the conversation was in.
  if (HELPDESK_INTENTS.includes(recognition.intent)) return { ...recognition, entities: { ...recognition.entities, [URGENT_HANDOFF]: true } };
  if (TASKS.includes(recognition.intent) && recognition.score >= SURE_TASK) {
    return { ...recognition, entities: { ...recognition.entities, [URGENT_ASIDE]: result.emergencyNumbers } };
  }
  return { ...recognition, intent: 'helpdesk', score: Math.max(recognition.score, 0.9), entities: { ...recognition.entities, [URGENT_HANDOFF]: true } };
}

/** The numbers to show beside the task the message asks, when it tells an urgent situation. */
export function urgentAsideOf(recognition: Recognition): EmergencyNumber[] | undefined {
  const numbers = z.array(z.enum(EMERGENCY_NUMBERS)).safeParse(recognition.entities[URGENT_ASIDE]);
  return numbers.success ? numbers.data : undefined;
}

/** Whether the message was sent to the helpdesk for the urgent situation it tells. */
export function isUrgentHandoff(recognition: Recognition): boolean {
  return recognition.entities[URGENT_HANDOFF] === true;
}
