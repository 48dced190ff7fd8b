import type { Attachment } from 'botbuilder';
import { listFor, type Language, type Translate } from '../i18n';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** "What do you keep about me?": the list, how long, and the two ways out. */
export function privacyNoticeCard(t: Translate, language: Language, linked: boolean): Attachment {
  const items = listFor(language, 'notice.items', 'privacy');
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('privacy:notice.title'), weight: 'Bolder', size: 'Medium', wrap: true },
      ...items.map((item) => ({ type: 'TextBlock', text: `• ${item}`, wrap: true, spacing: 'Small' })),
      { type: 'TextBlock', text: t('privacy:notice.retention'), wrap: true, isSubtle: true },
    ],
    actions: [
      intentButton(t('privacy:notice.deleteButton'), 'deleteMyData'),
      ...(linked ? [intentButton(t('privacy:notice.unlinkButton'), 'unlink')] : []),
    ],
    fallbackText: t('privacy:notice.fallbackText'),
  });
}
