/**
 * Test backend for the data layer: the real dashboard server (`startDashboardServer`: POST /aws/<region>
 * answered by its in-process emulator) in a child process on a free loopback port, and the data layer's
 * clients pointed at it. Works from any Vitest environment (node or happy-dom).
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { LargeSeedOptions } from '../../emulator/seed';
import type { BackupRecord, ClusterRecord } from '../../emulator/types';
import { createCloudHsmClients, type CloudHsmClients } from '../clients';
import type { ChildMessage, ParentMessage, ServerProcessOptions } from './dashboardServerProcess';
import { RequestLog } from './requestLog';

export const ACCOUNT = '123456789012';

export interface RegionRecords {
  clusters: ClusterRecord[];
  backups: BackupRecord[];
}

export interface TestBackend {
  url: string;
  /** The emulator store's records of a region, after a lifecycle tick (the truth hooks are checked against). */
  records(region: string): Promise<RegionRecords>;
  /** Signs a cluster CSR with a test CA, for InitializeCluster. */
  signCsr(csr: string): Promise<{ signedCert: string; trustAnchor: string }>;
  /** Polls the store until `find` returns something (the emulator runs on its own clock). */
  waitFor<T>(region: string, find: (records: RegionRecords) => T | undefined, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

export interface TestBackendOptions {
  seed?: 'empty' | 'demo';
  /** Start empty and seed the `large` data set at this size. */
  large?: LargeSeedOptions;
  /** Emulator speed (600: a 5-minute cluster creation takes 0.5 s). Default 1. */
  speed?: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

const SCRIPT = resolve(process.cwd(), 'src/aws/testing/dashboardServerProcess.ts');

export async function startTestBackend(options: TestBackendOptions = {}): Promise<TestBackend> {
  const processOptions: ServerProcessOptions = {
    seed: options.seed ?? 'empty',
    speed: options.speed ?? 1,
    ...(options.large ? { large: options.large } : {}),
  };
  const child = fork(SCRIPT, [JSON.stringify(processOptions)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { done: (result: unknown) => void; fail: (error: Error) => void }>();
  let nextId = 0;
  const url = await new Promise<string>((ready, fail) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') ready(message.url);
      else if (message.type === 'failed') fail(new Error(`dashboard server process failed: ${message.message}`));
      else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error !== undefined) waiting?.fail(new Error(message.error));
        else waiting?.done(message.result);
      }
    });
    child.once('exit', (code) => fail(new Error(`dashboard server process exited (${code}) before it was ready`)));
  });
  const call = <T>(message: DistributiveOmit<ParentMessage, 'id'>): Promise<T> =>
    new Promise<T>((done, fail) => {
      const id = nextId++;
      pending.set(id, { done: (result) => done(result as T), fail });
      child.send({ ...message, id });
    });
  const records = (region: string) => call<RegionRecords>({ method: 'records', region });
  return {
    url,
    records,
    signCsr: (csr) => call({ method: 'signCsr', csr }),
    waitFor: async (region, find, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = find(await records(region));
        if (found !== undefined) return found;
        if (Date.now() > deadline) throw new Error(`waitFor in ${region}: nothing found within ${timeoutMs} ms`);
        await new Promise((done) => setTimeout(done, 25));
      }
    },
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((done) => child.once('exit', () => done()));
      child.disconnect();
      await exited;
    },
  };
}

/**
 * The backend of one test file: started before its tests, closed after them. Call it at the top of the file;
 * the handle works inside tests and hooks (the backend starts in beforeAll).
 */
export function testBackendPerFile(options: TestBackendOptions = {}): TestBackend {
  let started: TestBackend | undefined;
  beforeAll(async () => {
    started = await startTestBackend(options);
  });
  afterAll(() => started?.close());
  const current = (): TestBackend => {
    if (!started) throw new Error('The test backend starts in beforeAll: use it inside a test or a hook.');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    records: (region) => current().records(region),
    signCsr: (csr) => current().signCsr(csr),
    waitFor: (region, find, timeoutMs) => current().waitFor(region, find, timeoutMs),
    close: () => current().close(),
  };
}

/** The data layer's clients for a backend, each call recorded in `log`. One attempt: failures show at once. */
export function testClients(backend: { url: string }, log = new RequestLog()): { clients: CloudHsmClients; log: RequestLog } {
  const clients = createCloudHsmClients({
    baseUrl: backend.url,
    maxAttempts: 1,
    onClientCreated: (client, region) => log.attach(client, region),
  });
  return { clients, log };
}
