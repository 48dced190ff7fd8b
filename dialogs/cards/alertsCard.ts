import type { Attachment } from 'botbuilder';
import type { Translate } from '../i18n';
import type { SavedSearch } from '../../services/offers/savedSearches';
import { adaptiveCard, intentButton } from './adaptiveCard';

/** "Mes alertes": each watched search with a way to delete it. */
export function alertsCard(t: Translate, searches: SavedSearch[]): Attachment {
  const lines = searches.map((search) => t('alerts:list.item', { label: search.label }));
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: t('alerts:list.heading'), weight: 'Bolder', wrap: true },
      ...searches.map((search, index) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: lines[index], wrap: true },
          { type: 'ActionSet', actions: [intentButton(t('alerts:list.delete'), 'savedSearches', { action: 'delete', searchId: search.id })] },
        ],
      })),
    ],
    fallbackText: [t('alerts:list.heading'), ...lines.map((line) => `- ${line}`)].join('\n'),
  });
}
