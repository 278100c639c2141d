/** Serves the built SPA from dist/, with index.html for client-side routes. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

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
  '.txt': 'text/plain; charset=utf-8',
};

function sendText(res: ServerResponse, status: number, text: string, headers: Readonly<Record<string, string>>): void {
  res.writeHead(status, { ...headers, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, headers: Readonly<Record<string, string>>): void {
  const base = resolve(root);
  let path: string;
  try {
    path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
  } catch {
    sendText(res, 400, 'Bad request: the path is not valid percent-encoding.', headers);
    return;
  }
  let file = normalize(join(base, path));
  // Never serve outside dist/.
  if (file !== base && !file.startsWith(base + sep)) file = join(base, 'index.html');
  if (!existsSync(file) || !statSync(file).isFile()) {
    // A client route (or a missing asset): the SPA decides; assets with an extension get a 404.
    if (extname(path) !== '') {
      sendText(res, 404, 'Not found', headers);
      return;
    }
    file = join(base, 'index.html');
    if (!existsSync(file)) {
      sendText(
        res,
        503,
        `The dashboard is not built (no ${file}): run \`npm run build\`, or start it with \`npm start\`, which builds it.`,
        headers,
      );
      return;
    }
  }
  const immutable = file.startsWith(join(base, 'assets') + sep);
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'Content-Length': String(statSync(file).size),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const stream = createReadStream(file);
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}
