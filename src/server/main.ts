/**
 * `npm start`: the dashboard on 127.0.0.1 with the CloudHSM V2 emulator in-process.
 *   GET  /*             the built SPA (index.html for client routes)
 *   POST /aws/<region>  AWS JSON 1.1 CloudHSM V2 calls, answered by the emulator
 */
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { handleApiRequest, sendAwsError } from '../emulator/node/http';
import { createEmulatorState } from '../emulator/node/server';
import { CorruptDataFileError } from '../emulator/node/persistence';
import { EmulatorError } from '../emulator/errors';
import { newRequestId } from '../emulator/ids';
import { isCloudHsmRegion } from '../emulator/regions';
import { serveStatic } from './static';

const DIST = fileURLToPath(new URL('../../dist', import.meta.url));
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};
const USAGE = `Usage: npm start -- [--port 8373] [--host 127.0.0.1] [--speed 60] [--seed demo|empty|large] [--data FILE]`;

function fail(message: string): never {
  process.stderr.write(`dashboard: ${message}\n${USAGE}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        speed: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(values.port ?? 8373);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be a port number, got "${values.port}"`);
  const speed = Number(values.speed ?? 60);
  if (!(speed > 0)) fail(`--speed must be a positive number, got "${values.speed}"`);
  const seed = values.seed ?? 'demo';
  if (seed !== 'demo' && seed !== 'empty' && seed !== 'large') fail(`--seed must be demo, empty or large, got "${seed}"`);
  const host = values.host ?? '127.0.0.1';
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
    process.stderr.write(`dashboard: warning: listening on ${host}, not loopback; anyone who can reach it can use the dashboard.\n`);
  }
  const log = (message: string) => process.stderr.write(`dashboard: ${message}\n`);
  let state;
  try {
    state = await createEmulatorState({ seed, speed, dataFile: values.data, log });
  } catch (error) {
    if (error instanceof CorruptDataFileError) fail(error.message);
    throw error;
  }
  const { emulator } = state;
  const timer = setInterval(() => emulator.tick(), 1000);
  timer.unref();

  const server = createServer({ keepAlive: true }, (req, res) => {
    const url = (req.url ?? '/').split('?')[0] ?? '/';
    const api = /^\/aws\/([a-z0-9-]+)\/?$/.exec(url);
    if (api) {
      const region = api[1]!;
      const requestId = newRequestId();
      const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };
      // The SPA is same-origin; a browser page from elsewhere must not drive this server.
      if (req.headers['sec-fetch-site'] === 'cross-site' || (req.headers.origin && req.headers.origin !== `http://${req.headers.host}`)) {
        req.resume();
        sendAwsError(res, requestId, new EmulatorError('CloudHsmAccessDeniedException', 'Cross-site requests are refused.'), headers);
        return;
      }
      if (req.method !== 'POST' || !isCloudHsmRegion(region)) {
        req.resume();
        sendAwsError(res, requestId, new EmulatorError('UnknownOperationException', `Use POST /aws/<region> with a CloudHSM region; got ${req.method} ${url}.`), headers);
        return;
      }
      void handleApiRequest(emulator, req, res, { region, extraHeaders: headers, onInternalError: (e) => log(`internal error: ${String(e)}`) });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS });
      res.end();
      return;
    }
    serveStatic(DIST, req, res, SECURITY_HEADERS);
  });
  server.listen(port, host, () => {
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    process.stdout.write(`CloudHSM dashboard on http://${host.includes(':') ? `[${host}]` : host}:${actualPort} (embedded emulator, seed ${seed}, speed ${speed})\n`);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') fail(`port ${port} is already in use; choose another with --port`);
    throw error;
  });
  const shutdown = () => server.close(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

void main();
