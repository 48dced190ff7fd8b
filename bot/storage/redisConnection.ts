import Redis, { Cluster, type RedisOptions } from 'ioredis';
import type { RedisSettings } from '../config';

export type RedisConnection = Redis | Cluster;

/**
 * One connection factory for the three deployment shapes. Commands fail fast while Redis is away
 * (one retry per command) so a turn answers with an apology instead of hanging; the client keeps
 * reconnecting in the background and the bot recovers without a restart. Every command has a deadline.
 */
export function createRedisConnection(
  settings: RedisSettings,
  overrides: Pick<RedisOptions, 'maxRetriesPerRequest' | 'enableAutoPipelining' | 'commandTimeout'> = {},
): RedisConnection {
  const common: RedisOptions = {
    maxRetriesPerRequest: 1,
    // Commands issued in the same tick leave in one write: the lock request and the state read of a turn.
    enableAutoPipelining: true,
    // A Redis that takes the command and never answers would hold the turn (and its lock) forever.
    commandTimeout: settings.commandTimeoutMs,
    ...overrides,
    connectTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  };
  const fromUrl = settings.url ? new URL(settings.url) : undefined;
  const credentials: RedisOptions = fromUrl
    ? {
        username: fromUrl.username ? decodeURIComponent(fromUrl.username) : undefined,
        password: fromUrl.password ? decodeURIComponent(fromUrl.password) : undefined,
        tls: fromUrl.protocol === 'rediss:' ? {} : undefined,
      }
    : {};

  switch (settings.mode) {
    case 'cluster':
      return new Cluster(settings.clusterNodes ?? [], {
        enableAutoPipelining: common.enableAutoPipelining,
        redisOptions: { ...common, ...credentials },
      });
    case 'sentinel':
      return new Redis({ ...common, ...credentials, sentinels: settings.sentinels, name: settings.sentinelName });
    case 'standalone':
      return new Redis(settings.url ?? 'redis://127.0.0.1:6379', common);
  }
}

export function isCluster(connection: RedisConnection): connection is Cluster {
  return connection instanceof Cluster;
}
