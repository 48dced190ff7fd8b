import restify, { type Request, type Response, type Server } from 'restify';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import { readJsonBodies } from './http/jsonBodies';
import { activityProblems } from './incomingActivity';
import { invokeRefusal } from './http/invokeShapes';
import { InFlight } from './inFlight';
import { withDeadline } from '../services/shared/deadline';
import type { Logger } from './logger';

export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface ServerDependencies {
  adapter: CloudAdapter;
  /** Runs one turn: the turn runner around the bot. */
  turn: (context: TurnContext) => Promise<void>;
  readiness: ReadinessCheck[];
  logger: Logger;
  maxBodyBytes: number;
}

export interface BotServer {
  server: Server;
  inFlight: InFlight;
  /** Stop accepting turns (answer 503) while in-flight turns finish. */
  drain(): void;
}

/** Routes: POST /api/messages, GET /healthz (process up), GET /readyz (dependencies reachable). */
export function createServer(deps: ServerDependencies): BotServer {
  const server = restify.createServer({ name: 'alin-assistant', handleUncaughtExceptions: false });
  const inFlight = new InFlight();
  let draining = false;

  readJsonBodies(server, deps.maxBodyBytes);

  server.post('/api/messages', async (req: Request, res: Response) => {
    if (draining) return sendJson(res, 503, { code: 'ShuttingDown', message: 'The bot is restarting; retry shortly.' });
    if (!req.is('json')) return sendJson(res, 415, { code: 'UnsupportedMediaType', message: 'Activities are sent as application/json.' });
    const problems = activityProblems(req.body);
    if (problems) return sendJson(res, 400, { code: 'BadRequest', message: `Not a valid activity: ${problems}` });
    const refusal = invokeRefusal(req.body as { type: string });
    if (refusal) return sendJson(res, refusal.status, { statusCode: refusal.status, type: 'application/vnd.microsoft.error', value: { code: refusal.code, message: refusal.message } });
    await inFlight.track(() => deps.adapter.process(req, withoutInternalErrors(res, deps.logger), deps.turn));
  });

  server.get('/healthz', async (_req: Request, res: Response) => sendJson(res, 200, { status: 'ok' }));

  server.get('/readyz', async (_req: Request, res: Response) => {
    const results = await Promise.all(
      deps.readiness.map(async ({ name, check }) => {
        try {
          await withDeadline(check(), 2000, `readiness check ${name}`);
          return [name, 'ok'] as const;
        } catch (error) {
          deps.logger.warn({ check: name, err: error }, 'readiness check failed');
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = !draining && results.every(([, status]) => status === 'ok');
    sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });

  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number }, callback: () => void) => {
    // Body too large, malformed JSON…: a clean 4xx with no internals.
    const status = error.statusCode ?? 500;
    if (status >= 500) deps.logger.error({ path: req.path(), err: error }, 'request failed');
    res.send(status, { code: error.name, message: status >= 500 ? 'Internal error' : error.message });
    callback();
  });

  return { server, inFlight, drain: () => (draining = true) };
}

/**
 * CloudAdapter answers a failure outside the turn (token validation that cannot reach its keys…) with
 * 500 and the raw error message; the caller gets a generic body instead, and the log gets the detail.
 */
function withoutInternalErrors(res: Response, logger: Logger): Response {
  let status = 200;
  return new Proxy(res, {
    get(target, property, receiver) {
      if (property === 'status') {
        return (code: number) => {
          status = code;
          return target.status(code);
        };
      }
      if (property === 'send') {
        return (...args: unknown[]) => {
          if (status < 500) return (target.send as (...values: unknown[]) => unknown)(...args);
          logger.error({ status, detail: String(args[0] ?? '') }, 'activity not processed');
          return target.send({ code: 'InternalError', message: 'The activity could not be processed.' });
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

function sendJson(res: Response, status: number, body: unknown): void {
  res.send(status, body);
}
