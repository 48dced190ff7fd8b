import { readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Request, Response, Server } from 'restify';
import { projectRoot } from '../../services/shared/projectRoot';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

interface CachedFile {
  body: Buffer;
  gzipped?: Buffer;
  type: string;
}

const cache = new Map<string, CachedFile>();

/**
 * A GET handler serving one file, read once and gzipped once; `headers` are added to the response
 * (a page's Content-Security-Policy…).
 */
export function serveFile(file: string, maxAge: number, headers: Record<string, string> = {}) {
  return async (req: Request, res: Response): Promise<void> => {
    let cached = cache.get(file);
    if (!cached) {
      try {
        cached = { body: readFileSync(file), type: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
      } catch {
        return void res.send(404, { code: 'NotFound', message: 'Not found' });
      }
      cache.set(file, cached);
    }
    const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (acceptsGzip && cached.body.length > 1024) cached.gzipped ??= gzipSync(cached.body);
    const body = acceptsGzip && cached.gzipped ? cached.gzipped : cached.body;
    res.writeHead(200, {
      'content-type': cached.type,
      'content-length': body.length,
      'cache-control': maxAge > 0 ? `public, max-age=${maxAge}` : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...headers,
      ...(body === cached.gzipped ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
    });
    res.end(body);
  };
}

/**
 * The Web Chat page, its assets, its translations, and the Web Chat bundle from node_modules (no CDN).
 * Files are read once and gzipped once (the Web Chat bundle is ~4 MB, under 1 MB gzipped).
 */
export function mountStaticFiles(server: Server): void {
  const root = projectRoot();
  const serve = serveFile;

  const page = serve(join(root, 'web', 'index.html'), 0);
  server.get('/', page);
  server.get('/webchat', page);
  server.get('/webchat/webchat.js', serve(join(root, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js'), 86400));
  for (const asset of ['app.js', 'brand.css', 'styles.css', 'logo.svg']) server.get(`/web/${asset}`, serve(join(root, 'web', asset), 0));
  // The page links the SVG logo as its icon; /favicon.ico is for browsers and tools that ask for it anyway
  // (web/logo.svg rendered at 16, 32 and 48 px, PNG images in an ICO file).
  server.get('/favicon.ico', serve(join(root, 'web', 'favicon.ico'), 86400));
  server.get('/locales/:language/web.json', async (req: Request, res: Response) => {
    const language = String(req.params.language);
    if (!/^(fr|en)$/.test(language)) return void res.send(404, { code: 'NotFound', message: 'Not found' });
    return serve(normalize(join(root, 'locales', language, 'web.json')), 0)(req, res);
  });
}
