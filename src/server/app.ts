/**
 * The dashboard server: one Node HTTP server on loopback that serves the built SPA and the API
 * (apiHandler.ts) over the embedded emulator or real AWS. The CLI (main.ts) and tests start it from here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { SessionInfo } from '../cloudhsm/api';
import { createApiHandler } from './apiHandler';
import type { Emulator } from './emulator/backend';
import { DEFAULT_PORT, type DashboardMode, type DashboardServerOptions } from './options';
import { sendMisdirected } from './routes/respond';
import { allowedHostNames, hostProblem, SECURITY_HEADERS } from './security/checks';
import { serveStatic } from './static';

export type { DashboardServerOptions } from './options';
export type { SessionInfo } from '../cloudhsm/api';

/** The built SPA next to the sources; worked out on use (a test DOM environment may give no file URL). */
export const defaultDistDir = (): string => fileURLToPath(new URL('../../dist', import.meta.url));

export interface DashboardServer {
  /** http://<host>:<port>, without a trailing slash. */
  url: string;
  port: number;
  mode: DashboardMode;
  /** The in-process emulator (emulator mode): tests drive its clock and admin operations. */
  emulator?: Emulator;
  session(): Promise<SessionInfo>;
  close(): Promise<void>;
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

export async function startDashboardServer(options: DashboardServerOptions = {}): Promise<DashboardServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`dashboard: ${line}\n`));
  const host = options.host ?? '127.0.0.1';
  const distDir = options.distDir ?? defaultDistDir();
  const api = await createApiHandler({ ...options, host, log });
  const hostNames = allowedHostNames(host);

  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    if (api.handle(req, res)) return;
    // The static files too: a rebinding page must not even read the SPA through a foreign name.
    const misdirected = hostProblem(req, hostNames);
    if (misdirected) {
      req.resume();
      sendMisdirected(res, misdirected);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      req.resume();
      res.writeHead(405, { ...SECURITY_HEADERS, Allow: 'GET, HEAD', 'Content-Length': '0' });
      res.end();
      return;
    }
    serveStatic(distDir, req, res, SECURITY_HEADERS);
  };

  const server = createServer({ keepAlive: true }, listener);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, host.replace(/^\[|\]$/g, ''), () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await api.close();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  // A wildcard bind is reachable on loopback too; print the address a browser on this machine can open.
  const shownHost = WILDCARDS.has(host) ? '127.0.0.1' : host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const backend = api.backend;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    mode: backend.mode,
    emulator: 'emulator' in backend ? (backend.emulator as Emulator) : undefined,
    session: () => api.session(),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}
