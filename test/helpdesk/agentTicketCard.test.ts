import { translatorFor } from '../../dialogs/i18n';
import { agentTicketCard, MAX_REFRESH_USERS, waitingText } from '../../dialogs/cards/agentTicketCard';
import type { Ticket } from '../../services/helpdesk/schemas';

const OPENED = '2026-12-07T08:00:00Z';
const after = (minutes: number) => new Date(new Date(OPENED).getTime() + minutes * 60_000);

describe('how long a ticket has been waiting, on the agent card', () => {
  it.each([
    ['fr', -3, "moins d'une minute"],
    ['fr', 0.5, "moins d'une minute"],
    ['fr', 1, '1 min'],
    ['fr', 59, '59 min'],
    ['fr', 60, '1 h 00'],
    ['fr', 125, '2 h 05'],
    ['fr', 47 * 60 + 59, '47 h 59'],
    ['fr', 48 * 60, '2 jours'],
    ['en', 24 * 60 * 7, '7 days'],
    ['en', 12, '12 min'],
  ] as const)('%s, %d minutes after it was opened: %s', (language, minutes, expected) => {
    expect(waitingText(translatorFor(language), OPENED, after(minutes))).toBe(expected);
  });
});

describe('the agent ticket card', () => {
  const ticket: Ticket = {
    id: 'HD-00007',
    category: 'privacy',
    urgency: 'normal',
    summary: 'Priorité normale · privacy',
    language: 'fr',
    transcript: [],
    applicantRef: null,
    status: 'open',
    assignee: null,
    createdAt: OPENED,
    updatedAt: OPENED,
  };

  it('asks Teams to refresh it for at most 60 agents, and has no button once the ticket is closed', () => {
    const many = Array.from({ length: 75 }, (_, index) => `29:1-agent-${index}`);
    const open = agentTicketCard(translatorFor('fr'), ticket, { now: after(3), refreshUserIds: many }).content as { refresh: { userIds: string[] }; actions: unknown[] };
    expect(open.refresh.userIds).toHaveLength(MAX_REFRESH_USERS);
    expect(open.actions).toHaveLength(3);
    const closed = agentTicketCard(translatorFor('fr'), { ...ticket, status: 'resolved', assignee: 'Anne' }, { now: after(3), refreshUserIds: [] }).content as {
      actions: unknown[];
      body: { type: string }[];
    };
    expect(closed.actions).toEqual([]);
    expect(closed.body.some((element) => element.type === 'Input.Text')).toBe(false);
  });
});
