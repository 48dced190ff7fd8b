import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import { ETagConflictError, isUnconditional } from './etagConflict';
import { isCluster, type RedisConnection } from './redisConnection';
import { registerScript } from './redisScripts';

/**
 * Bot Framework storage on Redis.
 * - A value is stored as `<eTag>\n<json>` so the eTag check needs no JSON decoding in Lua.
 * - A write is one script call that checks every key first and writes them all or none; each write
 *   refreshes the key's TTL, so a conversation expires after the configured inactivity.
 * - A read of several keys is one MGET (one round trip). On Redis Cluster the keys may live in different
 *   slots, so reads and writes go key by key (auto-pipelined by the cluster client).
 */
const CONDITIONAL_WRITE = `
local ttl = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
  local expected = ARGV[2 + (i - 1) * 3]
  if expected ~= '' then
    local current = redis.call('GET', key)
    if current then
      local stored = string.sub(current, 1, string.find(current, '\\n', 1, true) - 1)
      if stored ~= expected then return i end
    end
  end
end
for i, key in ipairs(KEYS) do
  local value = ARGV[3 + (i - 1) * 3] .. '\\n' .. ARGV[4 + (i - 1) * 3]
  if ttl > 0 then redis.call('SET', key, value, 'EX', ttl) else redis.call('SET', key, value) end
end
return 0
`;

export interface RedisStorageOptions {
  prefix: string;
  /** Seconds of inactivity after which a key expires; 0 keeps keys forever. */
  ttlSeconds: number;
}

export class RedisStorage implements Storage {
  private readonly conditionalWrite: (...args: (string | number)[]) => Promise<unknown>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly options: RedisStorageOptions,
  ) {
    this.conditionalWrite = registerScript(redis, 'alinConditionalWrite', CONDITIONAL_WRITE);
  }

  async read(keys: string[]): Promise<StoreItems> {
    if (keys.length === 0) return {};
    const fullKeys = keys.map((key) => this.fullKey(key));
    const values = isCluster(this.redis)
      ? await Promise.all(fullKeys.map((key) => this.redis.get(key)))
      : await this.redis.mget(...fullKeys);
    const found: StoreItems = {};
    keys.forEach((key, index) => {
      const value = values[index];
      if (value) found[key] = decode(value);
    });
    return found;
  }

  async write(changes: StoreItems): Promise<void> {
    const entries = Object.entries(changes ?? {});
    if (entries.length === 0) return;
    if (isCluster(this.redis)) {
      for (const entry of entries) await this.writeAtomically([entry]);
    } else {
      await this.writeAtomically(entries);
    }
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const fullKeys = keys.map((key) => this.fullKey(key));
    if (isCluster(this.redis)) await Promise.all(fullKeys.map((key) => this.redis.del(key)));
    else await this.redis.del(...fullKeys);
  }

  private async writeAtomically(entries: [string, StoreItems[string]][]): Promise<void> {
    const args: (string | number)[] = [this.options.ttlSeconds];
    for (const [, value] of entries) {
      const { eTag, ...document } = (value ?? {}) as Record<string, unknown>;
      args.push(isUnconditional(eTag) ? '' : String(eTag), randomUUID(), JSON.stringify(document));
    }
    const keys = entries.map(([key]) => this.fullKey(key));
    const conflictIndex = Number(await this.conditionalWrite(keys.length, ...keys, ...args));
    if (conflictIndex > 0) throw new ETagConflictError(entries[conflictIndex - 1]![0]);
  }

  private fullKey(key: string): string {
    return this.options.prefix + key;
  }
}

function decode(value: string): Record<string, unknown> {
  const newline = value.indexOf('\n');
  return { ...JSON.parse(value.slice(newline + 1)), eTag: value.slice(0, newline) };
}
