import type { Dialog, DialogContext } from 'botbuilder-dialogs';

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

/** The step waiting for the user's answer, however deep. */
function waitingStep(dc: DialogContext): Dialog | undefined {
  let inner: DialogContext = dc;
  while (inner.child) inner = inner.child;
  const id = inner.activeDialog?.id;
  return id === undefined ? undefined : inner.findDialog(id);
}

/** Whether the step waiting for the user's answer is a closed-answer prompt. */
export function waitsForClosedAnswer(dc: DialogContext): boolean {
  return isClosedAnswer(waitingStep(dc));
}

/** Whether the step waiting for the user's answer reads card buttons as answers. */
export function waitsForButtonAnswer(dc: DialogContext): boolean {
  return (waitingStep(dc) as Partial<ButtonAnswer> | undefined)?.readsButtons === true;
}
