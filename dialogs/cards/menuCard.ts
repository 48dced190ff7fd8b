import type { Attachment } from 'botbuilder';
import type { Translate } from '../i18n';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** The main tasks, in the order an applicant usually meets them. */
export const MAIN_TASKS = ['linkNumber', 'status', 'eligibility', 'documents', 'searchOffers', 'helpdesk'] as const;

/** Hosts render at most five actions per set: the six tasks go in two sets of three. */
const TASKS_PER_SET = 3;

export function menuCard(t: Translate, heading?: string): Attachment {
  const sets = [MAIN_TASKS.slice(0, TASKS_PER_SET), MAIN_TASKS.slice(TASKS_PER_SET)];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: heading ?? t('menu.title'), weight: 'Bolder', wrap: true },
      ...sets.map((tasks) => ({ type: 'ActionSet', actions: tasks.map((task) => intentButton(t(`menu.${task}`), task)) })),
    ],
    fallbackText: t('menu.fallbackText'),
  });
}
