import fc from 'fast-check';
import { channelActivity, LocalChannel } from '../../bot/channels/localChannel';
import { startBotProcess, type BotProcess } from '../support/botProcess';

/**
 * A storm of 10 000 seeded requests of every kind a stranger can send — activities of odd shape, real
 * turns from a few dozen users (who soon meet the rate limits), invokes, conversation ids a header
 * cannot carry, malformed and oversized bodies, the token, notify, metrics and unknown routes — posted
 * 16 at a time. Whatever arrives, no answer is a 5xx but the documented ones (501: an invoke the bot
 * does not answer; 503: /readyz when a dependency is slow), and afterwards the process is up, failed
 * no turn, and answers a person normally.
 */

const REQUESTS = Number(process.env.STORM_REQUESTS ?? 10_000);
const CONCURRENCY = 16;
const SEED = 20_261_206;

interface StormRequest {
  method: 'GET' | 'POST';
  path: string;
  contentType?: string;
  body?: string;
  /** What the request is, for the failure message. */
  kind: string;
}

const USERS = Array.from({ length: 40 }, (_, index) => `storm-user-${index}`);
const CONVERSATIONS = Array.from({ length: 60 }, (_, index) => `storm-${index}`);

const text = fc.oneof(
  fc.constantFrom('bonjour', 'aide', 'menu', 'oui', 'non', 'annuler', 'un T2 à Lyon', 'suis-je éligible ?', 'mon dossier', 'parler à un conseiller', 'english', '3', 'je suis à la rue'),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

const turnActivity = (serviceUrl: string) =>
  fc
    .record({
      conversation: fc.constantFrom(...CONVERSATIONS),
      user: fc.constantFrom(...USERS),
      channelId: fc.constantFrom('emulator', 'msteams', 'directline', 'webchat'),
      text,
      locale: fc.constantFrom(undefined, 'fr-FR', 'en-US', 'de', ''),
    })
    .map(({ conversation, user, channelId, text: said, locale }) => ({
      ...channelActivity(serviceUrl, conversation, { type: 'message', text: said, from: { id: user, name: user }, locale }, channelId),
    }));

const invokeActivity = (serviceUrl: string) =>
  fc
    .record({
      name: fc.constantFrom('adaptiveCard/action', 'application/search', 'signin/verifyState', 'task/fetch', 'composeExtension/query', 'healthCheck', 'x'),
      value: fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ action: fc.record({ type: fc.constantFrom('Action.Execute', 'Action.Submit', ''), verb: fc.string({ maxLength: 8 }), data: fc.jsonValue({ maxDepth: 2 }) }) })),
      user: fc.constantFrom(...USERS),
    })
    .map(({ name, value, user }) => channelActivity(serviceUrl, 'storm-invoke', { type: 'invoke', name, value, from: { id: user, name: user } }, 'msteams'));

/** A valid turn with one field broken, dropped or replaced by any JSON. */
const brokenActivity = (serviceUrl: string) =>
  fc
    .record({
      base: turnActivity(serviceUrl),
      field: fc.constantFrom('type', 'serviceUrl', 'conversation', 'from', 'recipient', 'channelId', 'text', 'entities', 'attachments', 'value', 'id'),
      replacement: fc.oneof(fc.constant(undefined), fc.constant(null), fc.jsonValue({ maxDepth: 3 })),
    })
    .map(({ base, field, replacement }) => ({ ...base, [field]: replacement }));

const oddConversationId = (serviceUrl: string) =>
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }).map((id) => channelActivity(serviceUrl, `odd-${id}`, { type: 'message', text: 'bonjour' }));

const asActivityRequest = (kind: string) => (activity: unknown): StormRequest => ({ method: 'POST', path: '/api/messages', contentType: 'application/json', body: JSON.stringify(activity), kind });

const requests = (serviceUrl: string): fc.Arbitrary<StormRequest> =>
  fc.oneof(
    { weight: 30, arbitrary: turnActivity(serviceUrl).map(asActivityRequest('turn')) },
    { weight: 20, arbitrary: brokenActivity(serviceUrl).map(asActivityRequest('broken activity')) },
    { weight: 10, arbitrary: invokeActivity(serviceUrl).map(asActivityRequest('invoke')) },
    { weight: 5, arbitrary: oddConversationId(serviceUrl).map(asActivityRequest('odd conversation id')) },
    { weight: 8, arbitrary: fc.jsonValue({ maxDepth: 4 }).map(asActivityRequest('any JSON')) },
    {
      weight: 5,
      arbitrary: fc.string({ maxLength: 200 }).map((body): StormRequest => ({ method: 'POST', path: '/api/messages', contentType: 'application/json', body, kind: 'not JSON' })),
    },
    {
      weight: 3,
      arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '').map(
        (contentType): StormRequest => ({ method: 'POST', path: '/api/messages', contentType, body: 'type=message&text=bonjour', kind: 'wrong content type' }),
      ),
    },
    { weight: 1, arbitrary: fc.constant<StormRequest>({ method: 'POST', path: '/api/messages', contentType: 'application/json', body: `{"text":"${'a'.repeat(300_000)}"}`, kind: 'oversized body' }) },
    { weight: 6, arbitrary: fc.constant<StormRequest>({ method: 'POST', path: '/api/webchat/token', kind: 'web chat token' }) },
    {
      weight: 4,
      arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value): StormRequest => ({ method: 'POST', path: '/api/notify', contentType: 'application/json', body: JSON.stringify(value), kind: 'portal event' })),
    },
    { weight: 4, arbitrary: fc.constantFrom('/healthz', '/readyz', '/metrics', '/', '/webchat.js', '/favicon.ico').map((path): StormRequest => ({ method: 'GET', path, kind: `GET ${path}` })) },
    {
      weight: 4,
      arbitrary: fc
        .record({ method: fc.constantFrom<'GET' | 'POST'>('GET', 'POST'), path: fc.webPath() })
        .map(({ method, path }): StormRequest => ({ method, path: path || '/', kind: 'any path' })),
    },
  );

/** Documented 5xx answers: an invoke nobody answers, and readiness while the portal is slow to answer. */
function documented(request: StormRequest, status: number): boolean {
  if (status === 501) return request.kind === 'invoke';
  if (status === 503) return request.path === '/readyz';
  return status < 500;
}

describe('a storm of 10 000 hostile requests', () => {
  const channel = new LocalChannel();
  let bot: BotProcess;

  beforeAll(async () => {
    await channel.start();
    bot = await startBotProcess({});
  });
  afterAll(async () => {
    await bot.stop();
    await channel.stop();
  });

  it('gets no undocumented 5xx, and leaves the process up, with no failed turn, answering a person', async () => {
    const storm = fc.sample(requests(channel.serviceUrl), { numRuns: REQUESTS, seed: SEED });
    const statuses = new Map<number, number>();
    const undocumented: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < storm.length) {
        const request = storm[next++]!;
        const response = await fetch(`${bot.url}${request.path.startsWith('/') ? request.path : `/${request.path}`}`, {
          method: request.method,
          headers: request.contentType === undefined ? {} : { 'content-type': request.contentType },
          body: request.method === 'POST' ? request.body : undefined,
          signal: AbortSignal.timeout(20_000),
        }).catch((error: Error) => ({ status: -1, text: async () => error.message }));
        const body = await response.text().catch((error: Error) => `(body unread: ${error.message})`);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (!documented(request, response.status)) undocumented.push(`${request.kind} ${request.method} ${request.path} → ${response.status} ${body.slice(0, 120)}`);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));

    expect(undocumented.slice(0, 10)).toEqual([]);
    // The storm reached every layer: turns run, refusals of each kind, and the limits.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(REQUESTS / 5);
    for (const refusal of [400, 413, 415, 429, 501]) expect(statuses.get(refusal) ?? 0).toBeGreaterThan(0);

    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    const failures = bot.output().split('\n').filter((line) => line.includes('"msg":"turn failed"'));
    expect(failures.slice(0, 3)).toEqual([]);

    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(channelActivity(channel.serviceUrl, 'after-the-storm', { type: 'message', text: 'bonjour', from: { id: 'a-person', name: 'A person' } })),
    });
    expect(response.status).toBe(200);
    expect(channel.messages('after-the-storm').at(-1)?.text).toMatch(/Bonjour/);
  }, 180_000);
});
