import Redis from 'ioredis';

/**
 * What the benchmark learns from the Redis server itself:
 * - `INFO commandstats` and `INFO cpu` before and after a phase (server-wide: commands run inside Lua
 *   scripts count too, and so would another client's);
 * - the commands one bot sends, watched with MONITOR during a short untimed pass and kept only when
 *   they name a key under the run's prefix, so other clients of a shared Redis do not count. Each is
 *   put in a category after the prefix: state documents, coordination (claims, locks), or other; and
 *   commands that arrived together (one write) are one round trip.
 */
export type CommandCounts = Record<string, number>;

export interface ServerSnapshot {
  commands: CommandCounts;
  cpuSeconds: number;
}

export interface WatchedCommands {
  /** Commands the bot sent, by category. */
  sent: CommandCounts;
  /**
   * Round trips: commands of one client that reached the server together (pipelined in one write) count
   * once. `total`, and per category the round trips that carried at least one of its commands.
   */
  roundTrips: CommandCounts & { total: number };
  /** Commands run inside the bot's Lua scripts. */
  insideScripts: number;
}

/**
 * Commands of one client executed within this time of each other came in one write: a client needs far
 * longer to read a reply and send its next command (on loopback, tens of microseconds at the very least).
 */
const SAME_WRITE_SECONDS = 0.00005;

const STATE_DOCUMENTS = new Set(['conversation', 'user', 'echo']);
const COORDINATION = new Set(['claim', 'lock']);
// The benchmark's own calls during a phase are not the bots' work.
const OWN_COMMANDS = new Set(['info', 'monitor']);

export class RedisObserver {
  private readonly redis: Redis;

  constructor(
    private readonly url: string,
    readonly prefix: string,
  ) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1 });
  }

  async version(): Promise<string> {
    return /redis_version:(\S+)/.exec(await this.redis.info('server'))?.[1] ?? 'unknown';
  }

  async snapshot(): Promise<ServerSnapshot> {
    const [commandstats, cpu] = await Promise.all([this.redis.info('commandstats'), this.redis.info('cpu')]);
    const commands: CommandCounts = {};
    for (const [, name, calls] of commandstats.matchAll(/^cmdstat_(\S+?):calls=(\d+)/gm)) commands[name!] = Number(calls);
    const seconds = (field: string) => Number(new RegExp(`^${field}:([\\d.]+)`, 'm').exec(cpu)?.[1] ?? 0);
    return { commands, cpuSeconds: seconds('used_cpu_user') + seconds('used_cpu_sys') };
  }

  /** Commands per name between two snapshots, the benchmark's own left out. */
  static difference(before: ServerSnapshot, after: ServerSnapshot): CommandCounts {
    const difference: CommandCounts = {};
    for (const [name, calls] of Object.entries(after.commands)) {
      const delta = calls - (before.commands[name] ?? 0);
      if (delta > 0 && !OWN_COMMANDS.has(name)) difference[name] = delta;
    }
    return difference;
  }

  /** Runs `work` with MONITOR on and returns what the bot sent to Redis meanwhile. */
  async watch<T>(work: () => Promise<T>): Promise<{ result: T; watched: WatchedCommands }> {
    const watched: WatchedCommands = { sent: {}, roundTrips: { total: 0 }, insideScripts: 0 };
    const openTrips = new Map<string, { lastAt: number; categories: Set<string> }>();
    const closeTrip = (trip: { categories: Set<string> }) => {
      watched.roundTrips.total++;
      for (const category of trip.categories) watched.roundTrips[category] = (watched.roundTrips[category] ?? 0) + 1;
    };
    const connection = new Redis(this.url);
    const monitor = await connection.monitor();
    // A line the monitor parser cannot read (another client's binary arguments) is skipped, not fatal.
    monitor.on('error', () => undefined);
    monitor.on('monitor', (time: string, args: string[], source: string) => {
      const key = args.find((argument) => argument.startsWith(this.prefix));
      if (!key) return;
      if (source === 'lua') {
        watched.insideScripts++;
        return;
      }
      const category = categoryOf(key.slice(this.prefix.length));
      watched.sent[category] = (watched.sent[category] ?? 0) + 1;
      const at = Number(time);
      const open = openTrips.get(source);
      if (open && at - open.lastAt <= SAME_WRITE_SECONDS) {
        open.lastAt = at;
        open.categories.add(category);
        return;
      }
      if (open) closeTrip(open);
      openTrips.set(source, { lastAt: at, categories: new Set([category]) });
    });
    try {
      return { result: await work(), watched };
    } finally {
      // Lines still on their way when the work ends belong to it.
      await new Promise((resolve) => setTimeout(resolve, 200));
      monitor.disconnect();
      connection.disconnect();
      for (const trip of openTrips.values()) closeTrip(trip);
    }
  }

  /** Deletes every key of the run. */
  async cleanup(): Promise<number> {
    let deleted = 0;
    let cursor = '0';
    do {
      const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${this.prefix}*`, 'COUNT', 1000);
      if (keys.length > 0) deleted += await this.redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
    return deleted;
  }

  async close(): Promise<void> {
    await this.redis.quit();
  }
}

function categoryOf(keyAfterPrefix: string): string {
  const head = keyAfterPrefix.split(':')[0] ?? '';
  if (STATE_DOCUMENTS.has(head)) return 'state';
  if (COORDINATION.has(head)) return 'coordination';
  if (head.startsWith('bull')) return 'jobs';
  return head || 'other';
}
