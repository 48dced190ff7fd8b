import type { Queue, Worker } from 'bullmq';
import type { RedisSettings } from '../config';
import { createRedisConnection, type RedisConnection } from '../storage/redisConnection';

/**
 * BullMQ's connections, in the same deployment shape as the state store (standalone, Sentinel or
 * Cluster), with no per-command retry limit (a blocking worker connection waits for jobs). On a
 * Cluster every key of a queue must hash to one slot, so the prefix is a hash tag.
 */
export interface BullConnections {
  queue: RedisConnection;
  worker: RedisConnection;
  prefix: string;
  /** Closes a worker and its queue, then the connections; see closeWorker. */
  close(worker: Worker, queue: Queue): Promise<void>;
}

export function bullConnections(redis: RedisSettings): BullConnections {
  // BullMQ batches its own commands in scripts; its worker connection blocks waiting for jobs (no command deadline).
  const connect = () => createRedisConnection(redis, { maxRetriesPerRequest: null, enableAutoPipelining: false, commandTimeout: undefined });
  const queue = connect();
  const worker = connect();
  return {
    queue,
    worker,
    prefix: redis.mode === 'cluster' ? `{${redis.prefix}bull}` : `${redis.prefix}bull`,
    close: async (bullWorker, bullQueue) => {
      // A graceful close waits for the worker's connection to be ready, which never comes while
      // Redis is unreachable; a job cannot be running then, so nothing is lost by forcing it.
      await bullWorker.close(worker.status !== 'ready');
      await bullQueue.close();
      queue.disconnect();
      worker.disconnect();
    },
  };
}
