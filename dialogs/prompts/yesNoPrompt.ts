import { ChoicePrompt, ListStyle, type Choice, type PromptOptions } from 'botbuilder-dialogs';
import { listFor, type Translate } from '../i18n';

/**
 * A yes/no question with two buttons; typed answers match the synonyms in `locales/<lang>/common.json`
 * ("oui", "ok", "d'accord"…), in either language, so it does not depend on the channel's locale.
 */
export function yesNoPrompt(id: string): ChoicePrompt {
  const prompt = new ChoicePrompt(id);
  prompt.style = ListStyle.suggestedAction;
  return prompt;
}

export function yesNoOptions(t: Translate, question: string): PromptOptions {
  const synonyms = (key: string) => [...listFor('fr', key), ...listFor('en', key)];
  const choices: Choice[] = [
    { value: 'yes', action: { type: 'imBack', title: t('yesNo.yes'), value: t('yesNo.yes') }, synonyms: [t('yesNo.yes'), ...synonyms('yesNo.yesWords')] },
    { value: 'no', action: { type: 'imBack', title: t('yesNo.no'), value: t('yesNo.no') }, synonyms: [t('yesNo.no'), ...synonyms('yesNo.noWords')] },
  ];
  return { prompt: question, retryPrompt: `${t('yesNo.retry')} ${question}`, choices };
}

export function answeredYes(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { value?: unknown }).value === 'yes';
}
