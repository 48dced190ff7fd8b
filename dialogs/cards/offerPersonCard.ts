import type { Attachment } from 'botbuilder';
import type { Translate } from '../i18n';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** After repeated misunderstanding: the way to a person, one click away. */
export function offerPersonCard(t: Translate): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: t('offerPerson'), wrap: true }],
    actions: [intentButton(t('offerPersonButton'), 'helpdesk')],
    fallbackText: `${t('offerPerson')} ${t('offerPersonButton')}`,
  });
}
