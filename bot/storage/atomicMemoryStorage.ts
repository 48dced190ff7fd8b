import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError, isUnconditional } from './etagConflict';

/**
 * In-process storage with the same eTag rules as the Redis store. Unlike the SDK's MemoryStorage, a
 * write of several keys is all-or-nothing: when one key conflicts, none is written (no half-written
 * state). Values are kept serialised so callers never share references with the store.
 */
export class AtomicMemoryStorage implements Storage {
  private readonly items = new Map<string, { eTag: string; json: string }>();

  async read(keys: string[]): Promise<StoreItems> {
    const found: StoreItems = {};
    for (const key of keys) {
      const item = this.items.get(key);
      if (item) found[key] = { ...JSON.parse(item.json), eTag: item.eTag };
    }
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes ?? {});
    for (const [key, value] of entries) {
      const current = this.items.get(key);
      const eTag: unknown = value?.eTag;
      if (current && !isUnconditional(eTag) && eTag !== current.eTag) throw new ETagConflictError(key);
    }
    for (const [key, value] of entries) {
      const { eTag: _ignored, ...document } = value ?? {};
      this.items.set(key, { eTag: randomUUID(), json: JSON.stringify(document) });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) this.items.delete(key);
  }
}
