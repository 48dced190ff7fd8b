import type { TurnContext } from 'botbuilder';
import type { Intent } from '../recognizer/intents';

/**
 * How a turn ended, as the people who run the assistant need to see it (traces, insights, misses):
 * - `answered`: a task's answer was given (a verdict, a knowledge answer, a status);
 * - `unsure`: the knowledge base hesitated and showed the closest questions;
 * - `notUnderstood`: the message was not understood;
 * - `handoff`, `urgentTicket`: a ticket was opened for a person (urgent or not).
 * A turn that asked the next question of a task leaves it unset.
 */
export const TURN_OUTCOMES = ['answered', 'unsure', 'notUnderstood', 'handoff', 'urgentTicket'] as const;
export type TurnOutcome = (typeof TURN_OUTCOMES)[number];

/**
 * What one turn did, without a word of what the user wrote: the intent recognised (and how sure), the
 * feature dialog that ran, the outcome, and which answer was given (a knowledge entry id, `eligibility`,
 * `status`…). Written by the dialogs as the turn goes, read by the hosting layer when it ends.
 */
export interface TurnReport {
  intent?: Intent;
  score?: number;
  dialog?: string;
  outcome?: TurnOutcome;
  /** The key of the answer given, the same one its "Utile ?" feedback is kept under. */
  answer?: string;
}

const TURN_REPORT = Symbol('alin.turnReport');

/** This turn's report (created empty on first use). */
export function turnReportOf(context: TurnContext): TurnReport {
  let report = context.turnState.get(TURN_REPORT) as TurnReport | undefined;
  if (!report) {
    report = {};
    context.turnState.set(TURN_REPORT, report);
  }
  return report;
}

export function reportRecognition(context: TurnContext, intent: Intent, score: number): void {
  Object.assign(turnReportOf(context), { intent, score });
}

export function reportDialog(context: TurnContext, dialog: string): void {
  turnReportOf(context).dialog = dialog;
}

/** The turn's outcome; a ticket opened outweighs an answer given before it in the same turn. */
export function reportOutcome(context: TurnContext, outcome: TurnOutcome, answer?: string): void {
  const report = turnReportOf(context);
  if (report.outcome === 'urgentTicket' || (report.outcome === 'handoff' && outcome !== 'urgentTicket')) return;
  report.outcome = outcome;
  if (answer) report.answer = answer;
}
