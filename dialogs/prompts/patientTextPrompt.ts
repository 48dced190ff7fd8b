import type { TurnContext } from 'botbuilder';
import { TextPrompt, type PromptOptions, type PromptValidator } from 'botbuilder-dialogs';
import { translatorOf } from '../turn/turnAccess';
import { helpInstead, needsHelp } from './patience';

/**
 * A typed answer ("where?", "how many persons?", "which code?") that is never asked a third time in the
 * same words: after two misses the step says how to answer (`helpKey`, or the general help) and offers
 * a person; the answer is still taken when it comes.
 */
export class PatientTextPrompt extends TextPrompt {
  constructor(
    dialogId: string,
    validator: PromptValidator<string>,
    private readonly helpKey = 'answers.stillUnclearText',
    /** A code or a SIRET: a clear new request typed there takes over (see `ClosedAnswer`). */
    readonly closedAnswer = false,
  ) {
    super(dialogId, validator);
  }

  protected override async onPrompt(context: TurnContext, state: { attemptCount?: number }, options: PromptOptions, isRetry: boolean): Promise<void> {
    if (isRetry && needsHelp(state)) {
      const t = translatorOf(context);
      await context.sendActivity(helpInstead(t, t(this.helpKey)));
      return;
    }
    await super.onPrompt(context, state, options, isRetry);
  }
}
