import type { CardAction, TurnContext } from 'botbuilder';
import { helpInstead, needsHelp, withButtons } from './patience';
import { optionOf, type ButtonAnswer, type ClosedAnswer, type YesOrNoAnswer } from './closedAnswer';
import { ListStyle, Prompt, type Choice, type FoundChoice, type PromptOptions, type PromptRecognizerResult, type PromptValidator } from 'botbuilder-dialogs';
import { readChoice, readYesNo } from '../recognizer/answers/answerReader';
import { translatorOf } from '../turn/turnAccess';

/** The value of a choice that means "none of these", when the question offers one. */
export const NONE_OF_THESE = 'none';

/**
 * A question answered with one of its choices, read by the shared answer reader: by label, synonym,
 * inflection, position or "none of these", in French or English ("mariés", "le deuxième", "aucune"),
 * instead of the SDK's choice recognizer (which stalls the process for seconds the first time it reads
 * French, and is super-linear on long text). Never the same sentence a third time: after two misses,
 * the choices as buttons and a person offered.
 */
export class ChoiceAnswerPrompt extends Prompt<FoundChoice> implements ButtonAnswer {
  readonly readsButtons = true;

  constructor(
    dialogId: string,
    validator: PromptValidator<FoundChoice> = async (prompt) => prompt.recognized.succeeded,
    private readonly style: ListStyle.suggestedAction | ListStyle.heroCard = ListStyle.suggestedAction,
  ) {
    super(dialogId, validator);
  }

  protected async onPrompt(context: TurnContext, state: { attemptCount?: number }, options: PromptOptions, isRetry: boolean): Promise<void> {
    const choices = (options.choices ?? []).filter((choice): choice is Choice => typeof choice === 'object');
    const question = isRetry && options.retryPrompt ? options.retryPrompt : options.prompt;
    if (isRetry && needsHelp(state)) {
      await context.sendActivity(helpInstead(translatorOf(context), translatorOf(context)('answers.stillUnclear'), choices.map(actionOf), this.style));
      return;
    }
    if (question === undefined) return;
    await context.sendActivity(typeof question === 'string' ? withButtons(question, choices.map(actionOf), this.style) : question);
  }

  protected async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const choices = (options.choices ?? []).filter((choice): choice is Choice => typeof choice === 'object');
    // A card's button that carries one of the choices ("Retirer" under an application).
    const pressed = buttonChoice(context.activity.value, choices);
    if (pressed >= 0) return { succeeded: true, value: { value: choices[pressed]!.value, index: pressed, score: 1 } };
    const reading = readChoice(context.activity.text ?? '', choices.map(optionOf));
    const value = reading?.kind === 'choice' ? reading.value : reading?.kind === 'none' && choices.some((choice) => choice.value === NONE_OF_THESE) ? NONE_OF_THESE : undefined;
    const index = choices.findIndex((choice) => choice.value === value);
    return index >= 0 ? { succeeded: true, value: { value: choices[index]!.value, index, score: 1 } } : { succeeded: false };
  }
}

/** A yes-or-no question with two buttons, read by the shared answer reader ("ouais", "nan merci", "sure"). */
export class YesNoAnswerPrompt extends ChoiceAnswerPrompt implements ClosedAnswer, YesOrNoAnswer {
  readonly closedAnswer = true;
  readonly yesOrNo = true;

  protected override async onRecognize(context: TurnContext, _state: object, options: PromptOptions): Promise<PromptRecognizerResult<FoundChoice>> {
    const answer = readYesNo(context.activity.text ?? '');
    if (!answer) return { succeeded: false };
    const index = (options.choices ?? []).findIndex((choice) => typeof choice === 'object' && choice.value === answer);
    return { succeeded: true, value: { value: answer, index: Math.max(0, index), score: 1 } };
  }
}

/** The choice a card button's value names among its fields, or -1. */
function buttonChoice(value: unknown, choices: Choice[]): number {
  if (typeof value !== 'object' || value === null) return -1;
  const fields = Object.values(value).filter((field): field is string => typeof field === 'string');
  return choices.findIndex((choice) => fields.includes(choice.value));
}

function actionOf(choice: Choice): CardAction {
  return choice.action ?? { type: 'imBack', title: choice.value, value: choice.value };
}

