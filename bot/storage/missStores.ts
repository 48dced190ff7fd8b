import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { MISS_REASONS, type Miss, type MissLog } from '../../dialogs/ports';
import { channelLabel } from '../metrics/botMetrics';
import type { RedisConnection } from './redisConnection';

/** However busy the assistant, what is kept for review stays bounded: the newest misses win. */
export const MOST_MISSES_KEPT = 20_000;

export const KeptMissSchema = z.object({
  id: z.string(),
  /** When it was kept (ISO), for the retention and the review's grouping by period. */
  at: z.string(),
  text: z.string().max(300),
  intent: z.string().max(40),
  score: z.number(),
  reason: z.enum(MISS_REASONS),
  language: z.string().max(5),
  channel: z.string().max(40),
});
export type KeptMiss = z.infer<typeof KeptMissSchema>;

/**
 * Messages the assistant missed, kept for a person to review (`npm run review`): redacted text, the
 * intent guessed, why it is a miss, language and channel — never the user, the conversation or the
 * time of day beyond what the retention needs. Purged after the retention by the daily job.
 */
export interface MissStore extends MissLog {
  /** Every miss kept, oldest first. */
  list(): Promise<KeptMiss[]>;
  /** Forgets misses kept before `before`; resolves with how many went. */
  purgeOlderThan(before: Date): Promise<number>;
}

function keptFrom(miss: Miss, at: Date): KeptMiss {
  return KeptMissSchema.parse({ ...miss, text: miss.text.slice(0, 300), channel: channelLabel(miss.channel), id: randomUUID(), at: at.toISOString() });
}

export class MemoryMissStore implements MissStore {
  private misses: KeptMiss[] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async keep(miss: Miss): Promise<void> {
    this.misses.push(keptFrom(miss, this.now()));
    if (this.misses.length > MOST_MISSES_KEPT) this.misses.splice(0, this.misses.length - MOST_MISSES_KEPT);
  }

  async list(): Promise<KeptMiss[]> {
    return [...this.misses];
  }

  async purgeOlderThan(before: Date): Promise<number> {
    const count = this.misses.length;
    this.misses = this.misses.filter((miss) => Date.parse(miss.at) >= before.getTime());
    return count - this.misses.length;
  }
}

/** On Redis: one sorted set scored by time, shared by every replica; members are the kept misses as JSON. */
export class RedisMissStore implements MissStore {
  private readonly key: string;

  constructor(
    private readonly redis: RedisConnection,
    prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.key = `${prefix}misses`;
  }

  async keep(miss: Miss): Promise<void> {
    const kept = keptFrom(miss, this.now());
    await this.redis
      .multi()
      .zadd(this.key, Date.parse(kept.at), JSON.stringify(kept))
      .zremrangebyrank(this.key, 0, -(MOST_MISSES_KEPT + 1))
      .exec();
  }

  async list(): Promise<KeptMiss[]> {
    const members = await this.redis.zrange(this.key, 0, -1);
    // A member another version wrote in another shape is skipped, not fatal to the review.
    return members.flatMap((member) => {
      try {
        const parsed = KeptMissSchema.safeParse(JSON.parse(member));
        return parsed.success ? [parsed.data] : [];
      } catch {
        return [];
      }
    });
  }

  async purgeOlderThan(before: Date): Promise<number> {
    return this.redis.zremrangebyscore(this.key, '-inf', `(${before.getTime()}`);
  }
}
