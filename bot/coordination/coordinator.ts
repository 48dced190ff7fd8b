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
  /** Reachability check for /readyz. */
  ping(): Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
