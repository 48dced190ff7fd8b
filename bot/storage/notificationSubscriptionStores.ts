import type { NotificationSubscriptions } from '../../services/notifications/subscriptions';
import type { RedisConnection } from './redisConnection';

/** One process: sets in memory. */
export class MemoryNotificationSubscriptions implements NotificationSubscriptions {
  private readonly byApplicant = new Map<string, Set<string>>();

  async subscribe(applicantId: string, userKey: string): Promise<void> {
    const subscribers = this.byApplicant.get(applicantId) ?? new Set<string>();
    this.byApplicant.set(applicantId, subscribers.add(userKey));
  }
  async unsubscribe(applicantId: string, userKey: string): Promise<void> {
    const subscribers = this.byApplicant.get(applicantId);
    subscribers?.delete(userKey);
    if (subscribers?.size === 0) this.byApplicant.delete(applicantId);
  }
  async subscribersOf(applicantId: string): Promise<string[]> {
    return [...(this.byApplicant.get(applicantId) ?? [])];
  }
  async applicants(): Promise<string[]> {
    return [...this.byApplicant.keys()];
  }
}

/** Redis: a set of user keys per applicant, and the set of applicants that have any. */
export class RedisNotificationSubscriptions implements NotificationSubscriptions {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  async subscribe(applicantId: string, userKey: string): Promise<void> {
    await this.redis.multi().sadd(this.subscribersKey(applicantId), userKey).sadd(this.applicantsKey(), applicantId).exec();
  }

  async unsubscribe(applicantId: string, userKey: string): Promise<void> {
    await this.redis.srem(this.subscribersKey(applicantId), userKey);
    if ((await this.redis.scard(this.subscribersKey(applicantId))) === 0) await this.redis.srem(this.applicantsKey(), applicantId);
  }

  async subscribersOf(applicantId: string): Promise<string[]> {
    return this.redis.smembers(this.subscribersKey(applicantId));
  }

  async applicants(): Promise<string[]> {
    return this.redis.smembers(this.applicantsKey());
  }

  private subscribersKey(applicantId: string) {
    return `${this.prefix}notify:subscribers:${applicantId}`;
  }
  private applicantsKey() {
    return `${this.prefix}notify:applicants`;
  }
}
