import { isServiceError, ServiceError } from '../../services/http/errors';
import { createHelpdeskHttpClient, HelpdeskHttpClient } from '../../services/helpdesk/httpClient';
import { NewTicket, TicketPatch } from '../../services/helpdesk/schemas';
import { createSneHttpClient, SneHttpClient } from '../../services/sne/httpClient';
import { RunningSimulator } from '../../simulator/startSimulator';
import { DEMO, failureOf, rawCall, startTestSimulator, testClientSettings } from './simulatorHarness';

const NOW = new Date('2026-11-23T10:00:00.000Z');

function asServiceError(value: unknown): ServiceError {
  if (!isServiceError(value)) throw new Error(`expected a ServiceError, got ${String(value)}`);
  return value;
}

describe('the national request file client against the simulator', () => {
  let simulator: RunningSimulator;
  let sne: SneHttpClient;

  beforeAll(async () => {
    simulator = await startTestSimulator({ now: NOW });
    sne = createSneHttpClient(testClientSettings(simulator));
  });
  afterAll(() => simulator.close());

  test('reads a request from any typed form of its number', async () => {
    const request = await sne.getRequest('111-0325-004242 gdpub');
    expect(request).toMatchObject({
      nur: DEMO.parisToRenew,
      department: '75',
      state: 'to_renew',
      complete: false,
      household: { persons: 1, dependants: 0, youngHousehold: false, disabledPersons: 0 },
      referenceIncome: { amount: 21000, year: 2024 },
    });
    expect(request.documents).toContainEqual({ type: 'tax_notice', concerns: 'applicant', state: 'missing', updatedAt: null });
  });

  test('becomes to_renew one month before the due date and expired after it (CCH R441-2-7, R441-2-8)', async () => {
    let clock = NOW;
    const moving = await startTestSimulator({ now: () => clock });
    try {
      const client = createSneHttpClient(testClientSettings(moving));
      const { renewalDueDate } = await client.getRequest(DEMO.lyonUnderReview);
      const due = new Date(`${renewalDueDate}T12:00:00.000Z`);
      clock = new Date(due.getTime() - 40 * 86_400_000);
      expect((await client.getRequest(DEMO.lyonUnderReview)).state).toBe('active');
      clock = new Date(due.getTime() - 20 * 86_400_000);
      expect((await client.getRequest(DEMO.lyonUnderReview)).state).toBe('to_renew');
      clock = due;
      expect((await client.getRequest(DEMO.lyonUnderReview)).state).toBe('to_renew');
      clock = new Date(due.getTime() + 86_400_000);
      expect((await client.getRequest(DEMO.lyonUnderReview)).state).toBe('expired');
    } finally {
      await moving.close();
    }
  });

  test('says NotFound for an unknown number, and refuses garbage before sending it', async () => {
    expect(asServiceError(await failureOf(sne.getRequest('0750101999999ABCDE')))).toMatchObject({ kind: 'NotFound', code: 'REQUEST_NOT_FOUND' });
    expect(asServiceError(await failureOf(sne.getRequest('not a number')))).toMatchObject({ kind: 'BadRequest', code: 'INVALID_NUR' });
    expect((await rawCall(simulator, 'GET', '/sne/v1/demandes/garbage')).body).toMatchObject({ code: 'INVALID_NUR' });
  });
});

describe('the helpdesk client against the simulator', () => {
  let simulator: RunningSimulator;
  let helpdesk: HelpdeskHttpClient;

  const ticket = (overrides: Partial<NewTicket> = {}): NewTicket => ({
    category: 'documents',
    urgency: 'normal',
    summary: 'Cannot find where to upload the tax notice',
    language: 'fr',
    transcript: [
      { from: 'user', text: 'où envoyer mon avis d’impôt ?', at: '2026-11-23T09:59:00.000Z' },
      { from: 'bot', text: 'Sur le portail national…', at: '2026-11-23T09:59:02.000Z' },
    ],
    applicantRef: null,
    ...overrides,
  });

  beforeAll(async () => {
    simulator = await startTestSimulator({ now: NOW });
    helpdesk = createHelpdeskHttpClient(testClientSettings(simulator));
  });
  afterAll(() => simulator.close());

  test('keeps tickets, lists them by status and updates them', async () => {
    const first = await helpdesk.createTicket(ticket());
    const second = await helpdesk.createTicket(ticket({ category: 'urgent_situation', urgency: 'urgent', applicantRef: 'AL-123' }));
    expect(first.ticketId).not.toBe(second.ticketId);

    const open = await helpdesk.listTickets('open');
    expect(open.map((item) => item.id)).toEqual([first.ticketId, second.ticketId]);
    expect(open[1]).toMatchObject({ urgency: 'urgent', applicantRef: 'AL-123', status: 'open', assignee: null, createdAt: NOW.toISOString() });

    const updated = await helpdesk.updateTicket(second.ticketId, { status: 'in_progress', assignee: 'agent.dupont' });
    expect(updated).toMatchObject({ status: 'in_progress', assignee: 'agent.dupont' });
    expect((await helpdesk.listTickets('open')).map((item) => item.id)).toEqual([first.ticketId]);
    expect((await helpdesk.listTickets('in_progress')).map((item) => item.id)).toEqual([second.ticketId]);
    expect(await helpdesk.listTickets()).toHaveLength(2);
    expect((await helpdesk.getTicket(first.ticketId)).summary).toBe(ticket().summary);
  });

  test('refuses an empty change, an invalid ticket and an unknown id', async () => {
    const { ticketId } = await helpdesk.createTicket(ticket());
    expect(asServiceError(await failureOf(helpdesk.updateTicket(ticketId, {} as TicketPatch)))).toMatchObject({ kind: 'BadRequest', code: 'INVALID_BODY' });
    expect(asServiceError(await failureOf(helpdesk.createTicket(ticket({ summary: '' }))))).toMatchObject({ kind: 'BadRequest', code: 'INVALID_BODY' });
    expect(asServiceError(await failureOf(helpdesk.updateTicket('HD-99999', { status: 'resolved' }))).kind).toBe('NotFound');
    expect(asServiceError(await failureOf(helpdesk.getTicket('HD-99999'))).kind).toBe('NotFound');
  });
});
