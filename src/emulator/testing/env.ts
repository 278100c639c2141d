/**
 * Shared by the HTTP test suites: one emulator per describe block with SDK clients per region, and an
 * assertion that a call was refused with a given AWS error.
 */
import { CloudHSMV2ServiceException, type CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, beforeAll, expect } from 'vitest';
import type { EmulatorServerOptions, RunningEmulator } from '../node/server';
import type { SubnetRecord } from '../types';
import { sdkClient, seededSubnets, startTestEmulator } from './harness';

export const TEST_REGION = 'us-east-1';

export type Subnet = SubnetRecord;

export class Env {
  running!: RunningEmulator;
  url!: string;
  client!: CloudHSMV2Client;
  /** The seeded 10.0.x.0/24 subnets of us-east-1, one per AZ. */
  subnets!: Subnet[];
  /** Lazily made SDK clients for other regions. */
  private readonly others = new Map<string, CloudHSMV2Client>();

  clientIn(region: string): CloudHSMV2Client {
    if (region === TEST_REGION) return this.client;
    let client = this.others.get(region);
    if (!client) {
      client = sdkClient(this.url, region);
      this.others.set(region, client);
    }
    return client;
  }

  destroyClients(): void {
    this.client.destroy();
    for (const c of this.others.values()) c.destroy();
  }
}

/** One emulator (empty seed, speed 1 unless given: nothing moves unless the test advances the clock) per describe block. */
export function useEmulator(options: EmulatorServerOptions = {}): Env {
  const env = new Env();
  beforeAll(async () => {
    env.running = await startTestEmulator(options);
    env.url = env.running.url;
    env.client = sdkClient(env.url);
    env.subnets = await seededSubnets(env.url);
  });
  afterAll(async () => {
    env.destroyClients();
    await env.running.close();
  });
  return env;
}

/** Asserts the SDK call failed with the AWS error `name` (HTTP 400, a client fault) and a message matching `message`. */
export async function refused(promise: Promise<unknown>, name: string, message: RegExp | string): Promise<CloudHSMV2ServiceException> {
  const outcome = await promise.then(
    (value: unknown) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (outcome.ok) throw new Error(`expected ${name}, but the request succeeded: ${JSON.stringify(outcome.value)}`);
  expect(outcome.error).toBeInstanceOf(CloudHSMV2ServiceException);
  const e = outcome.error as CloudHSMV2ServiceException;
  expect(e.name).toBe(name);
  expect(e.$metadata.httpStatusCode).toBe(400);
  expect(e.$fault).toBe('client');
  if (typeof message === 'string') expect(e.message).toBe(message);
  else expect(e.message).toMatch(message);
  return e;
}
