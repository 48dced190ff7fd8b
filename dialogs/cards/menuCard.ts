import type { Attachment } from 'botbuilder';
import type { Translate } from '../../bot/i18n';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** The main tasks, in the order an applicant usually meets them. */
export const MAIN_TASKS = ['linkNumber', 'status', 'eligibility', 'documents', 'searchOffers', 'helpdesk'] as const;

export function menuCard(t: Translate, heading?: string): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: heading ?? t('menu.title'), weight: 'Bolder', wrap: true }],
    actions: MAIN_TASKS.map((task) => intentButton(t(`menu.${task}`), task)),
    fallbackText: t('menu.fallbackText'),
  });
}
