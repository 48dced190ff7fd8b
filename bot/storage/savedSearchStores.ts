import { SavedSearchSchema, type SavedSearch, type SavedSearchStore } from '../../services/offers/savedSearches';
import type { RedisConnection } from './redisConnection';

/** One process: maps in memory. */
export class MemorySavedSearchStore implements SavedSearchStore {
  private readonly searches = new Map<string, SavedSearch>();
  private readonly notified = new Map<string, Set<string>>();

  async save(search: SavedSearch): Promise<void> {
    this.searches.set(search.id, SavedSearchSchema.parse(search));
  }
  async listForUser(userKey: string): Promise<SavedSearch[]> {
    return [...this.searches.values()].filter((search) => search.userKey === userKey);
  }
  async all(): Promise<SavedSearch[]> {
    return [...this.searches.values()];
  }
  async delete(userKey: string, id: string): Promise<boolean> {
    if (this.searches.get(id)?.userKey !== userKey) return false;
    this.searches.delete(id);
    this.notified.delete(id);
    return true;
  }
  async deleteAllForUser(userKey: string): Promise<void> {
    for (const search of await this.listForUser(userKey)) await this.delete(userKey, search.id);
  }
  async claimNewOffers(searchId: string, offerIds: string[]): Promise<string[]> {
    const seen = this.notified.get(searchId) ?? new Set<string>();
    this.notified.set(searchId, seen);
    return offerIds.filter((offerId) => !seen.has(offerId) && Boolean(seen.add(offerId)));
  }
  async updateCheckedSince(searchId: string, checkedSince: string): Promise<void> {
    const search = this.searches.get(searchId);
    if (search) this.searches.set(searchId, { ...search, checkedSince });
  }
}

/**
 * Redis: one JSON value per search, a set of ids per user and one of all ids, and per search the set
 * of offers already notified — SADD answers 1 to one caller only, so two replicas never both notify.
 */
export class RedisSavedSearchStore implements SavedSearchStore {
  constructor(
    private readonly redis: RedisConnection,
    private readonly prefix: string,
  ) {}

  async save(search: SavedSearch): Promise<void> {
    const valid = SavedSearchSchema.parse(search);
    await this.redis
      .multi()
      .set(this.key(valid.id), JSON.stringify(valid))
      .sadd(this.userKey(valid.userKey), valid.id)
      .sadd(this.allKey(), valid.id)
      .exec();
  }

  async listForUser(userKey: string): Promise<SavedSearch[]> {
    return this.read(await this.redis.smembers(this.userKey(userKey)));
  }

  async all(): Promise<SavedSearch[]> {
    return this.read(await this.redis.smembers(this.allKey()));
  }

  async delete(userKey: string, id: string): Promise<boolean> {
    if (!(await this.redis.sismember(this.userKey(userKey), id))) return false;
    await this.redis.multi().del(this.key(id), this.notifiedKey(id)).srem(this.userKey(userKey), id).srem(this.allKey(), id).exec();
    return true;
  }

  async deleteAllForUser(userKey: string): Promise<void> {
    for (const id of await this.redis.smembers(this.userKey(userKey))) await this.delete(userKey, id);
    await this.redis.del(this.userKey(userKey));
  }

  async claimNewOffers(searchId: string, offerIds: string[]): Promise<string[]> {
    if (offerIds.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const offerId of offerIds) pipeline.sadd(this.notifiedKey(searchId), offerId);
    const results = (await pipeline.exec()) ?? [];
    return offerIds.filter((_, index) => results[index]?.[1] === 1);
  }

  async updateCheckedSince(searchId: string, checkedSince: string): Promise<void> {
    const [search] = await this.read([searchId]);
    if (search) await this.redis.set(this.key(searchId), JSON.stringify({ ...search, checkedSince }), 'XX');
  }

  private async read(ids: string[]): Promise<SavedSearch[]> {
    if (ids.length === 0) return [];
    const values = await Promise.all(ids.map((id) => this.redis.get(this.key(id))));
    return values.flatMap((value) => {
      const parsed = value ? SavedSearchSchema.safeParse(JSON.parse(value)) : undefined;
      return parsed?.success ? [parsed.data] : [];
    });
  }

  private key(id: string) {
    return `${this.prefix}savedsearch:${id}`;
  }
  private notifiedKey(id: string) {
    return `${this.prefix}savedsearch:${id}:notified`;
  }
  private userKey(userKey: string) {
    return `${this.prefix}savedsearches:${userKey}`;
  }
  private allKey() {
    return `${this.prefix}savedsearches:all`;
  }
}
