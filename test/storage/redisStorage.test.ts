import Redis from 'ioredis';
import type { StoreItem } from 'botbuilder';
import { ETagConflictError, isETagConflict } from '../../bot/storage/etagConflict';
import { RedisStorage } from '../../bot/storage/redisStorage';
import { sleep } from '../../bot/coordination/coordinator';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

/** What only the Redis store promises: prefixed keys, inactivity TTL, one round trip per read, no lost update. */

const { redis, prefix, cleanup } = testRedis('redis-storage');
const extraClients: Redis[] = [];
let storeCount = 0;

/** A store in its own namespace under the run's prefix; returns the namespace to inspect raw keys. */
function newStore(ttlSeconds = 300, connection: Redis = redis): { storage: RedisStorage; namespace: string } {
  const namespace = `${prefix}${++storeCount}:`;
  return { storage: new RedisStorage(connection, { prefix: namespace, ttlSeconds }), namespace };
}

function rawClient(): Redis {
  const client = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  extraClients.push(client);
  return client;
}

async function scanKeys(match: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', match, 'COUNT', 500);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found.sort();
}

afterAll(async () => {
  await Promise.all(extraClients.map((client) => client.quit()));
  await cleanup();
});

describe('RedisStorage keys', () => {
  it('stores every key under the configured prefix and nowhere else', async () => {
    const { storage, namespace } = newStore();
    const conversationKey = `emulator/conversations/${namespace}conv`;
    await storage.write({ [conversationKey]: { turn: 1 }, 'emulator/users/u-1': { locale: 'fr-FR' } });

    expect(await scanKeys(`${namespace}*`)).toEqual([`${namespace}${conversationKey}`, `${namespace}emulator/users/u-1`].sort());
    expect(await redis.exists(conversationKey)).toBe(0);
  });

  it('leaves no key behind once the items are deleted', async () => {
    const { storage, namespace } = newStore();
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    await storage.delete(['a', 'b']);
    expect(await scanKeys(`${namespace}*`)).toEqual([]);
  });

  it('shares items and eTags between two stores on two connections (two replicas)', async () => {
    const { storage: first, namespace } = newStore();
    const second = new RedisStorage(rawClient(), { prefix: namespace, ttlSeconds: 300 });
    await first.write({ shared: { step: 1 } });
    const seenBySecond = (await second.read(['shared'])).shared as StoreItem;
    const seenByFirst = (await first.read(['shared'])).shared as StoreItem;
    expect(seenBySecond).toEqual(seenByFirst);

    await second.write({ shared: { ...seenBySecond, step: 2 } });
    await expect(first.write({ shared: { ...seenByFirst, step: 3 } })).rejects.toBeInstanceOf(ETagConflictError);
  });
});

describe('RedisStorage expiry', () => {
  it('sets the inactivity TTL on every key it writes', async () => {
    const { storage, namespace } = newStore(120);
    await storage.write({ a: { n: 1 }, b: { n: 2 } });
    for (const key of ['a', 'b']) {
      const ttl = await redis.ttl(`${namespace}${key}`);
      expect(ttl).toBeGreaterThan(115);
      expect(ttl).toBeLessThanOrEqual(120);
    }
  });

  it('restarts the TTL on each write, conditional or not', async () => {
    const { storage, namespace } = newStore(120);
    const key = `${namespace}item`;
    await storage.write({ item: { n: 1 } });

    // Stand-in for time passing: bring the key close to expiry, then write again.
    await redis.pexpire(key, 3000);
    await storage.write({ item: { ...(await storage.read(['item'])).item, n: 2 } });
    expect(await redis.pttl(key)).toBeGreaterThan(115_000);

    await redis.pexpire(key, 3000);
    await storage.write({ item: { n: 3, eTag: '*' } });
    expect(await redis.pttl(key)).toBeGreaterThan(115_000);
  });

  it('lets a key expire after ttlSeconds without a write', async () => {
    const { storage, namespace } = newStore(1);
    await storage.write({ shortLived: { n: 1 } });
    const pttl = await redis.pttl(`${namespace}shortLived`);
    expect(pttl).toBeGreaterThan(0);
    expect(pttl).toBeLessThanOrEqual(1000);

    await sleep(1150);
    await expect(storage.read(['shortLived'])).resolves.toEqual({});
    expect(await redis.exists(`${namespace}shortLived`)).toBe(0);
  });

  it('keeps keys forever when ttlSeconds is 0, even a key that had a TTL before', async () => {
    const { storage, namespace } = newStore(0);
    await storage.write({ forever: { n: 1 } });
    expect(await redis.ttl(`${namespace}forever`)).toBe(-1);

    await redis.expire(`${namespace}forever`, 60);
    await storage.write({ forever: { n: 2 } });
    expect(await redis.ttl(`${namespace}forever`)).toBe(-1);
  });
});

describe('RedisStorage round trips', () => {
  it('reads several keys with a single MGET', async () => {
    const { storage, namespace } = newStore();
    const keys = ['k1', 'k2', 'k3', 'k4', 'missing'];
    await storage.write({ k1: { n: 1 }, k2: { n: 2 }, k3: { n: 3 }, k4: { n: 4 } });

    const monitor = await rawClient().monitor();
    const seen: string[][] = [];
    let markerSeen: () => void = () => undefined;
    const marker = `${namespace}__marker__`;
    const markerArrived = new Promise<void>((resolve) => (markerSeen = resolve));
    monitor.on('monitor', (_time: string, args: string[]) => {
      if (args.includes(marker)) markerSeen();
      else if (args.some((arg) => arg.startsWith(namespace))) seen.push(args);
    });
    try {
      const items = await storage.read(keys);
      // MONITOR is asynchronous: a command sent after the read proves every earlier command was seen.
      await redis.exists(marker);
      await markerArrived;

      expect(Object.keys(items).sort()).toEqual(['k1', 'k2', 'k3', 'k4']);
      expect(seen).toEqual([['mget', ...keys.map((key) => `${namespace}${key}`)]]);
    } finally {
      monitor.disconnect();
    }
  });
});

describe('RedisStorage concurrency', () => {
  it('loses no update when 20 writers increment one counter with eTags and retry on conflict', async () => {
    const { namespace } = newStore();
    const connections = [redis, rawClient(), rawClient(), rawClient()];
    const stores = connections.map((connection) => new RedisStorage(connection, { prefix: namespace, ttlSeconds: 300 }));
    await stores[0]!.write({ counter: { value: 0 } });

    let conflicts = 0;
    const increment = async (storage: RedisStorage): Promise<void> => {
      for (;;) {
        const current = (await storage.read(['counter'])).counter as StoreItem;
        try {
          await storage.write({ counter: { ...current, value: (current.value as number) + 1 } });
          return;
        } catch (error) {
          if (!isETagConflict(error)) throw error;
          conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, index) => increment(stores[index % stores.length]!)));

    expect(((await stores[0]!.read(['counter'])).counter as StoreItem).value).toBe(20);
    // The writers really raced: without contention this test would prove nothing.
    expect(conflicts).toBeGreaterThan(0);
  });

  it('rejects a write whose eTag was overtaken by another write with an ETagConflictError naming the key', async () => {
    const { storage } = newStore();
    await storage.write({ conversation: { step: 'ask-city' } });
    const readByTurnA = (await storage.read(['conversation'])).conversation as StoreItem;
    const readByTurnB = (await storage.read(['conversation'])).conversation as StoreItem;
    await storage.write({ conversation: { ...readByTurnB, step: 'ask-income' } });

    const failure: unknown = await storage.write({ conversation: { ...readByTurnA, step: 'ask-household' } }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ETagConflictError);
    expect((failure as ETagConflictError).key).toBe('conversation');
    expect((failure as ETagConflictError).message).toContain('eTag conflict');
    expect(((await storage.read(['conversation'])).conversation as StoreItem).step).toBe('ask-income');
  });
});
