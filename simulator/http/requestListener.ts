import { createHash, timingSafeEqual } from 'node:crypto';
import { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { REQUEST_ID_HEADER, requestIdOrNew } from '../../services/http/requestId';
import { ActiveFault, FaultRegistry } from '../faults';
import { problem } from './problems';
import { Route, SimulatorResponse, matchRoute } from './router';

export interface ListenerOptions {
  routes: readonly Route[];
  token: string;
  faults: FaultRegistry;
  maxBodyBytes: number;
}

/**
 * Every request: echo or give an `X-Request-Id`, check the bearer token, apply an injected fault
 * (never to `/dev/*`, so tests can always clear them), route, answer JSON. Nothing is logged: paths and
 * bodies carry NURs and incomes.
 */
export function createRequestListener(options: ListenerOptions): RequestListener {
  return (request, response) => {
    handle(request, response, options).catch(() => {
      if (!response.headersSent) send(response, problem(500, 'INTERNAL', 'the simulator failed'));
    });
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: ListenerOptions): Promise<void> {
  const header = request.headers[REQUEST_ID_HEADER];
  response.setHeader('X-Request-Id', requestIdOrNew(Array.isArray(header) ? header[0] : header));
  const url = new URL(request.url ?? '/', 'http://simulator.invalid');
  const method = (request.method ?? 'GET').toUpperCase();

  if (!hasToken(request.headers.authorization, options.token)) {
    response.setHeader('WWW-Authenticate', 'Bearer');
    return send(response, problem(401, 'UNAUTHORIZED', 'a valid bearer token is required'));
  }
  const fault = url.pathname.startsWith('/dev/') ? undefined : options.faults.take(method, url.pathname);
  if (fault && (await answeredByFault(fault, request, response))) return;

  const match = matchRoute(options.routes, method, url.pathname);
  if (!match.found) {
    return send(response, match.pathKnown ? problem(405, 'METHOD_NOT_ALLOWED', 'method not allowed here') : problem(404, 'ROUTE_NOT_FOUND', 'no such route'));
  }
  const body = await readJsonBody(request, options.maxBodyBytes);
  if (!body.ok) return send(response, body.response);
  send(response, match.route.handler({ method: match.route.method, path: url.pathname, params: match.params, query: url.searchParams, body: body.value }));
}

/** True when the fault took over the answer; latency only delays it. */
async function answeredByFault(fault: ActiveFault, request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  switch (fault.kind) {
    case 'latency':
      await delay(fault.latencyMs ?? 0);
      return false;
    case 'error':
      send(response, problem(fault.status ?? 503, 'INJECTED_FAULT', 'fault injected by /dev/faults'));
      return true;
    case 'timeout':
      // Never answer: the client's own timeout must end the call. The socket closes with the client or the server.
      return true;
    case 'malformed':
      if (fault.body === 'wrongShape') {
        send(response, { status: 200, body: { unexpected: 'shape', items: 'not a list' } });
      } else {
        response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
        response.end('{"items":[{"id":"OFR-');
      }
      return true;
    case 'disconnect':
      request.socket.destroy();
      return true;
  }
}

function hasToken(authorization: string | undefined, token: string): boolean {
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (given === undefined) return false;
  // Hashing first gives equal lengths, so the comparison takes the same time whatever was sent.
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(given), digest(token));
}

type BodyRead = { ok: true; value: unknown } | { ok: false; response: SimulatorResponse };

async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<BodyRead> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) return { ok: false, response: problem(413, 'PAYLOAD_TOO_LARGE', `bodies are limited to ${maxBytes} bytes`) };
    chunks.push(buffer);
  }
  if (size === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { ok: false, response: problem(400, 'INVALID_JSON', 'the body is not JSON') };
  }
}

function send(response: ServerResponse, answer: SimulatorResponse): void {
  if (response.destroyed) return;
  for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
  if (answer.status === 204 || answer.body === undefined) {
    response.writeHead(answer.status);
    response.end();
    return;
  }
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
