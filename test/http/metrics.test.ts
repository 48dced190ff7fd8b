import { ConfigurationError, loadConfig } from '../../bot/config';
import { allText, BotHarness } from '../support/botHarness';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';
import { FailingDialog } from '../support/standInDialogs';

/** The value of one sample (`name{labels}`) in the Prometheus text format, 0 when absent. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

const scrape = async (bot: BotHarness, headers: Record<string, string> = {}) => {
  const response = await fetch(`${bot.botUrl}/metrics`, { headers });
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text: await response.text() };
};

describe('GET /metrics', () => {
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let bot: BotHarness;
  beforeAll(async () => {
    simulator = await simulatorWithClock();
    bot = await BotHarness.start({ PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN }, { featureDialogs: () => [new FailingDialog()] });
  });
  afterAll(async () => {
    await bot.stop();
    await simulator.close();
  });

  it('serves the Prometheus text format with the process metrics and every series of the bot', async () => {
    const { status, contentType, text } = await scrape(bot);
    expect(status).toBe(200);
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'process_cpu_user_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'alin_turns_total',
      'alin_turn_duration_seconds',
      'alin_turn_errors_total',
      'alin_portal_calls_total',
      'alin_portal_call_duration_seconds',
      'alin_circuit_state',
      'alin_etag_conflicts_total',
      'alin_duplicate_activities_total',
      'alin_replies_undelivered_total',
      'alin_rate_limited_total',
      'alin_event_loop_stalls_total',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_eventloop_lag_max_seconds',
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
    expect(sample(text, 'alin_circuit_state{api="alin"}')).toBe(0);
  });

  it('counts and times a turn, by channel and outcome', async () => {
    const before = (await scrape(bot)).text;
    expect(allText(await bot.say('metrics-turn', 'aide'))).toContain('Écrivez simplement');
    const after = (await scrape(bot)).text;
    const ok = 'alin_turns_total{channel="emulator",outcome="ok"}';
    expect(sample(after, ok)).toBe(sample(before, ok) + 1);
    const timed = 'alin_turn_duration_seconds_count{channel="emulator"}';
    expect(sample(after, timed)).toBe(sample(before, timed) + 1);
    expect(sample(after, 'alin_turn_duration_seconds_bucket{le="10",channel="emulator"}')).toBe(sample(after, timed));
  });

  it('counts a failed turn as an error', async () => {
    const before = (await scrape(bot)).text;
    expect(allText(await bot.say('metrics-failure', 'où en est mon dossier ?'))).toContain('un problème technique');
    const after = (await scrape(bot)).text;
    expect(sample(after, 'alin_turn_errors_total')).toBe(sample(before, 'alin_turn_errors_total') + 1);
    expect(sample(after, 'alin_turns_total{channel="emulator",outcome="error"}')).toBe(sample(before, 'alin_turns_total{channel="emulator",outcome="error"}') + 1);
  });

  it('files a channel it does not know under "other", so strangers cannot create series', async () => {
    await bot.send('metrics-channel', { type: 'message', text: 'aide', channelId: 'made-up-channel-42' });
    const { text } = await scrape(bot);
    expect(sample(text, 'alin_turns_total{channel="other",outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('made-up-channel-42');
  });

  it('counts a redelivered activity once as a duplicate', async () => {
    const before = sample((await scrape(bot)).text, 'alin_duplicate_activities_total');
    const activity = { type: 'message', text: 'aide', id: 'metrics-redelivered-1' };
    await bot.send('metrics-duplicate', activity);
    await bot.send('metrics-duplicate', activity);
    expect(sample((await scrape(bot)).text, 'alin_duplicate_activities_total')).toBe(before + 1);
  });

  it('counts portal calls by API, operation and outcome, and shows the circuit open when the portal fails', async () => {
    const ok = 'alin_portal_calls_total{api="alin",operation="searchOffers",outcome="ok"}';
    const before = (await scrape(bot)).text;
    // The readiness check asks the portal for one offer.
    expect((await fetch(`${bot.botUrl}/readyz`)).status).toBe(200);
    const afterReady = (await scrape(bot)).text;
    expect(sample(afterReady, ok)).toBe(sample(before, ok) + 1);
    expect(sample(afterReady, 'alin_portal_call_duration_seconds_count{api="alin",operation="searchOffers"}')).toBeGreaterThanOrEqual(1);

    await fetch(`${simulator.url}/dev/faults`, {
      method: 'POST',
      headers: { authorization: `Bearer ${PORTAL_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ route: '/alin/v1/offers*', kind: 'error', status: 503 }),
    });
    try {
      // Three attempts per check; the breaker opens after five failures in a row.
      for (let check = 0; check < 3; check++) expect((await fetch(`${bot.botUrl}/readyz`)).status).toBe(503);
      const { text } = await scrape(bot);
      expect(sample(text, 'alin_portal_calls_total{api="alin",operation="searchOffers",outcome="Unavailable"}')).toBeGreaterThanOrEqual(5);
      expect(sample(text, 'alin_circuit_state{api="alin"}')).toBe(2);
      expect(sample(text, 'alin_circuit_state{api="sne"}')).toBe(0);
    } finally {
      await fetch(`${simulator.url}/dev/faults`, { method: 'DELETE', headers: { authorization: `Bearer ${PORTAL_TOKEN}` } });
    }
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  const token = 'a-metrics-token-for-the-scraper';
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({ METRICS_TOKEN: token });
  });
  afterAll(() => bot.stop());

  it('refuses a scrape without the token or with another one, and serves it with the token', async () => {
    expect((await scrape(bot)).status).toBe(401);
    expect((await scrape(bot, { authorization: 'Bearer a-metrics-token-for-the-scrapeR' })).status).toBe(401);
    const { status, text } = await scrape(bot, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
    expect(text).toContain('# TYPE alin_turns_total counter');
  });

  it('keeps its own registry: the turns of the other bot of this process are not counted here', async () => {
    const { text } = await scrape(bot, { authorization: `Bearer ${token}` });
    expect(sample(text, 'alin_turns_total{channel="emulator",outcome="ok"}')).toBe(0);
  });

  it('is refused when too short to be a secret', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(ConfigurationError);
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow('METRICS_TOKEN must be at least 16 characters');
  });
});
