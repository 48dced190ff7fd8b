import { sleep, type Coordinator } from '../../bot/coordination/coordinator';
import { MemoryCoordinator } from '../../bot/coordination/memoryCoordinator';
import { RedisCoordinator } from '../../bot/coordination/redisCoordinator';
import { testRedis } from '../support/testRedis';

/** Dedupe of redelivered activities and one-turn-at-a-time per conversation, in one process and across replicas. */

const redisConnection = testRedis('coordinator');
let coordinatorCount = 0;

const coordinators: { name: string; create: () => Coordinator }[] = [
  { name: 'MemoryCoordinator', create: () => new MemoryCoordinator() },
  { name: 'RedisCoordinator', create: () => new RedisCoordinator(redisConnection.redis, `${redisConnection.prefix}${++coordinatorCount}:`) },
];

afterAll(async () => {
  await redisConnection.cleanup();
});

type Release = () => Promise<void>;

async function mustAcquire(coordinator: Coordinator, key: string, ttlMs = 5000, waitMs = 2000): Promise<Release> {
  const release = await coordinator.acquireLock(key, ttlMs, waitMs);
  if (!release) throw new Error(`lock "${key}" was not acquired`);
  return release;
}

describe.each(coordinators)('$name', ({ create }) => {
  let coordinator: Coordinator;
  beforeEach(() => {
    coordinator = create();
  });

  describe('claimOnce (an activity delivered twice is processed once)', () => {
    it('grants the first claim and refuses the next ones', async () => {
      expect(await coordinator.claimOnce('activity:c1:a1', 10_000)).toBe(true);
      expect(await coordinator.claimOnce('activity:c1:a1', 10_000)).toBe(false);
      expect(await coordinator.claimOnce('activity:c1:a1', 10_000)).toBe(false);
    });

    it('grants only one of many simultaneous claims', async () => {
      const results = await Promise.all(Array.from({ length: 10 }, () => coordinator.claimOnce('activity:c1:race', 10_000)));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('keeps claims of different keys apart', async () => {
      expect(await coordinator.claimOnce('activity:c1:a1', 10_000)).toBe(true);
      expect(await coordinator.claimOnce('activity:c1:a2', 10_000)).toBe(true);
    });

    it('grants the claim again after it was released', async () => {
      expect(await coordinator.claimOnce('activity:c1:a1', 10_000)).toBe(true);
      await coordinator.releaseClaim('activity:c1:a1');
      expect(await coordinator.claimOnce('activity:c1:a1', 10_000)).toBe(true);
      expect(await coordinator.claimOnce('activity:c1:a1', 10_000)).toBe(false);
    });

    it('grants the claim again once its TTL has passed', async () => {
      expect(await coordinator.claimOnce('activity:c1:a1', 80)).toBe(true);
      expect(await coordinator.claimOnce('activity:c1:a1', 80)).toBe(false);
      await sleep(130);
      expect(await coordinator.claimOnce('activity:c1:a1', 80)).toBe(true);
    });
  });

  describe('acquireLock (turns of one conversation run one at a time)', () => {
    it('makes a second caller wait until the first releases', async () => {
      const events: string[] = [];
      const releaseFirst = await mustAcquire(coordinator, 'conversation:c1');
      events.push('first acquired');

      const second = coordinator.acquireLock('conversation:c1', 5000, 2000).then((release) => {
        events.push(release ? 'second acquired' : 'second gave up');
        return release;
      });
      await sleep(150);
      expect(events).toEqual(['first acquired']);

      events.push('first released');
      await releaseFirst();
      const releaseSecond = await second;
      expect(events).toEqual(['first acquired', 'first released', 'second acquired']);
      await releaseSecond?.();
    });

    it('never lets two of many simultaneous callers hold the lock together', async () => {
      let inside = 0;
      let mostInside = 0;
      let completed = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          const release = await mustAcquire(coordinator, 'conversation:busy', 5000, 5000);
          inside++;
          mostInside = Math.max(mostInside, inside);
          await sleep(10);
          inside--;
          completed++;
          await release();
        }),
      );
      expect(completed).toBe(8);
      expect(mostInside).toBe(1);
    });

    it('does not make locks on different conversations wait for each other', async () => {
      const releaseFirst = await mustAcquire(coordinator, 'conversation:c1');
      const started = Date.now();
      const releaseOther = await mustAcquire(coordinator, 'conversation:c2', 5000, 1000);
      expect(Date.now() - started).toBeLessThan(500);
      await releaseOther();
      await releaseFirst();
    });

    it('gives up with undefined after waitMs while the lock is held', async () => {
      const releaseFirst = await mustAcquire(coordinator, 'conversation:c1');
      const started = Date.now();
      await expect(coordinator.acquireLock('conversation:c1', 5000, 200)).resolves.toBeUndefined();
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(190);
      expect(waited).toBeLessThan(1000);
      await releaseFirst();
    });

    it('still holds the lock for its owner after a waiter gave up', async () => {
      const releaseFirst = await mustAcquire(coordinator, 'conversation:c1');
      await expect(coordinator.acquireLock('conversation:c1', 5000, 50)).resolves.toBeUndefined();

      await expect(coordinator.acquireLock('conversation:c1', 5000, 150)).resolves.toBeUndefined();

      await releaseFirst();
      const releaseLater = await mustAcquire(coordinator, 'conversation:c1', 5000, 500);
      await releaseLater();
    });

    it('can be taken again right after it was released', async () => {
      const releaseFirst = await mustAcquire(coordinator, 'conversation:c1');
      await releaseFirst();
      const started = Date.now();
      const releaseAgain = await mustAcquire(coordinator, 'conversation:c1', 5000, 1000);
      expect(Date.now() - started).toBeLessThan(500);
      await releaseAgain();
    });

    it('hands a lock whose holder never releases to the next caller once ttlMs has passed', async () => {
      await mustAcquire(coordinator, 'conversation:stuck', 200, 3000);
      const started = Date.now();
      const releaseNext = await mustAcquire(coordinator, 'conversation:stuck', 5000, 3000);
      const waited = Date.now() - started;
      expect(waited).toBeGreaterThanOrEqual(150);
      expect(waited).toBeLessThan(800);
      await releaseNext();
    });

    it('does not let a holder whose lock expired release the lock its successor took', async () => {
      const releaseExpired = await mustAcquire(coordinator, 'conversation:c1', 100, 1000);
      await sleep(150);
      const releaseSuccessor = await mustAcquire(coordinator, 'conversation:c1', 5000, 1000);

      await releaseExpired();
      await expect(coordinator.acquireLock('conversation:c1', 5000, 150)).resolves.toBeUndefined();

      await releaseSuccessor();
      const releaseThird = await mustAcquire(coordinator, 'conversation:c1', 5000, 500);
      await releaseThird();
    });
  });

  describe('lockThenRead (the state is read behind the lock request)', () => {
    it('hands over the read when the conversation was free', async () => {
      const { release, readAtLock } = await coordinator.lockThenRead('conversation:c1', 5000, 2000, async () => 'state as stored');
      expect(readAtLock).toBe('state as stored');
      expect(release).toBeDefined();
      await expect(coordinator.acquireLock('conversation:c1', 5000, 100)).resolves.toBeUndefined();
      await release!();
      const next = await mustAcquire(coordinator, 'conversation:c1', 5000, 500);
      await next();
    });

    it('hands over no read made while another turn held the conversation: the caller reads again', async () => {
      let stored = 'before the other turn';
      const releaseOther = await mustAcquire(coordinator, 'conversation:c1');
      const waiting = coordinator.lockThenRead('conversation:c1', 5000, 2000, async () => stored);
      await sleep(100);
      stored = 'saved by the other turn';
      await releaseOther();
      const { release, readAtLock } = await waiting;
      expect(release).toBeDefined();
      expect(readAtLock).toBeUndefined();
      await release!();
    });

    it('takes the lock even when the read fails, and hands over no read', async () => {
      const { release, readAtLock } = await coordinator.lockThenRead('conversation:c1', 5000, 2000, async () => {
        throw new Error('storage unavailable');
      });
      expect(readAtLock).toBeUndefined();
      expect(release).toBeDefined();
      await release!();
    });

    it('gives up like acquireLock when the wait runs out', async () => {
      const releaseOther = await mustAcquire(coordinator, 'conversation:c1');
      await expect(coordinator.lockThenRead('conversation:c1', 5000, 100, async () => 'stale')).resolves.toEqual({ release: undefined, readAtLock: undefined });
      await releaseOther();
    });
  });

  it('answers a ping when its backend is reachable', async () => {
    await expect(coordinator.ping()).resolves.toBeUndefined();
  });
});

describe('RedisCoordinator across replicas', () => {
  it('shares claims and locks between two coordinators on two connections', async () => {
    const second = testRedis('coordinator-replica');
    try {
      const replicaA = new RedisCoordinator(redisConnection.redis, second.prefix);
      const replicaB = new RedisCoordinator(second.redis, second.prefix);

      expect(await replicaA.claimOnce('activity:c1:a1', 10_000)).toBe(true);
      expect(await replicaB.claimOnce('activity:c1:a1', 10_000)).toBe(false);

      const releaseA = await mustAcquire(replicaA, 'conversation:c1');
      await expect(replicaB.acquireLock('conversation:c1', 5000, 100)).resolves.toBeUndefined();
      await releaseA();
      const releaseB = await mustAcquire(replicaB, 'conversation:c1', 5000, 500);
      await releaseB();
    } finally {
      await second.cleanup();
    }
  });
});
