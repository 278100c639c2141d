/** Serves the built SPA from dist/, with index.html for client-side routes. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
};

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Record<string, string>): void {
  const base = resolve(root);
  const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  let file = normalize(join(base, path));
  // Never serve outside dist/.
  if (!file.startsWith(base)) file = join(base, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) {
    // A client route (or a missing asset): the SPA decides; assets with an extension get a 404.
    if (extname(path) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end('Not found');
      return;
    }
    file = join(base, 'index.html');
  }
  const immutable = file.includes(`${join(base, 'assets')}`);
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...headers,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file).pipe(res);
}
