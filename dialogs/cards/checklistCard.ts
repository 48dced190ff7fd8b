import type { Attachment } from 'botbuilder';
import type { Translate } from '../i18n';
import type { Checklist, ChecklistItem } from '../../services/documents/checklist';
import type { ItemComparison, RequestComparison } from '../../services/documents/requestComparison';
import { documentStateText } from './documentState';
import { adaptiveCard } from './adaptiveCard';
import { feedbackActions, feedbackLines } from '../feedback/answerFeedback';

/** The key its "Utile ?" is kept under. */
export const DOCUMENTS_ANSWER = 'documents';

type Block = Record<string, unknown>;

const heading = (text: string): Block => ({ type: 'TextBlock', text, weight: 'Bolder', wrap: true, spacing: 'Medium' });
const line = (text: string): Block => ({ type: 'TextBlock', text, wrap: true, spacing: 'Small' });
const detail = (text: string): Block => ({ type: 'TextBlock', text, wrap: true, isSubtle: true, spacing: 'None' });

/**
 * The documents for a situation, grouped (for everyone, family situation, reason of the request), each
 * with what is accepted; then the documents that apply only in cases not asked (children, pregnancy, a
 * foreign national), where they are uploaded, and that the list is limitative.
 */
export function checklistCard(t: Translate, checklist: Checklist, alsoIfConcerned: ChecklistItem[], channelId: string): Attachment {
  const title = t('documents:title');
  const body: Block[] = [{ type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true }];
  const fallback: string[] = [title];
  for (const group of ['mandatory', 'family', 'reason'] as const) {
    const items = checklist.items.filter((item) => item.group === group);
    if (items.length === 0) continue;
    body.push(heading(t(`documents:groups.${group}`)));
    fallback.push(t(`documents:groups.${group}`));
    for (const item of items) {
      const details = [...item.detailKeys.map((key) => t(key, item.params)), ...(item.conditionKey ? [t(item.conditionKey)] : [])];
      const label = `${labelOf(t, item)}, ${t(`documents:concerns.${item.concerns}`)}`;
      body.push(line(`• ${label}`), ...details.map(detail));
      fallback.push(`- ${label} — ${details.join(' ')}`);
    }
  }
  if (alsoIfConcerned.length > 0) {
    const also = alsoIfConcerned.map((item) => `• ${labelOf(t, item)} — ${item.detailKeys.map((key) => t(key, item.params)).join(' ')}`);
    body.push(heading(t('documents:alsoIfConcerned')), ...also.map(line));
    fallback.push(t('documents:alsoIfConcerned'), ...also);
  }
  const closing = [t('documents:whereToUpload'), t(checklist.limitativeKey)];
  body.push(...closing.map((text) => ({ ...line(text), spacing: 'Medium' })));
  fallback.push(...closing);
  body.push(...feedbackLines(t, channelId));
  return adaptiveCard({ body, actions: feedbackActions(channelId, DOCUMENTS_ANSWER), fallbackText: fallback.join('\n') });
}

/**
 * The documents of the linked request against the checklist: what is to fix on the national file, each
 * with its exact next step there, then what is already provided.
 */
export function requestDocumentsCard(t: Translate, maskedNur: string, comparison: RequestComparison, askedByLandlords: string[] = []): Attachment {
  const title = t('documents:titleFromRequest', { maskedNur });
  const toFix = comparison.items.filter(needsAction);
  const otherToFix = comparison.otherDocuments.filter((other) => other.status !== 'provided');
  const optional = comparison.items.filter((item) => item.status === 'notOnFile' && item.item.requirement === 'conditional');
  const count = toFix.length + otherToFix.length;
  const lines: string[] = [];
  for (const item of [...toFix, ...optional]) {
    const document = labelOf(t, item.item);
    lines.push(t('documents:comparison.item', { document, status: documentStateText(t, item.item.id, item.status) }));
    if (item.nextStepKey) lines.push(t(item.nextStepKey, { document }));
  }
  for (const other of otherToFix) {
    const document = t(`status:documents.type.${other.document.type}`);
    lines.push(t('documents:comparison.item', { document, status: documentStateText(t, other.document.type, other.status) }));
    if (other.nextStepKey) lines.push(t(other.nextStepKey, { document }));
  }
  const provided = comparison.items.filter((item) => item.status === 'provided').map((item) => labelOf(t, item.item));
  const summary = count === 0 ? t('documents:comparison.complete') : t('documents:comparison.toFix', { count });
  const closing = [
    ...(provided.length > 0 ? [t('documents:comparison.provided', { documents: provided.join(', ') })] : []),
    ...(comparison.underConditionKey ? [t(comparison.underConditionKey)] : []),
    t(comparison.afterStepsKey),
  ];
  const landlords = askedByLandlords.length > 0 ? [t('documents:comparison.askedByLandlords', { count: askedByLandlords.length }), ...askedByLandlords] : [];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      ...landlords.map((text, index) => (index === 0 ? { type: 'TextBlock', text, wrap: true, weight: 'Bolder', color: 'Attention' } : line(text))),
      { type: 'TextBlock', text: summary, wrap: true, weight: count > 0 ? 'Bolder' : 'Default', color: count > 0 ? 'Attention' : 'Default', spacing: landlords.length > 0 ? 'Medium' : 'Default' },
      ...lines.map(line),
      ...closing.map((text) => ({ ...line(text), spacing: 'Medium' })),
    ],
    fallbackText: [title, ...landlords, summary, ...lines, ...closing].join('\n'),
  });
}

function needsAction(comparison: ItemComparison): boolean {
  if (comparison.status === 'provided') return false;
  return !(comparison.status === 'notOnFile' && comparison.item.requirement === 'conditional');
}

function labelOf(t: Translate, item: ChecklistItem): string {
  return t(item.labelKey, item.params);
}
