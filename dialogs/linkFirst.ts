import type { DialogTurnResult, WaterfallStepContext } from 'botbuilder-dialogs';
import { translatorOf, turnStateOf } from './turn/turnAccess';
import type { Recognition } from './recognizer/intents';

/**
 * A waterfall step for tasks that need a linked request: a linked user goes straight on; otherwise the
 * link dialog runs first (saying why) and the task continues where the user wanted to go.
 * The next step receives `{ linked: boolean }`.
 */
export async function linkFirst(step: WaterfallStepContext<Recognition>, whyKey: string): Promise<DialogTurnResult> {
  if (turnStateOf(step.context).user.link) return step.next({ linked: true });
  await step.context.sendActivity(translatorOf(step.context)(whyKey));
  return step.beginDialog('linkNumberDialog', { ...step.options, text: '' });
}

/** In the step after `linkFirst`: whether the task can go on. */
export function isLinked(step: WaterfallStepContext<Recognition>): boolean {
  return Boolean(turnStateOf(step.context).user.link) && (step.result as { linked?: boolean } | undefined)?.linked !== false;
}
