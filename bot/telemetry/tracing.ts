import type { Logger } from '../logger';
import type { TracingSettings } from '../config';

/** What `startTracing` set up: flush and stop it on the way out. */
export interface Tracing {
  exporter: 'azureMonitor' | 'otlp' | 'azureMonitor+otlp' | 'none';
  shutdown(): Promise<void>;
}

const NO_TRACING: Tracing = { exporter: 'none', shutdown: async () => undefined };

/** Longest the last spans may take to leave at shutdown: an unreachable collector must not hold the exit. */
const FLUSH_LIMIT_MS = 3000;

/**
 * Once per process, before the app is built. With an Application Insights connection string, Azure
 * Monitor's distribution (and an OTLP exporter beside it when both are set); with an OTLP endpoint
 * alone, a Node tracer provider exporting in batches over OTLP/HTTP; with neither, nothing is registered
 * and every span is a non-recording no-op. Both exporters register the AsyncLocalStorage context manager
 * and the W3C propagator, so a span started in a turn is the parent of those its callees start.
 *
 * The exporters are loaded here, on demand: a start without tracing never loads them.
 */
export async function startTracing(settings: TracingSettings | undefined, logger: Logger): Promise<Tracing> {
  if (!settings) return NO_TRACING;
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  const resource = resourceFromAttributes({ 'service.name': settings.serviceName });
  const otlpProcessor = settings.otlpEndpoint ? await otlpSpanProcessor(settings.otlpEndpoint) : undefined;

  if (settings.azureMonitorConnectionString) {
    const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
    useAzureMonitor({
      azureMonitorExporterOptions: { connectionString: settings.azureMonitorConnectionString },
      resource,
      // The assistant's own spans only. Automatic instrumentations would record what ours leave out on
      // purpose: URLs (Bot Connector paths name conversations, portal paths hold unique numbers) and
      // Redis commands with their keys (a key names the user). HTTP's would also come too late: the
      // `http` module is loaded before this runs.
      instrumentationOptions: {
        http: { enabled: false },
        azureSdk: { enabled: false },
        mongoDb: { enabled: false },
        mySql: { enabled: false },
        postgreSql: { enabled: false },
        redis: { enabled: false },
        redis4: { enabled: false },
        bunyan: { enabled: false },
        winston: { enabled: false },
      },
      spanProcessors: otlpProcessor ? [otlpProcessor] : [],
    });
    logger.info({ exporter: otlpProcessor ? 'azureMonitor+otlp' : 'azureMonitor', service: settings.serviceName }, 'traces exported');
    return { exporter: otlpProcessor ? 'azureMonitor+otlp' : 'azureMonitor', shutdown: () => withinFlushLimit(shutdownAzureMonitor()) };
  }

  if (!otlpProcessor) return NO_TRACING;
  const { NodeTracerProvider } = await import('@opentelemetry/sdk-trace-node');
  const provider = new NodeTracerProvider({ resource, spanProcessors: [otlpProcessor] });
  // The AsyncLocalStorage context manager and the W3C trace-context propagator.
  provider.register();
  logger.info({ exporter: 'otlp', service: settings.serviceName }, 'traces exported');
  return { exporter: 'otlp', shutdown: () => withinFlushLimit(provider.shutdown()) };
}

function withinFlushLimit(shutdown: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<void>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`traces not flushed within ${FLUSH_LIMIT_MS} ms`)), FLUSH_LIMIT_MS);
    timer.unref();
  });
  return Promise.race([shutdown, limit]).finally(() => clearTimeout(timer));
}

async function otlpSpanProcessor(endpoint: string) {
  const [{ OTLPTraceExporter }, { BatchSpanProcessor }] = await Promise.all([import('@opentelemetry/exporter-trace-otlp-http'), import('@opentelemetry/sdk-trace-base')]);
  // OTEL_EXPORTER_OTLP_ENDPOINT is the collector's root: traces go to /v1/traces under it (the OTLP
  // specification); OTEL_EXPORTER_OTLP_HEADERS, when set, is read by the exporter itself.
  return new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }));
}
