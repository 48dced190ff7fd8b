import type { Attachment } from 'botbuilder';
import type { Translate } from '../i18n';
import { adaptiveCard } from './adaptiveCard';

/**
 * What a card becomes once one of its buttons was pressed: the choice, and no button left, so it
 * cannot be submitted again.
 */
export function submittedCard(t: Translate, choice: string | undefined): Attachment {
  const text = choice ? t('card.chosen', { choice }) : t('card.done');
  return adaptiveCard({ body: [{ type: 'TextBlock', text, wrap: true, isSubtle: true }], fallbackText: text });
}
