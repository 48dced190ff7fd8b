import restify, { type Next, type Request, type Response, type Server } from 'restify';

/**
 * Request bodies: JSON only, at most `maxBytes` as they arrive on the wire and as they are parsed.
 * - Compressed bodies are refused: restify counts the compressed bytes against the limit, so 150 KB
 *   of gzip inflated into 150 MB of activity text. No Bot Framework channel compresses its requests.
 * - Only JSON is parsed: restify's generic bodyParser also accepts multipart uploads and leaves every
 *   uploaded file in the temp folder, which anyone could fill.
 */
export function readJsonBodies(server: Server, maxBytes: number): void {
  server.pre(refuseCompressedBodies);
  server.use(restify.plugins.bodyReader({ maxBodySize: maxBytes }));
  server.use(restify.plugins.jsonBodyParser({ bodyReader: true, mapParams: false }));
}

function refuseCompressedBodies(req: Request, res: Response, next: Next): void {
  const encoding = req.headers['content-encoding']?.trim().toLowerCase();
  if (encoding && encoding !== 'identity') {
    res.send(415, { code: 'UnsupportedMediaType', message: 'Compressed request bodies are not accepted.' });
    return next(false);
  }
  next();
}
