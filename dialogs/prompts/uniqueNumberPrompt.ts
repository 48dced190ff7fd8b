import type { TurnContext } from 'botbuilder';
import { Prompt, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { readEntities } from '../recognizer/entities/schemas';
import { recognitionOf, translatorOf } from '../turn/turnAccess';
import { helpInstead, needsHelp } from './patience';
import type { ClosedAnswer } from './closedAnswer';

/**
 * Asks for the unique number and returns it in canonical form, as the recognizer read it from the
 * answer ("c'est le 069 1124 000101 gdpub"): the text is not parsed a second time here.
 */
export class UniqueNumberPrompt extends Prompt<string> implements ClosedAnswer {
  readonly closedAnswer = true;

  constructor(dialogId: string, validator?: PromptValidator<string>) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, state: { attemptCount?: number }, options: PromptOptions, isRetry: boolean): Promise<void> {
    // "jsais pas", "jle trouve pas": after two misses, where to find it and a person, not "retype it".
    if (isRetry && needsHelp(state)) {
      const t = translatorOf(context);
      await context.sendActivity(helpInstead(t, t('answers.numberHelp')));
      return;
    }
    const prompt = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (prompt) await context.sendActivity(prompt);
  }

  protected async onRecognize(context: TurnContext): Promise<PromptRecognizerResult<string>> {
    const recognition = recognitionOf(context);
    const uniqueNumber = recognition ? readEntities(recognition.entities).uniqueNumber : undefined;
    return uniqueNumber ? { succeeded: true, value: uniqueNumber } : { succeeded: false };
  }
}
