import { MemoryInsightsStore, RedisInsightsStore, type InsightsBatch, type InsightsStore } from '../../bot/insights/insightsStore';
import { testRedis } from '../support/testRedis';

const redisConnection = testRedis('insights');
afterAll(() => redisConnection.cleanup());

const batch = (increments: Record<string, number>, maxima: Record<string, number> = {}): InsightsBatch => ({
  increments: new Map(Object.entries(increments)),
  maxima: new Map(Object.entries(maxima)),
});

const stores: [string, () => InsightsStore][] = [
  ['memory', () => new MemoryInsightsStore()],
  ['Redis', () => new RedisInsightsStore(redisConnection.redis, `${redisConnection.prefix}${Math.random().toString(36).slice(2)}:`)],
];

describe.each(stores)('insights aggregates kept in %s', (_name, create) => {
  it('adds counters and keeps the largest maximum, per day', async () => {
    const store = create();
    await store.add('2026-12-07', batch({ 'turn|webchat|message': 1, 'intent|status': 1 }, { 'portal|alin|getDossier': 120 }));
    await store.add('2026-12-07', batch({ 'turn|webchat|message': 1, 'turn|msteams|cardSubmit': 1 }, { 'portal|alin|getDossier': 80 }));
    await store.add('2026-12-07', batch({}, { 'portal|alin|getDossier': 300, 'portal|sne|getRequest': 40 }));
    await store.add('2026-12-08', batch({ 'outcome|handoff': 2 }));

    expect(await store.read(['2026-12-06', '2026-12-07', '2026-12-08'])).toEqual([
      { day: '2026-12-06', counts: {}, maxima: {} },
      {
        day: '2026-12-07',
        counts: { 'turn|webchat|message': 2, 'turn|msteams|cardSubmit': 1, 'intent|status': 1 },
        maxima: { 'portal|alin|getDossier': 300, 'portal|sne|getRequest': 40 },
      },
      { day: '2026-12-08', counts: { 'outcome|handoff': 2 }, maxima: {} },
    ]);
  });

  it('takes an empty batch without writing anything', async () => {
    const store = create();
    await store.add('2026-12-07', batch({}));
    expect(await store.read(['2026-12-07'])).toEqual([{ day: '2026-12-07', counts: {}, maxima: {} }]);
  });
});

describe('on Redis', () => {
  it('keeps a day under two keys tagged with the day (one cluster slot), for about 400 days', async () => {
    const prefix = `${redisConnection.prefix}ttl:`;
    await new RedisInsightsStore(redisConnection.redis, prefix).add('2026-12-07', batch({ 'turn|webchat|message': 1 }, { 'portal|alin|searchOffers': 50 }));
    const keys = (await redisConnection.redis.keys(`${prefix}*`)).sort();
    expect(keys).toEqual([`${prefix}insights:{2026-12-07}:counts`, `${prefix}insights:{2026-12-07}:maxima`]);
    for (const key of keys) {
      const ttl = await redisConnection.redis.ttl(key);
      expect(ttl).toBeGreaterThan(399 * 24 * 3600);
      expect(ttl).toBeLessThanOrEqual(400 * 24 * 3600);
    }
  });

  it('writes a turn in one transaction (one round trip)', async () => {
    const store = new RedisInsightsStore(redisConnection.redis, `${redisConnection.prefix}multi:`);
    const multi = jest.spyOn(redisConnection.redis, 'multi');
    const hincrby = jest.spyOn(redisConnection.redis, 'hincrby');
    try {
      await store.add('2026-12-07', batch({ 'turn|webchat|message': 1, 'intent|faq': 1, 'outcome|answered': 1 }, { 'portal|alin|searchOffers': 50 }));
      expect(multi).toHaveBeenCalledTimes(1);
      // Commands queued on the transaction, none sent on its own.
      expect(hincrby).not.toHaveBeenCalled();
    } finally {
      multi.mockRestore();
      hincrby.mockRestore();
    }
  });
});
