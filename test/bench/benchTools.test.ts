import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { projectRoot } from '../../services/shared/projectRoot';
import { startScriptNodeFlags } from '../../scripts/bench/benchedProcess';
import { buildReport } from '../../scripts/bench/benchReport';
import { loadBenchSettings } from '../../scripts/bench/benchSettings';
import type { BotFigures } from '../../scripts/bench/measureBot';
import { RedisObserver } from '../../scripts/bench/redisObserver';
import { sleep } from '../../bot/coordination/coordinator';
import { startPrivateRedis, type PrivateRedis } from '../support/privateRedis';
import { BotHarness } from '../support/botHarness';
import { scrapeEventLoopDelay } from '../../scripts/bench/eventLoopDelay';

// The benchmark's own tools: what they count must be right for the figures to mean anything.

describe('RedisObserver.watch', () => {
  // A Redis of its own: MONITOR on the shared one also reads other suites' BullMQ payloads, binary
  // arguments ioredis's monitor parser once choked on ("Command queue state error").
  const prefix = `alin-test:bench:${Date.now()}:`;
  let redis: PrivateRedis;
  let observer: RedisObserver;
  let client: Redis;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    observer = new RedisObserver(redis.url, prefix);
    client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  });
  afterAll(async () => {
    await observer.cleanup();
    await observer.close();
    await client.quit();
    await redis.dispose();
  });

  it('counts commands by kind, and commands sent in one write as one round trip', async () => {
    const watchOnce = async () =>
      (
        await observer.watch(async () => {
          // One write: the lock and the state read of a turn.
          await client.pipeline().set(`${prefix}lock:conversation:c1`, 'token', 'PX', 5000, 'NX').mget(`${prefix}conversation:c1`, `${prefix}user:u1`).exec();
          await sleep(5);
          await client.set(`${prefix}conversation:c1`, 'etag\n{}');
          await sleep(5);
          await client.del(`${prefix}lock:conversation:c1`);
          // Another client's keys are not this bot's.
          await client.get('not-under-the-prefix');
        })
      ).watched;
    // On a loaded machine (the whole suite on two cores), Redis may read one write in two parts: the
    // grouping is checked on a run where it read it whole — a run that cannot group at all never passes.
    let watched = await watchOnce();
    for (let retry = 0; retry < 4 && watched.roundTrips.total !== 3; retry++) watched = await watchOnce();
    expect(watched.sent).toEqual({ coordination: 2, state: 2 });
    expect(watched.roundTrips).toEqual({ total: 3, coordination: 2, state: 2 });
  });
});

describe('loadBenchSettings', () => {
  it('has defaults for a full run', () => {
    expect(loadBenchSettings({})).toMatchObject({ seconds: 60, conversations: 10_000, concurrency: 16, bots: ['assistant', 'echo'], cpuProfile: false });
  });

  it('says what is wrong with a setting', () => {
    expect(() => loadBenchSettings({ BENCH_SECONDS: 'soon' })).toThrow('BENCH_SECONDS must be a whole number');
    expect(() => loadBenchSettings({ BENCH_BOTS: 'assistant,parrot' })).toThrow('BENCH_BOTS lists assistant and/or echo');
  });
});

describe('startScriptNodeFlags', () => {
  it('gives the bots the runtime flags of npm start, heap cap included', () => {
    expect(startScriptNodeFlags(projectRoot())).toContain('--max-old-space-size=512');
  });
});

describe('buildReport', () => {
  const figures = (bot: 'assistant' | 'echo', turnsPerSecond: number, p99: number, rss: [number, number]): BotFigures => ({
    bot,
    startupMs: 1500,
    measured: { concurrency: 16, seconds: 60, turns: turnsPerSecond * 60, conversations: 100, turnsPerSecond, latencyMs: { p50: 10, p95: 50, p99, max: 200 }, failures: 0, failureExamples: [] },
    cpuMsPerTurn: { bot: 1, redisServer: 0.1, loadGenerator: 0.5 },
    redis: { commandsPerTurn: 4, commandsPerTurnByName: {}, sentPerTurn: { total: 4, state: 2 }, roundTripsPerTurn: { total: 3, state: 2 }, insideScriptsPerTurn: 1, watchedTurns: 100 },
    rssMb: { atStart: 200, checkpoints: [{ conversations: 1000, mb: rss[0] }, { conversations: 10_000, mb: rss[1] }] },
    memoryPhase: { conversations: 10_000, turns: 15_000, failures: 0, turnsPerSecond: 400 },
  });
  const settings = loadBenchSettings({});

  it('checks each target against the figures of the run', () => {
    const report = buildReport(settings, { assistant: figures('assistant', 500, 120, [280, 290]), echo: figures('echo', 1000, 30, [140, 145]) }, { redisVersion: '7', loadAverageAtStart: 1, mix: 'a drawn mix' });
    expect(report.throughputRatio).toBe(0.5);
    expect(Object.fromEntries(report.targets.map((check) => [check.target.split(' ')[0] + ' ' + check.target.split(' ')[1], check.met]))).toEqual({
      'assistant throughput': true,
      'p99 turn': false,
      '≤ 2': true,
      'RSS flat': true,
      'start-up to': true,
    });
  });

  it('calls RSS growing past 10 % a miss', () => {
    const report = buildReport(settings, { assistant: figures('assistant', 400, 80, [280, 320]) }, { redisVersion: '7', loadAverageAtStart: 1, mix: 'a drawn mix' });
    expect(report.targets.find((check) => check.target.startsWith('RSS flat'))).toMatchObject({ met: false, value: expect.stringContaining('+14 %') });
  });
});

describe('scrapeEventLoopDelay', () => {
  it('reads the maximum and p99 of the event-loop delay from Prometheus text, in milliseconds', async () => {
    const server = createServer((request, response) => {
      if (request.url !== '/metrics') {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.end('# HELP nodejs_eventloop_lag_max_seconds The maximum recorded event loop delay.\nnodejs_eventloop_lag_max_seconds 0.123\nnodejs_eventloop_lag_p99_seconds 0.045\n');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await scrapeEventLoopDelay(url)).toEqual({ maxMs: 123, p99Ms: 45 });
      expect(await scrapeEventLoopDelay(`${url}/no-metrics-here`)).toBeUndefined();
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it("finds the figures in the assistant's own /metrics", async () => {
    const bot = await BotHarness.start();
    try {
      const delay = await scrapeEventLoopDelay(bot.botUrl);
      expect(delay?.maxMs).toEqual(expect.any(Number));
      expect(delay?.p99Ms).toEqual(expect.any(Number));
    } finally {
      await bot.stop();
    }
  });
});
