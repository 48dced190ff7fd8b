import { triage } from '../services/triage/triage';
import type { Intent, Recognition } from './recognizer/intents';
import { triageHints } from './recognizer/triageHints';

/** Their dialogs already offer the helpdesk for a priority situation (the eligibility answer explains it). */
const OFFERS_HELPDESK_ITSELF: readonly Intent[] = ['helpdesk', 'complaint', 'eligibility'];

/**
 * An urgent situation (eviction, violence, homelessness…) goes to the helpdesk whatever else the message
 * asks: FACTS.md "Priority situations" — offer the helpdesk at once.
 */
export function asUrgentHandoff(recognition: Recognition): Recognition {
  if (!recognition.text || OFFERS_HELPDESK_ITSELF.includes(recognition.intent)) return recognition;
  const result = triage({ messages: [recognition.text], ...triageHints([recognition.intent]) });
  return result.urgency === 'urgent' ? { ...recognition, intent: 'helpdesk', score: Math.max(recognition.score, 0.9) } : recognition;
}
