import type { RedisSettings } from '../config';
import { createRedisConnection, type RedisConnection } from '../storage/redisConnection';

/**
 * BullMQ's connections, in the same deployment shape as the state store (standalone, Sentinel or
 * Cluster), with no per-command retry limit (a blocking worker connection waits for jobs). On a
 * Cluster every key of a queue must hash to one slot, so the prefix is a hash tag.
 */
export function bullConnections(redis: RedisSettings): { queue: RedisConnection; worker: RedisConnection; prefix: string; disconnect(): void } {
  // BullMQ batches its own commands in scripts; its worker connection blocks waiting for jobs.
  const connect = () => createRedisConnection(redis, { maxRetriesPerRequest: null, enableAutoPipelining: false });
  const queue = connect();
  const worker = connect();
  return {
    queue,
    worker,
    prefix: redis.mode === 'cluster' ? `{${redis.prefix}bull}` : `${redis.prefix}bull`,
    disconnect: () => {
      queue.disconnect();
      worker.disconnect();
    },
  };
}
