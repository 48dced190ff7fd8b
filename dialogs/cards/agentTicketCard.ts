import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { Ticket } from '../../services/helpdesk/schemas';
import { formatDateTime } from '../format';
import type { Language, Translate } from '../i18n';
import { adaptiveCard } from './adaptiveCard';

/**
 * The helpdesk agents' cards in Teams (French by default, like the agents' commands): one ticket, as
 * posted in the helpdesk channel and refreshed for every agent, and the queue. Their buttons are
 * Universal Actions (`Action.Execute`): Teams sends them to the bot as `adaptiveCard/action` invokes
 * and shows the card the bot answers with.
 */
export const TICKET_VERBS = { take: 'ticket.take', reply: 'ticket.reply', close: 'ticket.close', refresh: 'ticket.refresh' } as const;
export type TicketVerb = (typeof TICKET_VERBS)[keyof typeof TICKET_VERBS];

export function isTicketVerb(verb: unknown): verb is TicketVerb {
  return Object.values(TICKET_VERBS).some((known) => known === verb);
}

/** The id of the card's reply input: Teams merges its value into the action's data. */
export const REPLY_INPUT = 'reply';

/** What an agent card's action carries back (the reply input merged in by Teams), checked at the boundary. */
export const TicketActionDataSchema = z.looseObject({
  ticketId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
  /** The card the button was on: the ticket's own card, or the queue. */
  view: z.enum(['ticket', 'queue']).default('ticket'),
  [REPLY_INPUT]: z.string().max(4000).optional(),
});
export type TicketActionData = z.infer<typeof TicketActionDataSchema>;

/** Teams refreshes a card automatically for at most 60 users of a channel. */
export const MAX_REFRESH_USERS = 60;
const QUEUE_LENGTH = 15;
const URGENCY_ICON = { urgent: '🔴', normal: '⚪' } as const;

export interface TicketCardOptions {
  now: Date;
  /** Teams users (MRIs) whose card Teams refreshes by itself when they see it. */
  refreshUserIds: string[];
  /** What just happened, for the agent who pressed the button (not shown to the others). */
  notice?: string;
}

/** One ticket: category, urgency, summary (already redacted), time since it was opened, state; the actions its state allows. */
export function agentTicketCard(t: Translate, ticket: Ticket, options: TicketCardOptions): Attachment {
  const open = ticket.status === 'open';
  const urgent = ticket.urgency === 'urgent';
  const title = t(`helpdesk:agentCard.${urgent ? 'titleUrgent' : 'title'}${open ? 'New' : ''}`, { ticketId: ticket.id });
  const facts = [
    { title: t('helpdesk:agentCard.facts.category'), value: categoryText(t, ticket) },
    { title: t('helpdesk:agentCard.facts.urgency'), value: t(`helpdesk:agentCard.urgency.${ticket.urgency}`) },
    { title: t('helpdesk:agentCard.facts.waiting'), value: waitingText(t, ticket.createdAt, options.now) },
    { title: t('helpdesk:agentCard.facts.state'), value: stateText(t, ticket) },
  ];
  const live = ticket.status !== 'resolved';
  const hint = t(live ? 'helpdesk:agentCard.commands' : 'helpdesk:agentCard.closedHint', { ticketId: ticket.id });
  const data = { ticketId: ticket.id, view: 'ticket' };
  const body: Record<string, unknown>[] = [
    ...noticeBlocks(options.notice),
    { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true, ...(urgent ? { color: 'Attention' } : {}) },
    { type: 'FactSet', facts },
    { type: 'TextBlock', text: ticket.summary, wrap: true, spacing: 'Medium' },
    ...(live
      ? [
          {
            type: 'Input.Text',
            id: REPLY_INPUT,
            label: t('helpdesk:agentCard.replyLabel'),
            placeholder: t('helpdesk:agentCard.replyPlaceholder'),
            isMultiline: true,
            maxLength: 2000,
            isRequired: true,
            errorMessage: t('helpdesk:agentCard.replyRequired'),
          },
        ]
      : []),
    { type: 'TextBlock', text: hint, wrap: true, isSubtle: true, size: 'Small' },
  ];
  const actions = live
    ? [
        ...(open ? [execute(t('helpdesk:agentCard.buttons.take'), TICKET_VERBS.take, data, { style: 'positive', associatedInputs: 'none' })] : []),
        execute(t('helpdesk:agentCard.buttons.reply'), TICKET_VERBS.reply, data, { associatedInputs: 'auto' }),
        execute(t('helpdesk:agentCard.buttons.close'), TICKET_VERBS.close, data, { associatedInputs: 'none' }),
      ]
    : [];
  return adaptiveCard({
    body,
    actions,
    refresh: { action: { type: 'Action.Execute', verb: TICKET_VERBS.refresh, data }, userIds: options.refreshUserIds.slice(0, MAX_REFRESH_USERS) },
    fallbackText: [options.notice, title, ...facts.map((fact) => `${fact.title} : ${fact.value}`), ticket.summary, hint].filter(Boolean).join('\n\n'),
  });
}

/** Open and in-progress tickets, urgent first, then oldest first; each open one can be taken from here. */
export function ticketQueueCard(t: Translate, language: Language, tickets: Ticket[], notice?: string): Attachment {
  const sorted = [...tickets].sort((a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') || a.createdAt.localeCompare(b.createdAt));
  if (sorted.length === 0) {
    const empty = t('helpdesk:agent.queueEmpty');
    return adaptiveCard({ body: [...noticeBlocks(notice), { type: 'TextBlock', text: empty, wrap: true }], fallbackText: [notice, empty].filter(Boolean).join('\n\n') });
  }
  const heading = t('helpdesk:agent.queueHeading', { count: sorted.length });
  const lines = sorted.slice(0, QUEUE_LENGTH).map((ticket) => ({
    ticket,
    text: t('helpdesk:agent.queueLine', {
      icon: URGENCY_ICON[ticket.urgency],
      ticketId: ticket.id,
      category: categoryText(t, ticket),
      status: t(`helpdesk:agent.status.${ticket.status}`, { assignee: ticket.assignee ?? '' }),
      since: formatDateTime(ticket.createdAt, language),
    }),
  }));
  const hint = t('helpdesk:agentCard.queueHint');
  const body: Record<string, unknown>[] = [
    ...noticeBlocks(notice),
    { type: 'TextBlock', text: heading, weight: 'Bolder', size: 'Medium', wrap: true },
    ...lines.map(({ ticket, text }) => ({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text, wrap: true },
        ...(ticket.status === 'open'
          ? [{ type: 'ActionSet', actions: [execute(t('helpdesk:agentCard.buttons.take'), TICKET_VERBS.take, { ticketId: ticket.id, view: 'queue' }, { associatedInputs: 'none' })] }]
          : []),
      ],
    })),
    { type: 'TextBlock', text: hint, wrap: true, isSubtle: true, size: 'Small' },
  ];
  return adaptiveCard({ body, fallbackText: [notice, heading, ...lines.map(({ text }) => `- ${text}`), hint].filter(Boolean).join('\n') });
}

/** A sentence in place of a card: someone who is not an agent pressed a button, or the ticket service failed. */
export function agentNoticeCard(text: string, retry?: { title: string; ticketId: string }): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text, wrap: true }],
    actions: retry ? [execute(retry.title, TICKET_VERBS.refresh, { ticketId: retry.ticketId, view: 'ticket' }, { associatedInputs: 'none' })] : [],
    fallbackText: text,
  });
}

/** "moins d'une minute", "12 min", "2 h 05", "3 jours": how long since the ticket was opened. */
export function waitingText(t: Translate, openedAt: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(openedAt).getTime()) / 60_000));
  if (minutes < 1) return t('helpdesk:agentCard.duration.lessThanAMinute');
  if (minutes < 60) return t('helpdesk:agentCard.duration.minutes', { count: minutes });
  if (minutes < 48 * 60) return t('helpdesk:agentCard.duration.hours', { hours: Math.floor(minutes / 60), minutes: String(minutes % 60).padStart(2, '0') });
  return t('helpdesk:agentCard.duration.days', { count: Math.floor(minutes / (24 * 60)) });
}

function stateText(t: Translate, ticket: Ticket): string {
  return t(`helpdesk:agentCard.state.${ticket.status}`, { assignee: ticket.assignee ?? '' });
}

function categoryText(t: Translate, ticket: Ticket): string {
  return t(`helpdesk:agentCard.category.${ticket.category}`);
}

function noticeBlocks(notice: string | undefined): Record<string, unknown>[] {
  return notice ? [{ type: 'TextBlock', text: notice, wrap: true, weight: 'Bolder', color: 'Accent' }] : [];
}

function execute(title: string, verb: TicketVerb, data: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  return { type: 'Action.Execute', title, verb, data, ...extra };
}
