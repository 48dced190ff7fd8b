import { join } from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { projectRoot } from '../../services/shared/projectRoot';
import { serveFile } from '../channels/staticFiles';
import type { Logger } from '../logger';
import { bearerMatches } from '../metrics/metricsRoute';
import type { AnswerFeedbackStore } from '../storage/answerFeedbackStores';
import type { InsightsStore } from './insightsStore';
import { dayOf } from './insightsStore';
import { daysEnding, summarize } from './insightsSummary';

export interface InsightsRouteOptions {
  /** INSIGHTS_TOKEN; without it the page and its API do not exist. */
  token?: string;
  store: InsightsStore;
  feedback: AnswerFeedbackStore;
  now: () => Date;
  logger: Logger;
}

/**
 * The page holds no data and runs only its own scripts: Chart.js and insights.js, both from this origin.
 * Its form is handled by the script (`form-action 'none'`: a token never ends up in a URL).
 */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

const SummaryQuery = z.object({
  days: z.preprocess(
    (value) => (value === undefined || value === '' ? undefined : value),
    z.coerce
      .number({ error: 'days must be a whole number from 1 to 90' })
      .int({ error: 'days must be a whole number from 1 to 90' })
      .min(1, { error: 'days must be a whole number from 1 to 90' })
      .max(90, { error: 'days must be a whole number from 1 to 90' })
      .default(14),
  ),
});

const NOT_CONFIGURED = { code: 'NotFound', message: 'The insights page is off: set INSIGHTS_TOKEN (16 characters or more) to serve it.' };

/**
 * The helpdesk managers' insights: GET /insights (a static page that asks for the token), its script,
 * style, Chart.js from node_modules and its translations, and GET /insights/api/summary?days=14, which
 * requires `Authorization: Bearer <INSIGHTS_TOKEN>`. Without the token configured every one of them is a 404.
 */
export function mountInsightsRoutes(server: Server, options: InsightsRouteOptions): void {
  const root = projectRoot();
  const { token } = options;
  const whenConfigured =
    (handler: (req: Request, res: Response) => Promise<void>) =>
    async (req: Request, res: Response): Promise<void> => {
      if (!token) return void res.send(404, NOT_CONFIGURED);
      return handler(req, res);
    };
  const web = (file: string) => join(root, 'web', 'insights', file);

  server.get('/insights', whenConfigured(serveFile(web('index.html'), 0, PAGE_HEADERS)));
  server.get('/insights/insights.js', whenConfigured(serveFile(web('insights.js'), 0)));
  server.get('/insights/insights.css', whenConfigured(serveFile(web('insights.css'), 0)));
  server.get('/insights/chart.js', whenConfigured(serveFile(join(root, 'node_modules', 'chart.js', 'dist', 'chart.umd.min.js'), 86400)));
  server.get(
    '/locales/:language/insights.json',
    whenConfigured(async (req, res) => {
      const language = String(req.params.language);
      if (!/^(fr|en)$/.test(language)) return void res.send(404, { code: 'NotFound', message: 'Not found' });
      return serveFile(join(root, 'locales', language, 'insights.json'), 0)(req, res);
    }),
  );

  server.get(
    '/insights/api/summary',
    whenConfigured(async (req, res) => {
      res.header('cache-control', 'no-store');
      res.header('x-content-type-options', 'nosniff');
      if (!bearerMatches(req.headers.authorization, token!)) {
        res.header('www-authenticate', 'Bearer');
        return void res.send(401, { code: 'Unauthorized', message: 'The insights need the insights token (Authorization: Bearer …).' });
      }
      const query = SummaryQuery.safeParse({ days: new URL(req.url ?? '', 'http://insights.invalid').searchParams.get('days') ?? undefined });
      if (!query.success) return void res.send(400, { code: 'BadRequest', message: query.error.issues.map((issue) => issue.message).join('; ') });
      const days = daysEnding(dayOf(options.now()), query.data.days);
      try {
        const [aggregates, feedback] = await Promise.all([options.store.read(days), Promise.all(days.map((day) => options.feedback.countsOf(day)))]);
        res.send(200, summarize(aggregates, feedback));
      } catch (error) {
        options.logger.warn({ err: error }, 'insights could not be read');
        res.send(503, { code: 'Unavailable', message: 'The insights cannot be read for the moment; retry shortly.' });
      }
    }),
  );
}
