import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import { z } from 'zod';
import { createLogger } from '../../bot/logger';
import { createServer } from '../../bot/server';
import { createRedisConnection } from '../../bot/storage/redisConnection';
import { RedisStorage } from '../../bot/storage/redisStorage';

/**
 * The benchmark's baseline: the same restify server, CloudAdapter and Redis storage as the assistant,
 * and nothing else. Each turn reads one state document, writes it back with its eTag, and echoes the
 * text. `node dist/scripts/bench/echoBot.js` with PORT, REDIS_URL and REDIS_PREFIX.
 */
const EchoEnvironmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(0),
  REDIS_URL: z.string().regex(/^redis:\/\/\S+$/, { error: 'REDIS_URL must be a redis:// URL' }),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_\-.{}]+$/, { error: 'REDIS_PREFIX may only hold letters, digits and : _ - . { }' }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const EchoStateSchema = z.object({ turns: z.number().int().default(0) });

async function main(): Promise<void> {
  const env = EchoEnvironmentSchema.parse(process.env);
  const logger = createLogger(env.LOG_LEVEL);
  const redis = createRedisConnection({ url: env.REDIS_URL, mode: 'standalone', prefix: env.REDIS_PREFIX, commandTimeoutMs: 2000 });
  const storage = new RedisStorage(redis, { prefix: env.REDIS_PREFIX, ttlSeconds: 3600 });
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

  const echo = async (context: TurnContext) => {
    const key = `echo:${context.activity.channelId}:${context.activity.conversation.id}`;
    const stored = (await storage.read([key]))[key] as { eTag?: string } | undefined;
    const state = EchoStateSchema.parse(stored ?? {});
    await storage.write({ [key]: { turns: state.turns + 1, eTag: stored?.eTag ?? '*' } });
    await context.sendActivity(`echo ${state.turns + 1}: ${context.activity.text ?? context.activity.name ?? context.activity.type}`);
  };

  const botServer = createServer({
    adapter,
    turn: echo,
    readiness: [{ name: 'storage', check: async () => void (await redis.ping()) }],
    logger,
    maxBodyBytes: 256 * 1024,
  });
  botServer.server.listen(env.PORT, () => logger.info({ port: botServer.server.address().port }, 'echo bot listening'));

  process.on('SIGTERM', () => {
    botServer.drain();
    void botServer.inFlight.drained(5000).then(async () => {
      botServer.server.close();
      await redis.quit();
      process.exit(0);
    });
  });
}

void main();
