import type { Attachment } from 'botbuilder';
import type { KnowledgeEntry, KnowledgeHit } from '../../services/knowledge/knowledgeSearch';
import type { Translate } from '../i18n';
import { adaptiveCard, intentButton } from '../cards/adaptiveCard';
import { feedbackActions, feedbackLines } from '../feedback/answerFeedback';

/** The question an entry answers, as people see it: its first way of asking. */
export function questionOf(entry: KnowledgeEntry): string {
  return entry.questions[0] ?? entry.id;
}

/**
 * One answer of the knowledge base: the question, the short answer, "en savoir plus" when there is
 * more, the source line, and "Utile ? 👍 👎" (the press is kept without personal data).
 */
export function knowledgeAnswerCard(t: Translate, entry: KnowledgeEntry, channelId: string): Attachment {
  const question = questionOf(entry);
  const source = t('faqMenu:source', { source: entry.source });
  const more = entry.more
    ? [{ type: 'Action.ShowCard', title: t('faqMenu:more'), card: { type: 'AdaptiveCard', body: [{ type: 'TextBlock', text: entry.more, wrap: true }] } }]
    : [];
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: question, weight: 'Bolder', wrap: true },
      { type: 'TextBlock', text: entry.answer, wrap: true },
      { type: 'TextBlock', text: source, wrap: true, isSubtle: true, size: 'Small' },
      ...feedbackLines(t, channelId),
    ],
    actions: [...more, ...feedbackActions(channelId, entry.id)],
    fallbackText: [question, entry.answer, ...(entry.more ? [entry.more] : []), source].join('\n'),
  });
}

/** When the base hesitates: the closest questions, as buttons, and the way to something else. */
export function knowledgeChoicesCard(t: Translate, entries: KnowledgeEntry[], heading = t('faqMenu:unsure')): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true }],
    actions: [...entries.map((entry) => intentButton(questionOf(entry), 'faq', { entry: entry.id })), intentButton(t('faqMenu:noneOfThese'), 'helpdesk')],
    fallbackText: [heading, ...entries.map((entry) => `- ${questionOf(entry)}`)].join('\n'),
  });
}

export function choicesOf(hits: KnowledgeHit[]): KnowledgeEntry[] {
  return hits.map((hit) => hit.entry);
}
