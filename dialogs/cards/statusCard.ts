import { isClosedRequest } from '../../services/sne/schemas';
import { documentStateText } from './documentState';
import type { Attachment } from 'botbuilder';
import type { Language, Translate } from '../i18n';
import type { DossierSummary } from '../../services/dossier/dossierSummary';
import { formatDate } from '../format';
import { feedbackActions, feedbackLines } from '../feedback/answerFeedback';
import { adaptiveCard, intentButton } from './adaptiveCard';
import { applicationText, daysFromNow } from './applicationText';

/** Teams shows up to this many applications comfortably; the portal lists the rest. */
const MAX_APPLICATIONS = 8;

/** The key its "Utile ?" is kept under. */
export const STATUS_ANSWER = 'status';

/** The dossier in one card: warnings first, then the request, documents, applications, next step. */
export function statusCard(t: Translate, language: Language, maskedNur: string, summary: DossierSummary, channelId: string): Attachment {
  const when = daysFromNow(t);
  const warnings = warningsOf(t, language, summary, when);
  // An expired, cancelled or attributed request is closed: its seniority counts for nothing any more, and
  // no offer can be applied to with it (FACTS.md: radiation; the warning says how to file again).
  const closed = isClosedRequest(summary.state);
  const facts = [
    { title: t('status:facts.state'), value: t(`status:state.${summary.state}`) },
    { title: t('status:facts.registered'), value: formatDate(summary.registeredAt, language) },
    ...(closed ? [] : [{ title: t('status:facts.seniority'), value: seniorityText(t, summary.seniority) }]),
    ...(summary.state === 'active' || summary.state === 'to_renew'
      ? [{ title: t('status:facts.renewal'), value: `${formatDate(summary.renewalDueDate, language)} (${when(summary.daysToRenewal)})` }]
      : []),
  ];
  const documents = summary.documentsToFix.map(
    (document) => `• ${t('status:documents.line', { document: t(`status:documents.type.${document.type}`), state: documentStateText(t, document.type, document.state) })}`,
  );
  const applications = summary.applications.slice(0, MAX_APPLICATIONS).map((line) => `• ${applicationText(t, language, line, when)}`);
  const next = t(`status:next.${summary.nextAction}`);
  const title = t('status:title', { maskedNur });

  const body: Record<string, unknown>[] = [
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
    ...warnings.map((text) => ({ type: 'TextBlock', text, wrap: true, color: 'Attention', weight: 'Bolder' })),
    { type: 'FactSet', facts },
    { type: 'TextBlock', text: t('status:documents.heading'), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    ...(documents.length > 0
      ? [...documents.map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'None' })), { type: 'TextBlock', text: t('status:documents.howTo'), wrap: true, isSubtle: true }]
      : [{ type: 'TextBlock', text: t('status:documents.allGood'), wrap: true }]),
    { type: 'TextBlock', text: t('status:applications.heading'), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    ...(applications.length > 0 ? applications : [t('status:applications.none')]).map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'None' })),
    { type: 'TextBlock', text: t('status:next.heading'), weight: 'Bolder', wrap: true, spacing: 'Medium' },
    { type: 'TextBlock', text: next, wrap: true },
    ...feedbackLines(t, channelId),
  ];
  const fallbackText = [
    title,
    ...warnings,
    ...facts.map((fact) => `${fact.title} : ${fact.value}`),
    documents.length > 0 ? `${t('status:documents.heading')} :\n${documents.join('\n')}\n${t('status:documents.howTo')}` : t('status:documents.allGood'),
    `${t('status:applications.heading')} :\n${applications.length > 0 ? applications.join('\n') : t('status:applications.none')}`,
    `${t('status:next.heading')} ${next}`,
  ].join('\n\n');
  return adaptiveCard({
    body,
    actions: [...(closed ? [] : [intentButton(t('status:buttons.search'), 'searchOffers'), intentButton(t('status:buttons.documents'), 'documents')]), ...feedbackActions(channelId, STATUS_ANSWER)],
    fallbackText,
  });
}

function warningsOf(t: Translate, language: Language, summary: DossierSummary, when: (days: number) => string): string[] {
  const warnings: string[] = [];
  if (summary.state === 'expired') warnings.push(t('status:warnings.expired', { date: formatDate(summary.renewalDueDate, language) }));
  if (summary.state === 'cancelled') warnings.push(t('status:warnings.cancelled'));
  if (summary.state === 'attributed') warnings.push(t('status:warnings.attributed'));
  const offer = summary.offerAwaitingAnswer;
  if (offer?.answerDueDate !== undefined && offer.daysToAnswer !== undefined) {
    warnings.push(
      t('status:warnings.offer', { typology: offer.typology, commune: offer.commune, rank: offer.rank, date: formatDate(offer.answerDueDate, language), when: when(offer.daysToAnswer) }),
    );
  }
  if (summary.renewalDueSoon) warnings.push(t('status:warnings.renewal', { date: formatDate(summary.renewalDueDate, language), when: when(Math.max(0, summary.daysToRenewal)) }));
  return warnings;
}

function seniorityText(t: Translate, seniority: { years: number; months: number }): string {
  const parts = [
    ...(seniority.years > 0 ? [t('status:seniority.years', { count: seniority.years })] : []),
    ...(seniority.months > 0 ? [t('status:seniority.months', { count: seniority.months })] : []),
  ];
  return parts.length === 0 ? t('status:seniority.lessThanAMonth') : parts.join(` ${t('status:seniority.and')} `);
}
