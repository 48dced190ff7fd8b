import type { RedisConnection } from './redisConnection';

/**
 * Lua scripts registered once per connection with ioredis `defineCommand`: calls go as EVALSHA (the
 * script text is not resent on every write) and fall back to EVAL when the server lost its cache.
 */
type ScriptCall = (...args: (string | number)[]) => Promise<unknown>;

export function registerScript(redis: RedisConnection, name: string, lua: string): ScriptCall {
  const commands = redis as unknown as Record<string, ScriptCall | undefined>;
  if (!commands[name]) redis.defineCommand(name, { lua });
  const call = commands[name];
  if (!call) throw new Error(`redis script ${name} could not be registered`);
  // Without numberOfKeys in the definition, the first argument of each call is the number of keys.
  return (...args) => call.apply(redis, args);
}
