/**
 * What several replicas must agree on: that an activity is processed once, and that turns of one
 * conversation run one at a time. In memory for a single process; on Redis across replicas.
 */
export interface Coordinator {
  /** True when this caller is the first to claim `key` within `ttlMs`. */
  claimOnce(key: string, ttlMs: number): Promise<boolean>;
  /** Gives a claim back (the work failed, so a redelivery may try again). */
  releaseClaim(key: string): Promise<void>;
  /**
   * Waits up to `waitMs` for the lock on `key` (held at most `ttlMs`). Returns a release function,
   * or undefined when the wait ran out.
   */
  acquireLock(key: string, ttlMs: number, waitMs: number): Promise<(() => Promise<void>) | undefined>;
  /**
   * `acquireLock`, and `read` started at once behind it: when the lock was free, what `read` gives is
   * what was stored when the lock was taken (on Redis the read goes out right behind the lock command,
   * on the same connection: one round trip for both). `readAtLock` is undefined when the lock had to be
   * waited for or the read failed: the caller reads again.
   */
  lockThenRead<T>(key: string, ttlMs: number, waitMs: number, read: () => Promise<T>): Promise<LockedRead<T>>;
  /** Reachability check for /readyz. */
  ping(): Promise<void>;
}

export interface LockedRead<T> {
  /** Releases the lock; undefined when the wait ran out. */
  release: (() => Promise<void>) | undefined;
  readAtLock: T | undefined;
}

/** What `read` gives, or undefined when it failed (the caller will read again and meet the error then). */
export async function settledRead<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch {
    return undefined;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
