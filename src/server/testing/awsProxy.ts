/**
 * AWS mode under test: the dashboard in `--aws` mode forwarding to an endpoint (the emulator that verifies
 * SigV4, or a fake upstream), every answer and log line kept and searched for credentials when the file ends.
 */
import { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { createServer } from 'node:net';
import { afterAll, afterEach, expect } from 'vitest';
import type { RawResponse } from './http';
import { startTestServer, type TestServer } from './servers';

export const CREDENTIALS = { accessKeyId: 'AKIAPROXYTEST0000001', secretAccessKey: 'proxy+test/secret+0123456789abcdefghijklmn' };
export const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/with+slashes/and=padding0123456789';

/** What must never reach an answer or a log line: the credentials, and the passwords the fake upstream hands out. */
const SECRETS = [CREDENTIALS.secretAccessKey, SESSION_TOKEN, 'wrong-secret', 'rotated"', 'hunter2', 'nested-preco', 'escaped-preco'];

export function expectNoSecrets(seen: string[]): void {
  const text = seen.join('\n');
  for (const secret of SECRETS) {
    expect(text).not.toContain(secret);
  }
  expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
  expect(text).not.toContain(CREDENTIALS.accessKeyId);
}

export interface AwsProxyHarness {
  /** A dashboard in aws mode, closed after the test (its log lines join `seen`). */
  proxy: (options: Parameters<typeof startTestServer>[0]) => Promise<TestServer>;
  /** Keeps an answer's headers and body in `seen`, and returns it. */
  record: (response: RawResponse) => RawResponse;
  /** Every answer and log line of the test file so far. */
  seen: string[];
}

/** Call once at the top of a test file: closes the proxies after each test and checks `seen` for secrets after all. */
export function awsProxyHarness(): AwsProxyHarness {
  const seen: string[] = [];
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const t of servers.splice(0)) {
      seen.push(...t.logs);
      await t.server.close();
    }
  });
  afterAll(() => expectNoSecrets(seen));
  return {
    seen,
    record: (response) => {
      seen.push(JSON.stringify(response.headers), response.body);
      return response;
    },
    proxy: async (options) => {
      const t = await startTestServer({ mode: 'aws', ...options });
      servers.push(t);
      return t;
    },
  };
}

/** The SPA's client: the real SDK with placeholder credentials, pointed at the dashboard. */
export function browserClient(dashboardUrl: string, region = 'us-east-1'): CloudHSMV2Client {
  return new CloudHSMV2Client({
    region,
    endpoint: `${dashboardUrl}/aws/${region}`,
    credentials: { accessKeyId: 'local-dashboard', secretAccessKey: 'not-a-secret' },
    maxAttempts: 1,
  });
}

/** A loopback port nothing listens on. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs `body` with these environment variables set (undefined: removed), then puts the whole environment back. */
export async function withEnv(changes: Record<string, string | undefined>, body: () => Promise<void>): Promise<void> {
  const saved = { ...process.env };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  try {
    await body();
  } finally {
    process.env = saved;
  }
}
