/** Test helpers: the dashboard server on a free port with a temporary dist/, and a fake AWS endpoint. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDashboardServer, type DashboardServer, type DashboardServerOptions } from '../app';
import { JSON11 } from './http';

/** A dist/ folder with an index.html and one hashed asset. */
export function makeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log("app");');
  return dir;
}

export interface TestServer {
  server: DashboardServer;
  url: string;
  logs: string[];
}

export async function startTestServer(options: DashboardServerOptions = {}): Promise<TestServer> {
  const logs: string[] = [];
  const server = await startDashboardServer({ port: 0, seed: 'empty', distDir: makeDist(), log: (line) => logs.push(line), ...options });
  return { server, url: server.url, logs };
}

export interface CapturedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface FakeUpstream {
  url: string;
  requests: CapturedRequest[];
  /** How the next requests are answered. */
  respond: (req: IncomingMessage, res: ServerResponse, body: string) => void;
  close(): Promise<void>;
}

/** An HTTP server standing in for cloudhsmv2.<region>.amazonaws.com. */
export async function startFakeUpstream(): Promise<FakeUpstream> {
  const upstream: FakeUpstream = {
    url: '',
    requests: [],
    respond: (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON11, 'x-amzn-RequestId': 'upstream-request-id' });
      res.end('{}');
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      upstream.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      upstream.respond(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  upstream.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return upstream;
}
