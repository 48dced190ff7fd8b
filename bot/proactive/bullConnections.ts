import Redis from 'ioredis';
import type { RedisSettings } from '../config';

/**
 * BullMQ needs its own connections, with no per-command retry limit (a blocking worker connection
 * waits for jobs), under the deployment's key prefix.
 */
export function bullConnections(redis: RedisSettings): { queue: Redis; worker: Redis; prefix: string; disconnect(): void } {
  const connect = () => new Redis(redis.url ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: null });
  const queue = connect();
  const worker = connect();
  return {
    queue,
    worker,
    prefix: `${redis.prefix}bull`,
    disconnect: () => {
      queue.disconnect();
      worker.disconnect();
    },
  };
}
