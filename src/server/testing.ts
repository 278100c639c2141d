/** Helpers for the server's tests: raw HTTP (any Host, any header), a temporary dist/, a fake upstream. */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDashboardServer, type DashboardServer, type DashboardServerOptions } from './app';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without Content-Length. */
  chunked?: boolean;
}

/** One HTTP exchange on a fresh connection, with exactly the headers given (Host included). */
export function rawRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined && options.chunked) {
      const body = Buffer.from(options.body);
      const step = 64 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
      req.end();
    } else req.end(options.body);
  });
}

export const JSON11 = 'application/x-amz-json-1.1';

/** A CloudHSM call as the SPA's SDK client makes it (with its placeholder signature). */
export function awsCall(baseUrl: string, region: string, operation: string, body: unknown = {}, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(`${baseUrl}/aws/${region}`, {
    method: 'POST',
    headers: {
      'Content-Type': JSON11,
      'X-Amz-Target': `BaldrApiService.${operation}`,
      Authorization:
        'AWS4-HMAC-SHA256 Credential=local-dashboard/20260101/us-east-1/cloudhsm/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

export function jsonOf(response: RawResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}

/** A dist/ folder with an index.html and one hashed asset. */
export function makeDist(): string {
  const dir = mkdtempSync(join(tmpdir(), 'dashboard-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script type="module" src="/assets/app-1234.js"></script></head><body><div id="root"></div></body></html>');
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
