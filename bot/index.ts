import { createApp } from './app';
import { BusyPortError, busyPortOr } from './busyPort';
import { ConfigurationError, loadConfig } from './config';
import { createLogger } from './logger';
import { connectPortal } from './portalServices';
import { startTracing } from './telemetry/tracing';

/** Starts the assistant: `npm start`. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  // Before anything starts a span: the portal's first calls and the first turn are traced.
  const tracing = await startTracing(config.tracing, logger);
  const portal = await connectPortal(config, logger);
  const app = await createApp(config, logger, portal);
  const port = await app.listen(config.port).catch((error: unknown) => {
    throw busyPortOr(error, 'PORT', config.port);
  });
  logger.info(
    { port, storage: config.redis ? 'redis' : 'memory', authentication: config.botAuthentication ? 'bot-framework' : 'none (local)' },
    `AL-in Assistant listening on http://localhost:${port}/api/messages`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.stop();
    await portal.stop();
    // The last spans are flushed; an exporter that cannot reach its service does not hold the exit.
    await tracing.shutdown().catch((error: unknown) => logger.warn({ err: error }, 'traces not flushed'));
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

main().catch((error: unknown) => {
  if (error instanceof BusyPortError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
});
