import type { Choice, Dialog, DialogContext, PromptOptions } from 'botbuilder-dialogs';
import { readChoice, type ChoiceOption } from '../recognizer/answers/answerReader';
import { normalizeForMatching } from '../../services/shared/normalizeForMatching';

/**
 * A prompt whose answer has one shape — a unique number, a code, a SIRET, yes or no: a clear new request
 * typed there ("en fait laisse, je cherche un T2 à Lyon") is never its answer, and takes over.
 */
export interface ClosedAnswer {
  readonly closedAnswer: true;
}

function isClosedAnswer(dialog: Dialog | undefined): boolean {
  return (dialog as Partial<ClosedAnswer> | undefined)?.closedAnswer === true;
}

/** A prompt that reads a card button's value as its answer ("Retirer" under an application). */
export interface ButtonAnswer {
  readonly readsButtons: true;
}

/** The innermost dialog context: the one whose active dialog waits for the user's answer. */
function innermost(dc: DialogContext): DialogContext {
  let inner: DialogContext = dc;
  while (inner.child) inner = inner.child;
  return inner;
}

/** The step waiting for the user's answer, however deep. */
function waitingStep(dc: DialogContext): Dialog | undefined {
  const inner = innermost(dc);
  const id = inner.activeDialog?.id;
  return id === undefined ? undefined : inner.findDialog(id);
}

/**
 * Whether the message is one of the choices the question on screen offers ("Aucun de ces motifs",
 * "expulsion" at "which of these reasons?"): then it is the answer, never a new request.
 */
export function answersTheChoiceOnScreen(dc: DialogContext, text: string): boolean {
  const inner = innermost(dc);
  if (saysAButtonOfTheQuestion(inner, text)) return true;
  if ((waitingStep(dc) as Partial<ButtonAnswer> | undefined)?.readsButtons !== true) return false;
  const choices = ((inner.activeDialog?.state as { options?: PromptOptions } | undefined)?.options?.choices ?? []).filter((choice): choice is Choice => typeof choice === 'object');
  return readChoice(text, choices.map(optionOf))?.kind === 'choice';
}

/**
 * "Any" typed at "What maximum monthly rent?" under its [Any] button: the words of a button the question
 * itself shows (its suggested actions) are its answer, whatever else they could mean.
 */
function saysAButtonOfTheQuestion(inner: DialogContext, text: string): boolean {
  const prompt = (inner.activeDialog?.state as { options?: PromptOptions } | undefined)?.options?.prompt;
  const actions = typeof prompt === 'object' ? (prompt.suggestedActions?.actions ?? []) : [];
  const typed = normalizeForMatching(text);
  return typed.length > 0 && actions.some((action) => [action.title, typeof action.value === 'string' ? action.value : undefined].some((said) => said !== undefined && normalizeForMatching(said) === typed));
}

/** A prompt that asks yes or no. */
export interface YesOrNoAnswer {
  readonly yesOrNo: true;
}

/** Whether the step waiting for the user's answer asks yes or no. */
export function waitsForYesOrNo(dc: DialogContext): boolean {
  return (waitingStep(dc) as Partial<YesOrNoAnswer> | undefined)?.yesOrNo === true;
}

/** Whether the step waiting for the user's answer is a closed-answer prompt. */
export function waitsForClosedAnswer(dc: DialogContext): boolean {
  return isClosedAnswer(waitingStep(dc));
}

/** Whether the step waiting for the user's answer reads card buttons as answers. */
export function waitsForButtonAnswer(dc: DialogContext): boolean {
  return (waitingStep(dc) as Partial<ButtonAnswer> | undefined)?.readsButtons === true;
}

/** A prompt's choice as the answer reader compares it: its value, its button's title, its synonyms. */
export function optionOf(choice: Choice): ChoiceOption {
  const title = choice.action?.title;
  return { value: choice.value, says: [choice.value, ...(title ? [title] : []), ...(choice.synonyms ?? [])] };
}
