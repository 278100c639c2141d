/**
 * Test helpers for the pagination suites (test/pagination/): an emulator with the `large` seed in two regions
 * (so there are cross-region copies to find with sourceBackupIds), the store as the oracle for "no duplicates,
 * no gaps", and page walkers that check the page-size contract on the way.
 */
import {
  DescribeBackupsCommand,
  DescribeClustersCommand,
  ListTagsCommand,
  type Backup,
  type CloudHSMV2Client,
  type Cluster,
  type DescribeBackupsCommandInput,
  type DescribeClustersCommandInput,
  type ListTagsCommandInput,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, beforeAll, expect } from 'vitest';
import { DEFAULT_ACCOUNT } from '../emulator';
import type { RunningEmulator } from '../node/server';
import type { RegionState } from '../store';
import { refused, TEST_REGION } from './env';
import { rawCall, sdkClient, startTestEmulator, type RawResponse } from './harness';

/** The region the copies of the `large` seed go to. */
export const WEST = 'us-west-2';

interface Page<T> {
  items: T[];
  next: string | undefined;
}

/** Follows NextToken from the first page to the last, checking the page-size contract on the way. */
export async function walk<T>(limit: number, fetch: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const out: T[] = [];
  let token: string | undefined;
  for (let pages = 0; ; pages++) {
    if (pages > 1000) throw new Error('too many pages');
    const page = await fetch(token);
    expect(page.items.length).toBeLessThanOrEqual(limit);
    out.push(...page.items);
    if (page.next === undefined) break;
    // A page that promises more is full.
    expect(page.items).toHaveLength(limit);
    expect(page.next.length).toBeGreaterThan(0);
    expect(page.next.length).toBeLessThanOrEqual(256);
    token = page.next;
  }
  return out;
}

type BackupQuery = { Filters?: Record<string, string[]>; SortAscending?: boolean };

/** The emulator of a pagination suite, its clients, the store as oracle and the page walkers. */
export class PagedEnv {
  running!: RunningEmulator;
  client!: CloudHSMV2Client;
  westClient!: CloudHSMV2Client;

  regionState = (region = TEST_REGION): RegionState => {
    const state = this.running.emulator.store.peekRegion(DEFAULT_ACCOUNT, region);
    if (!state) throw new Error(`no state for ${region}`);
    return state;
  };

  /** Ids the emulator holds right now (the oracle for completeness). */
  storedClusterIds = (region = TEST_REGION): string[] => [...this.regionState(region).clusters.keys()].sort();
  storedBackupIds = (region = TEST_REGION): string[] => [...this.regionState(region).backups.keys()].sort();

  /** One page, as the SDK sends and reads it. */
  describeClusters = (input: DescribeClustersCommandInput = {}, c = this.client) => c.send(new DescribeClustersCommand(input));
  describeBackups = (input: DescribeBackupsCommandInput = {}, c = this.client) => c.send(new DescribeBackupsCommand(input));
  listTags = (input: ListTagsCommandInput) => this.client.send(new ListTagsCommand(input));

  /** One page as the wire carries it (to see which members an answer leaves out). */
  raw = (operation: string, body: Record<string, unknown>): Promise<RawResponse> =>
    rawCall(this.running.url, operation, body, { region: TEST_REGION });

  clusterPages = (filters: Record<string, string[]> | undefined, limit: number, c = this.client): Promise<Cluster[]> =>
    walk<Cluster>(limit, async (token) => {
      const r = await this.describeClusters({ Filters: filters, MaxResults: limit, NextToken: token }, c);
      return { items: r.Clusters ?? [], next: r.NextToken };
    });

  backupPages = (input: BackupQuery, limit: number, c = this.client): Promise<Backup[]> =>
    walk<Backup>(limit, async (token) => {
      const r = await this.describeBackups({ ...input, MaxResults: limit, NextToken: token }, c);
      return { items: r.Backups ?? [], next: r.NextToken };
    });

  tagPages = (resourceId: string, limit: number): Promise<Tag[]> =>
    walk<Tag>(limit, async (token) => {
      const r = await this.listTags({ ResourceId: resourceId, MaxResults: limit, NextToken: token });
      return { items: r.TagList ?? [], next: r.NextToken };
    });

  firstClusterToken = async (filters?: Record<string, string[]>): Promise<string> => {
    const r = await this.describeClusters({ Filters: filters, MaxResults: 2 });
    expect(r.NextToken).toBeDefined();
    return r.NextToken!;
  };

  firstBackupToken = async (input: BackupQuery = {}): Promise<string> => {
    const r = await this.describeBackups({ ...input, MaxResults: 2 });
    expect(r.NextToken).toBeDefined();
    return r.NextToken!;
  };

  firstTagsToken = async (resourceId: string): Promise<string> => {
    const r = await this.listTags({ ResourceId: resourceId, MaxResults: 2 });
    expect(r.NextToken).toBeDefined();
    return r.NextToken!;
  };
}

/**
 * One emulator per suite: the `large` seed at speed 0.01, so that seeded work in progress (a cluster being
 * created, a copy on its way) cannot change state while the tests page through it.
 */
export function usePagedEmulator(): PagedEnv {
  const env = new PagedEnv();
  beforeAll(async () => {
    env.running = await startTestEmulator({
      seed: 'large',
      speed: 0.01,
      large: { clusters: 60, backups: 300, regions: [TEST_REGION, WEST] },
    });
    env.client = sdkClient(env.running.url);
    env.westClient = sdkClient(env.running.url, WEST);
  });
  afterAll(async () => {
    env.client.destroy();
    env.westClient.destroy();
    await env.running.close();
  });
  return env;
}

export const clusterIds = (clusters: Cluster[]): string[] => clusters.map((c) => c.ClusterId!);
export const backupIds = (backups: Backup[]): string[] => backups.map((b) => b.BackupId!);
export const sorted = (values: string[]): string[] => [...values].sort();
export const time = (d: Date | undefined): number => d!.getTime();

export function expectNoDuplicates(values: string[]): void {
  expect(new Set(values).size).toBe(values.length);
}

/** Asserts the call was refused with CloudHsmInvalidRequestException (400, a client fault) and a message matching `message`. */
export async function refusedAsInvalid(promise: Promise<unknown>, message: RegExp): Promise<void> {
  await refused(promise, 'CloudHsmInvalidRequestException', message);
}

export const INVALID_TOKEN = /NextToken is not valid/;

/** Asserts the call was refused for its NextToken. */
export const expectTokenRefused = (promise: Promise<unknown>): Promise<void> => refusedAsInvalid(promise, INVALID_TOKEN);

/** Tokens a client could make up or damage. */
export function badTokens(real: string): string[] {
  const madeUp = Buffer.from(JSON.stringify({ p: [0, ''], f: 'forged' })).toString('base64url');
  return ['garbage', real.slice(0, -5), `${real}AAAA`, [...real].reverse().join(''), madeUp, `${real.slice(0, 10)}!!${real.slice(12)}`];
}

/** Each filter set is refused as invalid, with its message. */
export async function expectFiltersRefused(
  send: (input: { Filters: Record<string, string[]> }) => Promise<unknown>,
  cases: [filters: Record<string, string[]>, message: RegExp][],
): Promise<void> {
  for (const [Filters, message] of cases) await refusedAsInvalid(send({ Filters }), message);
}
