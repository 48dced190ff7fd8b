import { UnavailableError, isServiceError, ServiceError } from '../../services/http/errors';
import { CallEvent } from '../../services/http/jsonClient';
import { createHelpdeskHttpClient } from '../../services/helpdesk/httpClient';
import { createPortalHttpClient } from '../../services/portal/httpClient';
import { createSneHttpClient } from '../../services/sne/httpClient';
import { RunningSimulator } from '../../simulator/startSimulator';
import { DEMO, clearFaults, failureOf, injectFault, rawCall, startTestSimulator, testClientSettings } from './simulatorHarness';

const ATTEMPT_TIMEOUT_MS = 300;
const CALL_TIMEOUT_MS = 900;
// Time for the event loop and the loopback on a busy two-core machine.
const SLACK_MS = 400;

function asServiceError(value: unknown): ServiceError {
  if (!isServiceError(value)) throw new Error(`expected a ServiceError, got ${String(value)}`);
  return value;
}

describe('the clients when the portal misbehaves (faults injected with /dev/faults)', () => {
  let simulator: RunningSimulator;

  beforeAll(async () => {
    simulator = await startTestSimulator();
  });
  afterAll(() => simulator.close());
  afterEach(() => clearFaults(simulator));

  function observedPortal(overrides: Parameters<typeof testClientSettings>[1] = {}) {
    const events: CallEvent[] = [];
    const portal = createPortalHttpClient(
      testClientSettings(simulator, {
        attemptTimeoutMs: ATTEMPT_TIMEOUT_MS,
        callTimeoutMs: CALL_TIMEOUT_MS,
        observe: (event) => events.push(event),
        ...overrides,
      }),
    );
    return { portal, events };
  }

  async function timedFailure(promise: Promise<unknown>): Promise<{ error: ServiceError; elapsedMs: number }> {
    const startedAt = performance.now();
    const error = asServiceError(await failureOf(promise));
    return { error, elapsedMs: performance.now() - startedAt };
  }

  test.each`
    fault                                                    | kind                 | reason           | attempts
    ${{ kind: 'error', status: 500 }}                        | ${'Unavailable'}     | ${'server'}      | ${1}
    ${{ kind: 'error', status: 502 }}                        | ${'Unavailable'}     | ${'server'}      | ${3}
    ${{ kind: 'error', status: 503 }}                        | ${'Unavailable'}     | ${'server'}      | ${3}
    ${{ kind: 'error', status: 504 }}                        | ${'Unavailable'}     | ${'server'}      | ${3}
    ${{ kind: 'error', status: 429 }}                        | ${'Unavailable'}     | ${'rateLimited'} | ${3}
    ${{ kind: 'timeout' }}                                   | ${'Unavailable'}     | ${'timeout'}     | ${undefined}
    ${{ kind: 'latency', latencyMs: 2000 }}                  | ${'Unavailable'}     | ${'timeout'}     | ${undefined}
    ${{ kind: 'disconnect' }}                                | ${'Unavailable'}     | ${'network'}     | ${3}
    ${{ kind: 'malformed', body: 'truncated' }}              | ${'InvalidResponse'} | ${undefined}     | ${1}
    ${{ kind: 'malformed', body: 'wrongShape' }}             | ${'InvalidResponse'} | ${undefined}     | ${1}
  `('$fault ends in $kind ($reason) within the call timeout', async ({ fault, kind, reason, attempts }) => {
    await injectFault(simulator, { route: '/alin/v1/offers*', ...fault });
    const { portal, events } = observedPortal();
    const { error, elapsedMs } = await timedFailure(portal.searchOffers({ commune: '69266' }));
    expect(error.kind).toBe(kind);
    if (reason) expect((error as UnavailableError).reason).toBe(reason);
    if (attempts) expect(events).toHaveLength(attempts);
    expect(elapsedMs).toBeLessThan(CALL_TIMEOUT_MS + SLACK_MS);
  });

  test('a short latency only delays the answer', async () => {
    await injectFault(simulator, { route: '/alin/v1/offers/*', kind: 'latency', latencyMs: 100 });
    const { portal } = observedPortal();
    const startedAt = performance.now();
    expect((await portal.getOffer('OFR-00001')).id).toBe('OFR-00001');
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(90);
  });

  test('retries a GET through two transient failures and succeeds', async () => {
    await injectFault(simulator, { route: '/alin/v1/offers/*', kind: 'error', status: 503, count: 2 });
    const { portal, events } = observedPortal();
    expect((await portal.getOffer('OFR-00002')).id).toBe('OFR-00002');
    expect(events.map((event) => event.outcome)).toEqual(['Unavailable', 'Unavailable', 'ok']);
    expect(new Set(events.map((event) => event.requestId)).size).toBe(1);
  });

  test('never retries a POST: one failure is the answer, and nothing was created twice', async () => {
    await injectFault(simulator, { route: '/helpdesk/v1/tickets', method: 'POST', kind: 'error', status: 503, count: 1 });
    const events: CallEvent[] = [];
    const helpdesk = createHelpdeskHttpClient(testClientSettings(simulator, { observe: (event) => events.push(event) }));
    const ticket = { category: 'other' as const, urgency: 'normal' as const, summary: 'hello', language: 'en' as const, transcript: [], applicantRef: null };
    expect(asServiceError(await failureOf(helpdesk.createTicket(ticket))).kind).toBe('Unavailable');
    expect(events).toHaveLength(1);
    expect(await helpdesk.listTickets()).toHaveLength(0);
    await helpdesk.createTicket(ticket);
    expect(await helpdesk.listTickets()).toHaveLength(1);
  });

  test('a POST that hangs ends in a timeout, once', async () => {
    await injectFault(simulator, { route: '/alin/v1/links/challenges', kind: 'timeout' });
    const { portal, events } = observedPortal();
    const { error, elapsedMs } = await timedFailure(portal.startLinkChallenge(DEMO.lyonUnderReview));
    expect(error).toMatchObject({ kind: 'Unavailable', reason: 'timeout' });
    expect(events).toHaveLength(1);
    expect(elapsedMs).toBeLessThan(ATTEMPT_TIMEOUT_MS + SLACK_MS);
  });

  test('the caller can cancel a call', async () => {
    await injectFault(simulator, { route: '/alin/v1/offers*', kind: 'timeout' });
    const { portal } = observedPortal({ attemptTimeoutMs: 5000, callTimeoutMs: 5000 });
    const { error, elapsedMs } = await timedFailure(portal.searchOffers({}, { signal: AbortSignal.timeout(100) }));
    expect(error).toMatchObject({ kind: 'Unavailable', reason: 'cancelled' });
    expect(elapsedMs).toBeLessThan(100 + SLACK_MS);
  });

  test('faults apply per route pattern and method, and count down', async () => {
    await injectFault(simulator, { route: '/sne/v1/*', method: 'GET', kind: 'error', status: 500, count: 1 });
    const sne = createSneHttpClient(testClientSettings(simulator));
    const { portal } = observedPortal();
    expect((await portal.getOffer('OFR-00003')).id).toBe('OFR-00003');
    expect(asServiceError(await failureOf(sne.getRequest(DEMO.lyonUnderReview))).kind).toBe('Unavailable');
    expect((await sne.getRequest(DEMO.lyonUnderReview)).state).toBe('active');
    expect((await rawCall(simulator, 'GET', '/dev/faults')).body).toEqual({ items: [] });
  });

  test('the circuit opens after repeated failures, fails fast while open, and closes again', async () => {
    const halfOpenAfterMs = 300;
    const { portal, events } = observedPortal({ retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 3, halfOpenAfterMs } });
    const sne = createSneHttpClient(testClientSettings(simulator));
    await injectFault(simulator, { route: '/alin/v1/*', kind: 'error', status: 503 });

    for (let call = 0; call < 3; call++) {
      expect(asServiceError(await failureOf(portal.getOffer('OFR-00004')))).toMatchObject({ kind: 'Unavailable', reason: 'server' });
    }
    expect(portal.circuitStatus()).toBe('open');

    await clearFaults(simulator);
    const { error, elapsedMs } = await timedFailure(portal.getOffer('OFR-00004'));
    expect(error).toMatchObject({ kind: 'Unavailable', reason: 'circuitOpen' });
    expect(elapsedMs).toBeLessThan(50);
    // Each API has its own breaker: the national file still answers.
    expect((await sne.getRequest(DEMO.lyonUnderReview)).nur).toBe(DEMO.lyonUnderReview);

    await new Promise((resolve) => setTimeout(resolve, halfOpenAfterMs + 50));
    expect((await portal.getOffer('OFR-00004')).id).toBe('OFR-00004');
    expect(portal.circuitStatus()).toBe('closed');
    expect(events.filter((event) => event.outcome === 'ok')).toHaveLength(1);
  });

  test('a failed trial call opens the circuit again', async () => {
    const halfOpenAfterMs = 200;
    const { portal } = observedPortal({ retry: { maxAttempts: 1 }, breaker: { consecutiveFailures: 2, halfOpenAfterMs } });
    await injectFault(simulator, { route: '/alin/v1/*', kind: 'error', status: 502 });
    await failureOf(portal.getOffer('OFR-00005'));
    await failureOf(portal.getOffer('OFR-00005'));
    expect(portal.circuitStatus()).toBe('open');
    await new Promise((resolve) => setTimeout(resolve, halfOpenAfterMs + 50));
    expect(asServiceError(await failureOf(portal.getOffer('OFR-00005')))).toMatchObject({ reason: 'server' });
    expect(portal.circuitStatus()).toBe('open');
  });

  test('business refusals do not open the circuit', async () => {
    const { portal } = observedPortal({ breaker: { consecutiveFailures: 2, halfOpenAfterMs: 10_000 } });
    for (let call = 0; call < 4; call++) {
      expect(asServiceError(await failureOf(portal.getOffer('OFR-99999'))).kind).toBe('NotFound');
    }
    expect(portal.circuitStatus()).toBe('closed');
  });

  test('a portal that is not listening is Unavailable (network)', async () => {
    const gone = await startTestSimulator();
    const url = gone.url;
    await gone.close();
    const portal = createPortalHttpClient({ ...testClientSettings(simulator), baseUrl: url, retry: { maxAttempts: 2, initialDelayMs: 5, maxDelayMs: 10 } });
    expect(asServiceError(await failureOf(portal.getOffer('OFR-00001')))).toMatchObject({ kind: 'Unavailable', reason: 'network' });
  });
});
