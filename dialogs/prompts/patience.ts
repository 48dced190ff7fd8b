import { ActivityTypes, CardFactory, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import { ListStyle } from 'botbuilder-dialogs';
import type { Translate } from '../i18n';

/**
 * Never the same question a third time: after this many answers that were not understood, a step says
 * something else — what to do, and a person one click away.
 */
const MISSES_BEFORE_HELP = 2;

/** Whether a prompt's retry comes after enough misses to change what it says (the SDK counts attempts). */
export function needsHelp(state: { attemptCount?: number }): boolean {
  return (state.attemptCount ?? 0) >= MISSES_BEFORE_HELP;
}

/** The help said instead of a third retry: the text, the step's own buttons if any, and a person. */
export function helpInstead(t: Translate, text: string, actions: CardAction[] = [], style: ListStyle = ListStyle.suggestedAction): Partial<Activity> {
  const person = t('offerPersonButton');
  return withButtons(text, [...actions, { type: 'messageBack', title: person, text: person, displayText: person, value: { intent: 'helpdesk' } }], style);
}

/** A text with buttons: suggested actions, or a hero card where buttons must stay. */
export function withButtons(text: string, actions: CardAction[], style: ListStyle = ListStyle.suggestedAction): Partial<Activity> {
  if (actions.length === 0) return { type: ActivityTypes.Message, text };
  if (style === ListStyle.heroCard) return MessageFactory.attachment(CardFactory.heroCard('', text, undefined, actions));
  return MessageFactory.suggestedActions(actions, text);
}
