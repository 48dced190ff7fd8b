import { redactText } from '../../services/privacy/redact';
import { maskNur } from '../../services/sne/uniqueNumber';
import type { Recognition } from './intents';

/** Of each list of entities (places, amounts, dates…), the first ones are kept: the dialogs read the first. */
const KEPT_PER_LIST = 5;

/**
 * The recognition as a dialog keeps it in its options. Options are saved in the dialog stack with the
 * conversation, for as long as it lasts (90 days), so they hold no personal datum in clear: the text is
 * redacted, the unique number masked (a dialog still sees that one was given), the e-mail and the phone
 * replaced by their placeholder. What needs the number in clear reads this turn's recognition
 * (`recognitionOf`), within the turn it was typed. Lists are cut too: a 2 000-character message naming
 * towns once made 85 KB of places, saved once per dialog on the stack.
 */
export function keptRecognition(recognition: Recognition): Recognition {
  const { uniqueNumber, email, phone, ...others } = recognition.entities;
  const entities: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(others)) entities[name] = Array.isArray(value) ? value.slice(0, KEPT_PER_LIST) : value;
  if (typeof uniqueNumber === 'string') entities.uniqueNumber = maskNur(uniqueNumber);
  // The placeholders of the redaction (`redact.ts`): what was said is known, not its value.
  if (email !== undefined) entities.email = '[EMAIL]';
  if (phone !== undefined) entities.phone = '[PHONE]';
  // The income stays readable here: the eligibility form reads it again from the message that started it
  // (once answered, the facts kept for a correction hold it sealed: `factsToKeep`).
  return { ...recognition, text: redactText(recognition.text, ['INCOME']), entities };
}
