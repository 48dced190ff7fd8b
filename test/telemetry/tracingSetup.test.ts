import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { trace } from '@opentelemetry/api';
import { ConfigurationError, loadConfig } from '../../bot/config';
import { startTracing } from '../../bot/telemetry/tracing';
import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import { startBotProcess } from '../support/botProcess';
import { capturingLogger } from '../support/silentLogger';

/** Where traces go is read from the environment; with nowhere to go, nothing is set up at all. */

describe('the tracing configuration', () => {
  it('has no exporter by default', () => {
    expect(loadConfig({}).tracing).toBeUndefined();
  });

  it('reads the OTLP endpoint, and the Application Insights connection string beside it, under the service name alin-assistant', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).tracing).toEqual({ serviceName: 'alin-assistant', otlpEndpoint: 'http://collector:4318' });
    const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/';
    expect(loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString, OTEL_SERVICE_NAME: 'alin-staging' }).tracing).toEqual({
      serviceName: 'alin-staging',
      azureMonitorConnectionString: connectionString,
    });
  });

  it('refuses a connection string or an endpoint that is not one, naming the variable', () => {
    const problemsOf = (variables: NodeJS.ProcessEnv) => {
      try {
        loadConfig(variables);
      } catch (error) {
        if (error instanceof ConfigurationError) return error.problems;
      }
      return [];
    };
    expect(problemsOf({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string' })).toEqual([expect.stringContaining('APPLICATIONINSIGHTS_CONNECTION_STRING must be')]);
    expect(problemsOf({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toEqual([expect.stringContaining('OTEL_EXPORTER_OTLP_ENDPOINT must be')]);
  });
});

describe('startTracing', () => {
  let collector: Server;
  let endpoint = '';
  const posts: { url: string; body: string }[] = [];

  beforeAll(async () => {
    collector = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        posts.push({ url: req.url ?? '', body });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

  it('registers nothing without an exporter: spans are no-ops', async () => {
    const tracing = await startTracing(undefined, capturingLogger().logger);
    expect(tracing.exporter).toBe('none');
    const span = trace.getTracer('test').startSpan('alin.turn');
    expect(span.isRecording()).toBe(false);
    span.end();
  });

  // The exporter loads its HTTP agent with a dynamic import, which jest's sandbox refuses: it runs in
  // the bot as `npm start` runs it.
  it('exports a turn\'s spans over OTLP/HTTP to /v1/traces under the endpoint, flushed when the bot stops', async () => {
    const channel = new LocalChannel();
    await channel.start();
    const bot = await startBotProcess({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_SERVICE_NAME: 'alin-under-test' });
    try {
      const typed = 'bonjour, mon mail est jeanne.martin@exemple.fr';
      expect(await postActivity(bot.url, channelActivity(channel.serviceUrl, 'otlp', { type: 'message', text: typed }))).toBe(200);
      expect(await bot.stop()).toBe(0);
      const exported = posts.filter((post) => post.url === '/v1/traces').map((post) => post.body).join('\n');
      expect(exported).toContain('alin-under-test');
      for (const name of ['alin.turn', 'alin.recognize', 'alin.lock', 'alin.state.load', 'alin.state.save']) expect(exported).toContain(`"${name}"`);
      expect(exported).not.toContain('jeanne');
      expect(exported).not.toContain('bonjour');
      expect(bot.output()).toContain('"exporter":"otlp"');
    } finally {
      await bot.stop();
      await channel.stop();
    }
  });
});
