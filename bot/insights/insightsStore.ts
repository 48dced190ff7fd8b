import type { RedisConnection } from '../storage/redisConnection';

/** How long a day's aggregates are kept (as the "Utile ?" counts). */
export const KEPT_DAYS = 400;

/**
 * What a turn (and the portal calls since the last write) adds to a day: counters to add to, and
 * maxima to raise. Field names are built from bounded vocabularies only (channel buckets, intents,
 * outcomes, the portal clients' own api and operation names): never a word the user wrote, never an id.
 */
export interface InsightsBatch {
  increments: Map<string, number>;
  maxima: Map<string, number>;
}

/** One day as stored: its counters and its maxima. */
export interface DayAggregates {
  day: string;
  counts: Record<string, number>;
  maxima: Record<string, number>;
}

export interface InsightsStore {
  /** Adds the batch to the day's aggregates, in one round trip. */
  add(day: string, batch: InsightsBatch): Promise<void>;
  /** The aggregates of each day asked (empty ones for days with nothing). */
  read(days: string[]): Promise<DayAggregates[]>;
}

export const emptyBatch = (): InsightsBatch => ({ increments: new Map(), maxima: new Map() });

export const isEmptyBatch = (batch: InsightsBatch): boolean => batch.increments.size === 0 && batch.maxima.size === 0;

/** Adds `other` into `into` (counters summed, maxima kept). */
export function mergeBatch(into: InsightsBatch, other: InsightsBatch): InsightsBatch {
  for (const [field, count] of other.increments) into.increments.set(field, (into.increments.get(field) ?? 0) + count);
  for (const [field, value] of other.maxima) into.maxima.set(field, Math.max(into.maxima.get(field) ?? 0, value));
  return into;
}

/** The UTC day, as the feedback counts use it. */
export const dayOf = (now: Date): string => now.toISOString().slice(0, 10);

/** For one process (development, tests); keeps KEPT_DAYS days like Redis's expiry does. */
export class MemoryInsightsStore implements InsightsStore {
  private readonly days = new Map<string, { counts: Map<string, number>; maxima: Map<string, number> }>();

  async add(day: string, batch: InsightsBatch): Promise<void> {
    const stored = this.days.get(day) ?? { counts: new Map<string, number>(), maxima: new Map<string, number>() };
    this.days.set(day, stored);
    mergeBatch({ increments: stored.counts, maxima: stored.maxima }, batch);
    const oldest = dayOf(new Date(Date.parse(`${day}T00:00:00Z`) - KEPT_DAYS * 86_400_000));
    for (const kept of this.days.keys()) if (kept < oldest) this.days.delete(kept);
  }

  async read(days: string[]): Promise<DayAggregates[]> {
    return days.map((day) => {
      const stored = this.days.get(day);
      return { day, counts: Object.fromEntries(stored?.counts ?? []), maxima: Object.fromEntries(stored?.maxima ?? []) };
    });
  }
}

/**
 * On Redis, two keys per day, shared by every replica and expiring after KEPT_DAYS: a hash of counters
 * (HINCRBY) and a sorted set of maxima (ZADD GT keeps the larger score). The day is a hash tag, so both
 * keys sit in one cluster slot and a turn's write is a single MULTI.
 */
export class RedisInsightsStore implements InsightsStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  private keysOf(day: string): { counts: string; maxima: string } {
    return { counts: `${this.prefix}insights:{${day}}:counts`, maxima: `${this.prefix}insights:{${day}}:maxima` };
  }

  async add(day: string, batch: InsightsBatch): Promise<void> {
    if (isEmptyBatch(batch)) return;
    const keys = this.keysOf(day);
    const ttlSeconds = KEPT_DAYS * 24 * 3600;
    const transaction = this.redis.multi();
    for (const [field, count] of batch.increments) transaction.hincrby(keys.counts, field, count);
    if (batch.increments.size > 0) transaction.expire(keys.counts, ttlSeconds);
    for (const [field, value] of batch.maxima) transaction.zadd(keys.maxima, 'GT', value, field);
    if (batch.maxima.size > 0) transaction.expire(keys.maxima, ttlSeconds);
    const results = await transaction.exec();
    const failed = results?.find(([error]) => error);
    if (failed?.[0]) throw failed[0];
  }

  async read(days: string[]): Promise<DayAggregates[]> {
    // A transaction per day: a cluster takes a pipeline only when its keys share a slot.
    return Promise.all(
      days.map(async (day) => {
        const keys = this.keysOf(day);
        const results = (await this.redis.multi().hgetall(keys.counts).zrange(keys.maxima, 0, -1, 'WITHSCORES').exec()) ?? [];
        const [[countsError, counts], [maximaError, maxima]] = results as [[Error | null, Record<string, string>], [Error | null, string[]]];
        if (countsError ?? maximaError) throw countsError ?? maximaError;
        const pairs: [string, number][] = [];
        for (let index = 0; index + 1 < maxima.length; index += 2) pairs.push([maxima[index]!, Number(maxima[index + 1])]);
        return {
          day,
          counts: Object.fromEntries(Object.entries(counts).map(([field, count]) => [field, Number(count)])),
          maxima: Object.fromEntries(pairs),
        };
      }),
    );
  }
}
