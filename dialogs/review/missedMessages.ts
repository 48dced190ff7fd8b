import type { TurnContext } from 'botbuilder';
import { redactText } from '../../services/privacy/redact';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { ELIGIBILITY_ANSWER } from '../cards/eligibilityCard';
import { STATUS_ANSWER } from '../cards/statusCard';
import { DOCUMENTS_ANSWER } from '../cards/checklistCard';
import type { MissLog, MissReason } from '../ports';
import { asksForAPerson } from '../recognizer/answers/answerReader';
import { languageOf, recognitionOf, turnStateOf } from '../turn/turnAccess';
import { turnReportOf } from '../turn/turnReport';

/** Below this intent score, an answer given is an answer given unsure. */
const LOW_CONFIDENCE = 0.6;
/** A message that follows its answer within this time may rephrase it or give up on it. */
const FOLLOW_UP_MS = 5 * 60 * 1000;
/** How much of two messages' words they must share to be the same question asked again. */
const REPHRASE_OVERLAP = 0.6;
const KEPT_CHARACTERS = 300;
/** Answers computed from what the user gave (figures, a linked request), not picked from the knowledge base. */
const TASK_ANSWERS: readonly (string | undefined)[] = [ELIGIBILITY_ANSWER, STATUS_ANSWER, DOCUMENTS_ANSWER];

/**
 * After each typed message: what the assistant missed, kept for review (redacted, with the intent
 * guessed, never who wrote it) —
 * - this message, when it was not understood, or answered with the closest questions (unsure), or
 *   answered although the intent was guessed with low confidence;
 * - the previous message, when this one asks the same again in other words, or asks for a person
 *   right after its answer: that answer did not help.
 * The last answered message is remembered (redacted) for a few minutes to see what follows it.
 */
export async function keepMissedMessages(context: TurnContext, log: MissLog, now: Date = new Date()): Promise<void> {
  const recognition = recognitionOf(context);
  const text = context.activity.type === 'message' && context.activity.value === undefined ? context.activity.text?.trim() : undefined;
  const conversation = turnStateOf(context).conversation;
  const previous = conversation.answeredMessage;
  delete conversation.answeredMessage;
  if (!recognition || !text) return;
  const report = turnReportOf(context);
  const redacted = redactText(text).slice(0, KEPT_CHARACTERS);
  const where = { language: languageOf(context), channel: context.activity.channelId };
  const keep = (miss: { text: string; intent: string; score: number }, reason: MissReason) => log.keep({ text: miss.text, intent: miss.intent, score: miss.score, reason, ...where });
  const current = { text: redacted, intent: recognition.intent, score: recognition.score };

  if (previous && now.getTime() - Date.parse(previous.at) <= FOLLOW_UP_MS) {
    const personAsked = (recognition.intent === 'helpdesk' || recognition.intent === 'complaint') && asksForAPerson(text);
    if (personAsked) await keep(previous, 'personAsked');
    // The same question again; a task's answer asked again with other figures is a follow-up, not a miss.
    else if (sameQuestion(previous.text, redacted) && !(report.answer === previous.answer && TASK_ANSWERS.includes(report.answer))) await keep(previous, 'rephrased');
  }
  if (report.outcome === 'notUnderstood') await keep(current, 'notUnderstood');
  else if (report.outcome === 'unsure') await keep(current, 'unsure');
  else if (report.outcome === 'answered' && recognition.score < LOW_CONFIDENCE) await keep(current, 'lowConfidence');

  if (report.outcome === 'answered' || report.outcome === 'unsure') conversation.answeredMessage = { ...current, answer: report.answer, at: now.toISOString() };
}

/** The words that carry a question, accents and case aside: "c koi le NUR ?" → {koi, nur}. */
function wordsOf(text: string): Set<string> {
  return new Set(normalizeForMatching(text).split(' ').filter((word) => /^[a-z]{3,}$/.test(word)));
}

/** Two messages asking the same thing: most of their words shared (and not two one-word replies). */
export function sameQuestion(first: string, second: string): boolean {
  const a = wordsOf(first);
  const b = wordsOf(second);
  if (a.size < 2 || b.size < 2) return false;
  const shared = [...a].filter((word) => b.has(word)).length;
  return shared / Math.min(a.size, b.size) >= REPHRASE_OVERLAP;
}
