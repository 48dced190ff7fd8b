import type { AnswerFeedback, FeedbackPress } from '../../dialogs/ports';
import { channelLabel } from '../metrics/botMetrics';
import type { RedisConnection } from '../storage/redisConnection';

/** How long the per-day counts are kept. */
const KEPT_DAYS = 400;

export type FeedbackCounts = Record<string, number>;

/**
 * "Utile ? 👍 👎" kept as counts per day: one field per answer, language, channel and verdict
 * (`number-where|fr|webchat|useful`, `…|notUseful`), or reason chosen after 👎 (`…|reason:unclear`).
 * Nothing about the user or what they typed.
 */
export interface AnswerFeedbackStore extends AnswerFeedback {
  countsOf(day: string): Promise<FeedbackCounts>;
}

function fieldOf(feedback: FeedbackPress): string {
  const verdict = 'reason' in feedback ? `reason:${feedback.reason}` : feedback.useful ? 'useful' : 'notUseful';
  // Anyone may post any channel id: the others count as `other`, so fields stay a bounded set.
  return [feedback.answer, feedback.language, channelLabel(feedback.channel), verdict].join('|');
}

const dayOf = (now: Date) => now.toISOString().slice(0, 10);

export class MemoryAnswerFeedbackStore implements AnswerFeedbackStore {
  private readonly days = new Map<string, FeedbackCounts>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async record(feedback: FeedbackPress): Promise<void> {
    const day = dayOf(this.now());
    const counts = this.days.get(day) ?? {};
    const field = fieldOf(feedback);
    counts[field] = (counts[field] ?? 0) + 1;
    this.days.set(day, counts);
  }

  async countsOf(day: string): Promise<FeedbackCounts> {
    return { ...(this.days.get(day) ?? {}) };
  }
}

/** On Redis: one hash per day, shared by every replica, expiring after KEPT_DAYS. */
export class RedisAnswerFeedbackStore implements AnswerFeedbackStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private keyOf(day: string): string {
    return `${this.prefix}feedback:${day}`;
  }

  async record(feedback: FeedbackPress): Promise<void> {
    const key = this.keyOf(dayOf(this.now()));
    await this.redis.multi().hincrby(key, fieldOf(feedback), 1).expire(key, KEPT_DAYS * 24 * 3600).exec();
  }

  async countsOf(day: string): Promise<FeedbackCounts> {
    const raw = await this.redis.hgetall(this.keyOf(day));
    return Object.fromEntries(Object.entries(raw).map(([field, count]) => [field, Number(count)]));
  }
}
