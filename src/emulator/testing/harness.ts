/**
 * Test helpers: a real emulator HTTP server on a free loopback port, SDK clients pointed at it, and a raw
 * JSON 1.1 caller for what SDK 3.332 cannot send (resource-policy operations, malformed bodies).
 */
import { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import type { SubnetRecord } from '../types';
import { startEmulatorServer, type EmulatorServerOptions, type RunningEmulator } from '../node/server';

export const TEST_CREDENTIALS = { accessKeyId: 'AKIDEMULATORTEST', secretAccessKey: 'emulator-test-secret' };

export async function startTestEmulator(options: EmulatorServerOptions = {}): Promise<RunningEmulator> {
  return startEmulatorServer({ port: 0, seed: 'empty', speed: 1, tickMillis: 50, ...options });
}

export function sdkClient(url: string, region = 'us-east-1', credentials = TEST_CREDENTIALS): CloudHSMV2Client {
  // maxAttempts 1: a 5xx must show up in the test, not be retried away.
  return new CloudHSMV2Client({ region, endpoint: url, credentials, maxAttempts: 1 });
}

export interface RawResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** A fake (unverified) SigV4 Authorization header whose credential scope names the region. */
export const scopeHeader = (region: string): string =>
  `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250101/${region}/cloudhsm/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;

export async function rawCall(
  url: string,
  operation: string,
  body: unknown,
  opts: { region?: string; rawBody?: string; target?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': opts.target ?? `BaldrApiService.${operation}`,
  };
  if (opts.region) headers['Authorization'] = scopeHeader(opts.region);
  const response = await fetch(`${url}/`, { method: 'POST', headers, body: opts.rawBody ?? JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export async function admin(url: string, route: string, body?: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${url}/_emulator/${route}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`admin ${route} failed: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Subnets of the seeded "hsm" VPC (10.0.x.0/24) of a region, by AZ. */
export async function seededSubnets(url: string, region = 'us-east-1'): Promise<SubnetRecord[]> {
  const network = (await admin(url, `network?region=${region}`)) as { subnets: SubnetRecord[] };
  return network.subnets.filter((s) => s.CidrBlock.startsWith('10.0.'));
}

export async function advanceClock(url: string, seconds: number): Promise<void> {
  await admin(url, 'advance-clock', { seconds });
}
