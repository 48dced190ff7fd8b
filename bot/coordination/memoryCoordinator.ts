import { settledRead, type Coordinator, type LockedRead } from './coordinator';

/** Single-process coordination: a claim table with expiry and a FIFO lock per key. */
export class MemoryCoordinator implements Coordinator {
  private readonly claims = new Map<string, number>();
  private readonly lockQueues = new Map<string, Promise<void>>();

  async claimOnce(key: string, ttlMs: number): Promise<boolean> {
    const now = Date.now();
    const expiresAt = this.claims.get(key);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.claims.set(key, now + ttlMs);
    if (this.claims.size > 10_000) this.dropExpiredClaims(now);
    return true;
  }

  async releaseClaim(key: string): Promise<void> {
    this.claims.delete(key);
  }

  async acquireLock(key: string, ttlMs: number, waitMs: number): Promise<(() => Promise<void>) | undefined> {
    const previous = this.lockQueues.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    this.lockQueues.set(key, tail);
    // Forget the queue once everyone in it is done, unless a later caller has queued behind us. Only
    // then: dropping it earlier (e.g. when a waiter gives up) would let the next caller in beside the holder.
    void tail.then(() => {
      if (this.lockQueues.get(key) === tail) this.lockQueues.delete(key);
    });

    let waitTimer: NodeJS.Timeout | undefined;
    const acquired = await Promise.race([
      previous.then(() => true),
      new Promise<boolean>((resolve) => (waitTimer = setTimeout(() => resolve(false), waitMs))),
    ]);
    clearTimeout(waitTimer);
    if (!acquired) {
      // Give our place up so callers queued behind us wait only for the holder ahead of us.
      release();
      return undefined;
    }
    // Held at most ttlMs from now, as a Redis lock with PX: a turn that never ends cannot block its conversation.
    const expiry = setTimeout(release, ttlMs);
    expiry.unref();
    return async () => {
      clearTimeout(expiry);
      release();
    };
  }

  async lockThenRead<T>(key: string, ttlMs: number, waitMs: number, read: () => Promise<T>): Promise<LockedRead<T>> {
    // Free now means no one can write before us: whoever comes next queues behind this call.
    const free = !this.lockQueues.has(key);
    const lock = this.acquireLock(key, ttlMs, waitMs);
    const readAtLock = free ? await settledRead(read()) : undefined;
    return { release: await lock, readAtLock };
  }

  async ping(): Promise<void> {}

  private dropExpiredClaims(now: number): void {
    for (const [key, expiresAt] of this.claims) if (expiresAt <= now) this.claims.delete(key);
  }
}
