import type { Attachment, TurnContext } from 'botbuilder';
import type { Translate } from '../i18n';
import { optionalTurnStateOf, translatorOf } from '../turn/turnAccess';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** The main tasks, in the order an applicant usually meets them. */
export const MAIN_TASKS = ['linkNumber', 'status', 'eligibility', 'documents', 'searchOffers', 'helpdesk'] as const;
/** Once the number is linked, linking it is no longer a task: following one's applications is. */
const LINKED_TASKS = ['myApplications', 'status', 'eligibility', 'documents', 'searchOffers', 'helpdesk'] as const;

/** Hosts render at most five actions per set: the six tasks go in two sets of three. */
const TASKS_PER_SET = 3;

/** The menu for this conversation's user: a linked user is not offered to link their number again. */
export function menuFor(context: TurnContext, heading?: string): Attachment {
  return menuCard(translatorOf(context), heading, Boolean(optionalTurnStateOf(context)?.user.link));
}

export function menuCard(t: Translate, heading?: string, linked = false): Attachment {
  const tasks = linked ? LINKED_TASKS : MAIN_TASKS;
  const sets = [tasks.slice(0, TASKS_PER_SET), tasks.slice(TASKS_PER_SET)];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: heading ?? t('menu.title'), weight: 'Bolder', wrap: true },
      ...sets.map((tasks) => ({ type: 'ActionSet', actions: tasks.map((task) => intentButton(t(`menu.${task}`), task)) })),
    ],
    fallbackText: t(linked ? 'menu.fallbackTextLinked' : 'menu.fallbackText'),
  });
}
