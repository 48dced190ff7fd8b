import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * A connection to the real Redis with a prefix unique to this test run; `cleanup()` deletes every key
 * under the prefix and closes the connection.
 */
export function testRedis(label: string): { redis: Redis; prefix: string; cleanup: () => Promise<void> } {
  const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  const prefix = `alin-test:${label}:${randomUUID().slice(0, 8)}:`;
  return {
    redis,
    prefix,
    cleanup: async () => {
      await deleteByPrefix(redis, prefix);
      await redis.quit();
    },
  };
}

export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    if (keys.length > 0) await redis.del(...keys);
    cursor = next;
  } while (cursor !== '0');
}

/** A state document as the bot stored it (`<eTag>\n<json>`), or undefined when absent. */
export async function storedDocument<T = Record<string, unknown>>(redis: Redis, key: string): Promise<T | undefined> {
  const stored = await redis.get(key);
  return stored === null ? undefined : (JSON.parse(stored.slice(stored.indexOf('\n') + 1)) as T);
}
