import type { Choice, PromptOptions } from 'botbuilder-dialogs';
import type { Translate } from '../i18n';
import { YesNoAnswerPrompt } from './answerPrompts';

/**
 * A yes/no question with two buttons; typed answers are read by the shared answer reader ("oui",
 * "ouais", "ok vas-y", "nan merci", "sure"…), in either language, whatever the channel's locale.
 */
export function yesNoPrompt(id: string): YesNoAnswerPrompt {
  return new YesNoAnswerPrompt(id);
}

export function yesNoOptions(t: Translate, question: string): PromptOptions {
  const choices: Choice[] = [
    { value: 'yes', action: { type: 'imBack', title: t('yesNo.yes'), value: t('yesNo.yes') } },
    { value: 'no', action: { type: 'imBack', title: t('yesNo.no'), value: t('yesNo.no') } },
  ];
  return { prompt: question, retryPrompt: `${t('yesNo.retry')} ${question}`, choices };
}

export function answeredYes(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { value?: unknown }).value === 'yes';
}
