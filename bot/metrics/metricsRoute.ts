import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import type { Registry } from 'prom-client';

/**
 * GET /metrics in the Prometheus text format. With a token configured (METRICS_TOKEN) the scraper must
 * send it as a bearer token: the endpoint sits on the same public port as /api/messages. In production
 * the token is required: without one the endpoint does not exist.
 */
export function mountMetricsRoute(server: Server, registry: Registry, token: string | undefined, options: { tokenRequired: boolean }): void {
  server.get('/metrics', async (req: Request, res: Response) => {
    if (!token && options.tokenRequired) return void res.send(404, { code: 'NotFound', message: 'Metrics are served with METRICS_TOKEN only.' });
    if (token && !bearerMatches(req.headers.authorization, token)) {
      res.setHeader('www-authenticate', 'Bearer');
      return void res.send(401, { code: 'Unauthorized', message: 'GET /metrics needs the metrics token.' });
    }
    res.setHeader('content-type', registry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.sendRaw(200, await registry.metrics());
  });
}

/** Whether the `Authorization` header carries `Bearer <token>` (compared in constant time). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = Buffer.from(/^Bearer (.+)$/.exec(header ?? '')?.[1] ?? '');
  const expected = Buffer.from(token);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}
