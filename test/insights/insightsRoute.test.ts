import { randomUUID } from 'node:crypto';
import { allText, BotHarness } from '../support/botHarness';
import { deleteByPrefix, TEST_REDIS_URL, testRedis } from '../support/testRedis';
import type { InsightsSummary } from '../../bot/insights/insightsSummary';
import { ConfigurationError, loadConfig } from '../../bot/config';

const TOKEN = 'insights-token-for-the-tests-0123';

const get = async (bot: BotHarness, path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${bot.botUrl}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
};
const summaryOf = async (bot: BotHarness, days = 14): Promise<InsightsSummary> => {
  const response = await get(bot, `/insights/api/summary?days=${days}`, { authorization: `Bearer ${TOKEN}` });
  expect(response.status).toBe(200);
  return JSON.parse(response.text) as InsightsSummary;
};

it('reads INSIGHTS_TOKEN, and refuses one too short to be a secret', () => {
  expect(loadConfig({ NODE_ENV: 'test', INSIGHTS_TOKEN: TOKEN }).insightsToken).toBe(TOKEN);
  expect(loadConfig({ NODE_ENV: 'test', INSIGHTS_TOKEN: ' ' }).insightsToken).toBeUndefined();
  expect(() => loadConfig({ NODE_ENV: 'test', INSIGHTS_TOKEN: 'short' })).toThrow(ConfigurationError);
  expect(() => loadConfig({ NODE_ENV: 'test', INSIGHTS_TOKEN: 'short' })).toThrow('INSIGHTS_TOKEN must be at least 16 characters');
});

describe('GET /insights without INSIGHTS_TOKEN', () => {
  let bot: BotHarness;
  beforeAll(async () => void (bot = await BotHarness.start()));
  afterAll(() => bot.stop());

  it('does not exist, and says how to turn it on', async () => {
    for (const path of ['/insights', '/insights/insights.js', '/insights/chart.js', '/locales/fr/insights.json', '/insights/api/summary']) {
      const response = await get(bot, path, { authorization: `Bearer ${TOKEN}` });
      expect(response.status).toBe(404);
      expect(JSON.parse(response.text).message).toContain('set INSIGHTS_TOKEN');
    }
  });
});

describe('GET /insights with INSIGHTS_TOKEN, on Redis', () => {
  const prefix = `alin-test:insights-http:${randomUUID().slice(0, 8)}:`;
  const cleanup = testRedis('insights-http-cleanup');
  let bot: BotHarness;
  beforeAll(async () => void (bot = await BotHarness.start({ INSIGHTS_TOKEN: TOKEN, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix })));
  afterAll(async () => {
    await bot.stop();
    await deleteByPrefix(cleanup.redis, prefix);
    await cleanup.cleanup();
  });

  it('refuses the data without the right bearer token', async () => {
    for (const headers of [{} as Record<string, string>, { authorization: 'Bearer not-the-insights-token-at-all' }, { authorization: TOKEN }, { authorization: `Basic ${TOKEN}` }]) {
      const response = await get(bot, '/insights/api/summary', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.text).not.toContain('turns');
    }
    const right = await get(bot, '/insights/api/summary?days=7', { authorization: `Bearer ${TOKEN}` });
    expect(right.status).toBe(200);
    expect(right.headers.get('cache-control')).toBe('no-store');
    expect(right.headers.get('x-content-type-options')).toBe('nosniff');
    expect(JSON.parse(right.text).perDay).toHaveLength(7);
  });

  it('refuses a period it does not serve', async () => {
    for (const days of ['0', '91', 'abc', '1.5']) {
      expect((await get(bot, `/insights/api/summary?days=${days}`, { authorization: `Bearer ${TOKEN}` })).status).toBe(400);
    }
  });

  it('serves the page as a shell without data, under a strict Content-Security-Policy', async () => {
    const page = await get(bot, '/insights');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const policy = page.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(page.text).toContain('id="token-form"');
    expect(page.text).not.toMatch(/<script>|\son[a-z]+=/);
    // Chart.js from node_modules, no CDN.
    const chart = await get(bot, '/insights/chart.js');
    expect(chart.status).toBe(200);
    expect(chart.text).toContain('Chart.js');
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const language of ['fr', 'en']) expect(JSON.parse((await get(bot, `/locales/${language}/insights.json`)).text).title).toBeTruthy();
  });

  it('shows the turns, intents, handoffs and portal calls of real conversations, and nothing of what was said', async () => {
    const before = await summaryOf(bot);
    expect(allText(await bot.say('insights-search', 'je cherche un T2 à Lyon'))).toMatch(/Lyon/);
    expect(allText(await bot.say('insights-help', 'aide'))).toContain('Écrivez simplement');
    await bot.say('insights-help', 'xqzw vlorp'); // not understood
    await bot.send('insights-help', { type: 'typing' }); // the channel's noise: not a turn
    await bot.send('insights-help', { type: 'conversationUpdate', membersAdded: [{ id: 'user-insights-help', name: 'User' }] });
    await bot.say('insights-search', '', { value: { intent: 'savedSearches', action: 'save' } }); // a card button
    await bot.say('insights-ticket', 'je voudrais parler à un conseiller');
    await bot.say('insights-ticket', 'une question sur mon dossier');
    expect(allText(await bot.say('insights-ticket', 'oui'))).toMatch(/ticket/);
    await bot.say('insights-help', '', { value: { intent: 'faq', feedback: 'useful', answer: 'status' } });
    await bot.say('insights-help', '', { value: { intent: 'faq', feedback: 'notUseful', answer: 'status' } });
    await bot.say('insights-help', '', { value: { intent: 'faq', feedbackReason: 'wrong', answer: 'status' } });

    const after = await summaryOf(bot);
    const today = after.perDay[after.perDay.length - 1]!;
    expect(after.totals.turns - before.totals.turns).toBe(10);
    expect(today.byChannel.emulator).toBeGreaterThanOrEqual(10);
    expect(after.totals.cardSubmits - before.totals.cardSubmits).toBe(4);
    expect(after.feedback).toContainEqual({ answer: 'status', useful: 1, notUseful: 1, reasons: { wrong: 1 } });
    const intents = Object.fromEntries(after.topIntents.map((entry) => [entry.intent, entry.count]));
    expect(intents).toMatchObject({ searchOffers: expect.any(Number), help: expect.any(Number), helpdesk: expect.any(Number) });
    expect(after.totals.notUnderstood).toBeGreaterThan(before.totals.notUnderstood);
    expect(after.totals.handoffs).toBe(before.totals.handoffs + 1);
    const search = after.portalCalls.find((call) => call.api === 'alin' && call.operation === 'searchOffers');
    expect(search).toMatchObject({ count: expect.any(Number) });
    expect(search!.count).toBeGreaterThanOrEqual(1);
    expect(search!.maxMs).toBeGreaterThanOrEqual(search!.avgMs);
    expect(after.portalCalls.some((call) => call.api === 'helpdesk')).toBe(true);

    // The aggregates hold no words, no conversation and no user.
    const stored = JSON.stringify(
      await Promise.all(
        (await cleanup.redis.keys(`${prefix}insights:*`)).map(async (key) => ((await cleanup.redis.type(key)) === 'hash' ? cleanup.redis.hgetall(key) : cleanup.redis.zrange(key, 0, -1))),
      ),
    );
    expect(stored).toContain('turn|emulator|message');
    expect(stored).not.toMatch(/Lyon|xqzw|dossier|insights-(search|help|ticket)|user-/);
  });
});
