import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { z } from 'zod';
import { createJsonClient, type JsonClient } from '../../services/http/jsonClient';
import { inSpan } from '../../services/shared/tracing';

/**
 * One span per portal call, its attempts as events, named after the API and the operation; the W3C
 * `traceparent` goes out with every attempt so the portal's spans join the turn's trace. The path and
 * the query, which carry the unique number, are in none of it.
 */

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
afterAll(() => provider.shutdown());

const NUR = '0691124000101GDPUB';

describe('a portal call', () => {
  let server: Server;
  let client: JsonClient;
  /** Status codes the stub answers with, in turn (then 200). */
  let statuses: number[] = [];
  const received: { url: string; headers: IncomingHttpHeaders }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push({ url: req.url ?? '', headers: req.headers });
      const status = statuses.shift() ?? 200;
      // Not chained: restify, loaded by other suites of the same worker, patches writeHead to return nothing.
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(status === 200 ? { ok: true } : { code: 'Nope', message: `nothing for ${NUR}` }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    client = createJsonClient({ name: 'sne', prefix: '/sne/v1' }, { baseUrl: `http://127.0.0.1:${port}`, token: 't', retry: { initialDelayMs: 10, maxDelayMs: 20 } });
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    exporter.reset();
    received.length = 0;
  });

  const getApplicant = () =>
    inSpan('alin.turn', {}, () => client.send({ operation: 'getApplicant', method: 'GET', path: `/applicants/${NUR}`, query: { nur: NUR }, responseSchema: z.object({ ok: z.boolean() }) }));

  const spansNamed = (name: string) => exporter.getFinishedSpans().filter((span) => span.name === name);

  it('is a client span under the turn, with an event per attempt, and sends traceparent with each attempt', async () => {
    statuses = [503];
    await getApplicant();
    const [turn] = spansNamed('alin.turn');
    const [call] = spansNamed('alin.portal sne.getApplicant');
    expect(call!.kind).toBe(SpanKind.CLIENT);
    expect(call!.parentSpanContext?.spanId).toBe(turn!.spanContext().spanId);
    expect(call!.attributes).toMatchObject({ 'alin.api': 'sne', 'alin.operation': 'getApplicant', 'http.request.method': 'GET', 'http.response.status_code': 200, 'alin.outcome': 'ok', 'alin.attempts': 2 });
    expect(call!.events.map((event) => event.attributes)).toEqual([
      { 'alin.attempt': 1, 'alin.outcome': 'Unavailable', 'alin.duration_ms': expect.any(Number), 'http.response.status_code': 503, 'alin.unavailable_reason': 'server' },
      { 'alin.attempt': 2, 'alin.outcome': 'ok', 'alin.duration_ms': expect.any(Number) },
    ]);
    const traceparent = `00-${call!.spanContext().traceId}-${call!.spanContext().spanId}-01`;
    expect(received.map((request) => request.headers.traceparent)).toEqual([traceparent, traceparent]);
    expect(JSON.stringify([call!.name, call!.attributes, call!.events])).not.toMatch(new RegExp(`${NUR}|applicants|nur=`, 'i'));
  });

  it('records a failure as an error with its type, not its message', async () => {
    statuses = [404];
    await expect(getApplicant()).rejects.toMatchObject({ kind: 'NotFound' });
    const [call] = spansNamed('alin.portal sne.getApplicant');
    expect(call!.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(call!.attributes).toMatchObject({ 'http.response.status_code': 404, 'alin.outcome': 'NotFound', 'error.type': 'NotFoundError' });
    expect(call!.events.find((event) => event.name === 'exception')?.attributes).toEqual({ 'exception.type': 'NotFoundError' });
    expect(JSON.stringify([call!.attributes, call!.events])).not.toContain(NUR);
  });
});
