import { randomUUID } from 'node:crypto';
import type { RedisConnection } from '../storage/redisConnection';
import { registerScript } from '../storage/redisScripts';
import { settledRead, sleep, type Coordinator, type LockedRead } from './coordinator';

// Deletes the lock only when it still holds our token: a lock that expired and was taken by another
// replica must not be released by us.
const RELEASE_IF_OWNER = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/** Cross-replica coordination on Redis: SET NX with expiry for claims and locks. */
export class RedisCoordinator implements Coordinator {
  private readonly releaseIfOwner: (...args: (string | number)[]) => Promise<unknown>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {
    this.releaseIfOwner = registerScript(redis, 'alinReleaseIfOwner', RELEASE_IF_OWNER);
  }

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    return (await this.redis.set(this.prefix + 'claim:' + key, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }

  async releaseClaim(key: string): Promise<void> {
    await this.redis.del(this.prefix + 'claim:' + key);
  }

  async acquireLock(key: string, ttlMs: number, waitMs: number): Promise<(() => Promise<void>) | undefined> {
    return (await this.lockThenRead(key, ttlMs, waitMs, async () => undefined)).release;
  }

  async lockThenRead<T>(key: string, ttlMs: number, waitMs: number, read: () => Promise<T>): Promise<LockedRead<T>> {
    const lockKey = this.prefix + 'lock:' + key;
    const token = randomUUID();
    const release = async () => {
      await this.releaseIfOwner(1, lockKey, token);
    };
    // The read's commands are queued behind SET NX on the same connection, so Redis runs them after it.
    const firstTry = this.redis.set(lockKey, token, 'PX', ttlMs, 'NX');
    const readBehindLock = settledRead(read());
    if ((await firstTry) === 'OK') return { release, readAtLock: await readBehindLock };

    const deadline = Date.now() + waitMs;
    let pause = 5;
    for (;;) {
      if (Date.now() >= deadline) return { release: undefined, readAtLock: undefined };
      await sleep(Math.min(pause, Math.max(1, deadline - Date.now())));
      pause = Math.min(pause * 2, 100);
      if ((await this.redis.set(lockKey, token, 'PX', ttlMs, 'NX')) === 'OK') return { release, readAtLock: undefined };
    }
  }

  async ping(): Promise<void> {
    await this.redis.ping();
  }
}
