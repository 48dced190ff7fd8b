import type { Attachment } from 'botbuilder';
import type { Language, Translate } from '../i18n';
import { applicationLine } from '../../services/dossier/dossierSummary';
import { ACTIVE_CANDIDATURE_STATUSES, type Candidature } from '../../services/portal/schemas';
import { adaptiveCard, intentButton } from './adaptiveCard';
import { applicationText } from './applicationText';

/** "Mes candidatures": each application with its stage and what happens next; active ones can be withdrawn. */
export function applicationsCard(t: Translate, language: Language, candidatures: Candidature[], title: string): Attachment {
  const today = new Date();
  const lines = candidatures.map((candidature) => applicationText(t, language, applicationLine(candidature, today)));
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true },
      ...candidatures.map((candidature, index) => ({
        type: 'Container',
        separator: true,
        items: [
          { type: 'TextBlock', text: lines[index], wrap: true },
          ...(ACTIVE_CANDIDATURE_STATUSES.includes(candidature.status)
            ? [{ type: 'ActionSet', actions: [intentButton(t('apply:list.withdraw'), 'withdraw', { candidatureId: candidature.id })] }]
            : []),
        ],
      })),
    ],
    fallbackText: [title, ...lines.map((line) => `- ${line}`)].join('\n'),
  });
}
