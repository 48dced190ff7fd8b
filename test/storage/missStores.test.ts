import { MemoryMissStore, RedisMissStore, type MissStore } from '../../bot/storage/missStores';
import type { Miss } from '../../dialogs/ports';
import { testRedis } from '../support/testRedis';

const redisConnection = testRedis('misses');
afterAll(() => redisConnection.cleanup());

const miss = (text: string, extra: Partial<Miss> = {}): Miss => ({ text, intent: 'none', score: 0.2, reason: 'notUnderstood', language: 'fr', channel: 'webchat', ...extra });
const DAY_MS = 24 * 3600 * 1000;

const stores: [string, (now: () => Date) => MissStore][] = [
  ['memory', (now) => new MemoryMissStore(now)],
  ['Redis', (now) => new RedisMissStore(redisConnection.redis, `${redisConnection.prefix}${Math.random().toString(36).slice(2)}:`, now)],
];

describe.each(stores)('misses kept for review in %s', (_name, create) => {
  it('keeps each miss with its reason and when, oldest first, and nothing about who wrote it', async () => {
    let clock = new Date('2026-11-01T10:00:00Z');
    const store = create(() => clock);
    await store.keep(miss('c koi le truc machin'));
    clock = new Date('2026-11-02T10:00:00Z');
    await store.keep(miss('c koi le truc machin'));
    clock = new Date('2026-11-02T10:00:01Z');
    await store.keep(miss('je veux un apart', { intent: 'searchOffers', score: 0.55, reason: 'lowConfidence', channel: 'forged-channel' }));
    const kept = await store.list();
    expect(kept.map((entry) => [entry.text, entry.reason, entry.at.slice(0, 10)])).toEqual([
      ['c koi le truc machin', 'notUnderstood', '2026-11-01'],
      ['c koi le truc machin', 'notUnderstood', '2026-11-02'],
      ['je veux un apart', 'lowConfidence', '2026-11-02'],
    ]);
    // A channel id anyone can forge is bucketed; the fields are these and no others.
    expect(kept[2]!.channel).toBe('other');
    expect(Object.keys(kept[0]!).sort()).toEqual(['at', 'channel', 'id', 'intent', 'language', 'reason', 'score', 'text']);
  });

  it('forgets the misses kept before the retention date, and only those', async () => {
    let clock = new Date('2026-10-01T10:00:00Z');
    const store = create(() => clock);
    await store.keep(miss('ancien'));
    clock = new Date(clock.getTime() + 20 * DAY_MS);
    await store.keep(miss('recent'));
    clock = new Date(clock.getTime() + 15 * DAY_MS);
    expect(await store.purgeOlderThan(new Date(clock.getTime() - 30 * DAY_MS))).toBe(1);
    expect((await store.list()).map((entry) => entry.text)).toEqual(['recent']);
  });
});
