import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RedisConnection } from '../storage/redisConnection';

import type { AttemptLimiter } from '../../dialogs/ports';

export interface AttemptLimiterOptions {
  name: string;
  attempts: number;
  windowSeconds: number;
  prefix: string;
}

/** The dialogs' attempt limits, across replicas when Redis is configured (rate-limiter-flexible). */
export function createAttemptLimiter(redis: RedisConnection | undefined, options: AttemptLimiterOptions): AttemptLimiter {
  const settings = { keyPrefix: `${options.prefix}limit:${options.name}`, points: options.attempts, duration: options.windowSeconds };
  const limiter: RateLimiterAbstract = redis ? new RateLimiterRedis({ ...settings, storeClient: redis }) : new RateLimiterMemory(settings);
  return {
    async consume(key) {
      try {
        await limiter.consume(hashed(key));
        return { allowed: true };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterMinutes: Math.max(1, Math.ceil(rejection.msBeforeNext / 60_000)) };
        throw rejection;
      }
    },
  };
}

/** Keys may be a unique number: only a digest reaches Redis. */
function hashed(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}
