import { HttpClientSettings } from '../../services/http/jsonClient';
import { PortalApi } from '../../services/portal/portalApi';
import { RunningSimulator, SimulatorOptions, startSimulator } from '../../simulator/startSimulator';

/** Shared set-up for the portal tests: a real simulator on a free port and clients with short limits. */

export const TEST_TOKEN = 'test-portal-token';

/** The demo accounts of simulator/DEMO_ACCOUNTS.md. */
export const DEMO = {
  lyonUnderReview: '0691124000101GDPUB',
  parisToRenew: '1110325004242GDPUB',
  girondeExpired: '0330624000777GDPUB',
  nordOfferReceived: '0590923000555GDPUB',
  marseilleAtLimit: '0131025000303GDPUB',
  toulouseCancelled: '0310224000404GDPUB',
  nantesHoused: '0440323000606GDPUB',
  parisAboveCeiling: '1110124000909GDPUB',
} as const;

export function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  return startSimulator({ port: 0, token: TEST_TOKEN, maxActiveApplications: 5, ...options });
}

/** Short limits keep the fault tests fast; the breaker is out of the way unless a test sets it. */
export function testClientSettings(simulator: RunningSimulator, overrides: Partial<HttpClientSettings> = {}): HttpClientSettings {
  return {
    baseUrl: simulator.url,
    token: TEST_TOKEN,
    attemptTimeoutMs: 400,
    callTimeoutMs: 1200,
    retry: { maxAttempts: 3, initialDelayMs: 10, maxDelayMs: 40 },
    breaker: { consecutiveFailures: 1000, halfOpenAfterMs: 1000 },
    ...overrides,
  };
}

export interface RawAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** A plain HTTP call with the token, for the `/dev/*` routes and the contract test. */
export async function rawCall(
  simulator: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<RawAnswer> {
  const response = await fetch(simulator.url + path, {
    method,
    headers: { authorization: `Bearer ${TEST_TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown), headers: response.headers };
}

export async function injectFault(simulator: RunningSimulator, fault: Record<string, unknown>): Promise<void> {
  const answer = await rawCall(simulator, 'POST', '/dev/faults', fault);
  if (answer.status !== 201) throw new Error(`fault refused: ${JSON.stringify(answer.body)}`);
}

export async function clearFaults(simulator: RunningSimulator): Promise<void> {
  await rawCall(simulator, 'DELETE', '/dev/faults');
}

/** The code the simulator "sent" for a challenge, read from `GET /dev/outbox`. */
export async function codeFromOutbox(simulator: RunningSimulator, challengeId: string): Promise<string> {
  const answer = await rawCall(simulator, 'GET', `/dev/outbox?challengeId=${encodeURIComponent(challengeId)}`);
  const items = (answer.body as { items: { code: string }[] }).items;
  const code = items[0]?.code;
  if (!code) throw new Error('no code in the outbox');
  return code;
}

/** Links a demo NUR the way the bot does: challenge, code from the outbox, verify. */
export async function linkDemoAccount(simulator: RunningSimulator, portal: PortalApi, nur: string): Promise<string> {
  const challenge = await portal.startLinkChallenge(nur);
  const code = await codeFromOutbox(simulator, challenge.challengeId);
  return (await portal.verifyLinkChallenge(challenge.challengeId, code)).applicantId;
}

/** Runs the promise and returns what it threw (fails the test if it resolved). */
export async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, it succeeded');
}
