/**
 * Pagination and filters of DescribeClusters, DescribeBackups and ListTags over real HTTP, against the
 * `large` seed (two regions, so there are cross-region copies to find with sourceBackupIds).
 *
 * The ground truth for "no duplicates, no gaps" is the emulator's own store, read in-process; everything
 * else is what a client sees. The emulator runs at speed 0.01 so that seeded work in progress (a cluster
 * being created, a copy on its way) cannot change state while the tests page through it.
 */
import {
  CloudHSMV2ServiceException,
  CopyBackupToRegionCommand,
  CreateClusterCommand,
  DeleteBackupCommand,
  DeleteHsmCommand,
  DescribeBackupsCommand,
  DescribeClustersCommand,
  ListTagsCommand,
  ModifyBackupAttributesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  paginateDescribeBackups,
  paginateDescribeClusters,
  paginateListTags,
  type Backup,
  type CloudHSMV2Client,
  type Cluster,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ACCOUNT } from '../emulator';
import type { RunningEmulator } from '../node/server';
import type { RegionState } from '../store';
import { rawCall, sdkClient, seededSubnets, startTestEmulator } from '../testing/harness';

const REGION = 'us-east-1';
const WEST = 'us-west-2';

let running: RunningEmulator;
let client: CloudHSMV2Client;
let westClient: CloudHSMV2Client;

beforeAll(async () => {
  running = await startTestEmulator({ seed: 'large', speed: 0.01, large: { clusters: 60, backups: 300, regions: [REGION, WEST] } });
  client = sdkClient(running.url);
  westClient = sdkClient(running.url, WEST);
});

afterAll(async () => {
  client.destroy();
  westClient.destroy();
  await running.close();
});

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function regionState(region = REGION): RegionState {
  const state = running.emulator.store.peekRegion(DEFAULT_ACCOUNT, region);
  if (!state) throw new Error(`no state for ${region}`);
  return state;
}

/** Ids the emulator holds right now (the oracle for completeness). */
const storedClusterIds = (region = REGION): string[] => [...regionState(region).clusters.keys()].sort();
const storedBackupIds = (region = REGION): string[] => [...regionState(region).backups.keys()].sort();

interface Page<T> {
  items: T[];
  next: string | undefined;
}

/** Follows NextToken from the first page to the last, checking the page-size contract on the way. */
async function walk<T>(limit: number, fetch: (token: string | undefined) => Promise<Page<T>>): Promise<T[]> {
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

const clusterPages = (filters: Record<string, string[]> | undefined, limit: number, c = client) =>
  walk<Cluster>(limit, async (token) => {
    const r = await c.send(new DescribeClustersCommand({ Filters: filters, MaxResults: limit, NextToken: token }));
    return { items: r.Clusters ?? [], next: r.NextToken };
  });

const backupPages = (input: { Filters?: Record<string, string[]>; SortAscending?: boolean }, limit: number, c = client) =>
  walk<Backup>(limit, async (token) => {
    const r = await c.send(new DescribeBackupsCommand({ ...input, MaxResults: limit, NextToken: token }));
    return { items: r.Backups ?? [], next: r.NextToken };
  });

const tagPages = (resourceId: string, limit: number) =>
  walk<Tag>(limit, async (token) => {
    const r = await client.send(new ListTagsCommand({ ResourceId: resourceId, MaxResults: limit, NextToken: token }));
    return { items: r.TagList ?? [], next: r.NextToken };
  });

const clusterIds = (clusters: Cluster[]): string[] => clusters.map((c) => c.ClusterId!);
const backupIds = (backups: Backup[]): string[] => backups.map((b) => b.BackupId!);
const sorted = (values: string[]): string[] => [...values].sort();
const time = (d: Date | undefined): number => d!.getTime();

function expectNoDuplicates(values: string[]): void {
  expect(new Set(values).size).toBe(values.length);
}

async function refused(promise: Promise<unknown>, message: RegExp): Promise<void> {
  const outcome = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  expect(outcome, 'the request should have been refused').toBeInstanceOf(CloudHSMV2ServiceException);
  const e = outcome as CloudHSMV2ServiceException;
  expect(e.name).toBe('CloudHsmInvalidRequestException');
  expect(e.$metadata.httpStatusCode).toBe(400);
  expect(e.message).toMatch(message);
}

const INVALID_TOKEN = /NextToken is not valid/;

/** Tokens a client could make up or damage. */
function badTokens(real: string): string[] {
  const madeUp = Buffer.from(JSON.stringify({ p: [0, ''], f: 'forged' })).toString('base64url');
  return ['garbage', real.slice(0, -5), `${real}AAAA`, [...real].reverse().join(''), madeUp, `${real.slice(0, 10)}!!${real.slice(12)}`];
}

async function firstClusterToken(filters?: Record<string, string[]>): Promise<string> {
  const r = await client.send(new DescribeClustersCommand({ Filters: filters, MaxResults: 2 }));
  expect(r.NextToken).toBeDefined();
  return r.NextToken!;
}

async function firstBackupToken(input: { Filters?: Record<string, string[]>; SortAscending?: boolean } = {}): Promise<string> {
  const r = await client.send(new DescribeBackupsCommand({ ...input, MaxResults: 2 }));
  expect(r.NextToken).toBeDefined();
  return r.NextToken!;
}

// ---------------------------------------------------------------------------------------------
// DescribeClusters
// ---------------------------------------------------------------------------------------------

describe('DescribeClusters pagination', () => {
  it('every page size from 1 to 25 returns every cluster once, in the same order (oldest first)', async () => {
    const expected = storedClusterIds();
    expect(expected.length).toBeGreaterThan(25);
    let reference: string[] | undefined;
    for (let limit = 1; limit <= 25; limit++) {
      const ids = clusterIds(await clusterPages(undefined, limit));
      expectNoDuplicates(ids);
      expect(sorted(ids)).toEqual(expected);
      if (reference) expect(ids, `MaxResults ${limit}`).toEqual(reference);
      else reference = ids;
    }
    const all = await clusterPages(undefined, 25);
    for (let i = 1; i < all.length; i++) expect(time(all[i]!.CreateTimestamp)).toBeGreaterThanOrEqual(time(all[i - 1]!.CreateTimestamp));
  });

  it('with no MaxResults a page holds at most 25 clusters', async () => {
    const first = await client.send(new DescribeClustersCommand({}));
    expect(first.Clusters).toHaveLength(25);
    expect(first.NextToken).toBeDefined();
  });

  it('the SDK paginator gets the same clusters, and the last page carries no NextToken at all', async () => {
    const reference = clusterIds(await clusterPages(undefined, 25));
    const viaSdk: string[] = [];
    let lastToken: string | undefined = 'unset';
    for await (const page of paginateDescribeClusters({ client, pageSize: 7 }, {})) {
      viaSdk.push(...clusterIds(page.Clusters ?? []));
      lastToken = page.NextToken;
    }
    expect(viaSdk).toEqual(reference);
    expect(lastToken).toBeUndefined();

    let token: string | undefined;
    let body: Record<string, unknown> = {};
    do {
      body = (await rawCall(running.url, 'DescribeClusters', { MaxResults: 25, ...(token ? { NextToken: token } : {}) }, { region: REGION })).body;
      token = body['NextToken'] as string | undefined;
    } while (token !== undefined);
    expect(body).not.toHaveProperty('NextToken');
    expect(Object.keys(body)).toEqual(['Clusters']);
  });

  it('refuses MaxResults outside 1..25', async () => {
    await refused(client.send(new DescribeClustersCommand({ MaxResults: 26 })), /maxResults.*less than or equal to 25/);
    await refused(client.send(new DescribeClustersCommand({ MaxResults: 0 })), /maxResults.*greater than or equal to 1/);
  });

  it('refuses forged, damaged and foreign tokens, and a token reused with other filters', async () => {
    const real = await firstClusterToken();
    for (const bad of badTokens(real)) await refused(client.send(new DescribeClustersCommand({ NextToken: bad })), INVALID_TOKEN);
    await refused(client.send(new DescribeClustersCommand({ NextToken: await firstBackupToken() })), INVALID_TOKEN);
    await refused(client.send(new DescribeClustersCommand({ NextToken: real, Filters: { states: ['ACTIVE'] } })), INVALID_TOKEN);
    const filtered = await firstClusterToken({ states: ['ACTIVE'] });
    await refused(client.send(new DescribeClustersCommand({ NextToken: filtered })), INVALID_TOKEN);
    await refused(client.send(new DescribeClustersCommand({ NextToken: filtered, Filters: { states: ['ACTIVE', 'DEGRADED'] } })), INVALID_TOKEN);
    // The same filters with another page size is fine.
    const next = await client.send(new DescribeClustersCommand({ NextToken: filtered, Filters: { states: ['ACTIVE'] }, MaxResults: 5 }));
    expect(next.Clusters).toHaveLength(5);
  });

  it('a cluster created while paging shows up at the end, without duplicating or skipping anything', async () => {
    const before = storedClusterIds();
    const first = await client.send(new DescribeClustersCommand({ MaxResults: 10 }));
    const subnets = await seededSubnets(running.url);
    const { Cluster: created } = await client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [subnets[0]!.SubnetId] }));
    const rest = await walk<Cluster>(10, async (token) => {
      const r = await client.send(new DescribeClustersCommand({ MaxResults: 10, NextToken: token ?? first.NextToken }));
      return { items: r.Clusters ?? [], next: r.NextToken };
    });
    const ids = [...clusterIds(first.Clusters!), ...clusterIds(rest)];
    expectNoDuplicates(ids);
    expect(sorted(ids)).toEqual(sorted([...before, created!.ClusterId!]));
    expect(ids[ids.length - 1]).toBe(created!.ClusterId);
  });
});

describe('DescribeClusters filters', () => {
  let all: Cluster[] = [];

  beforeAll(async () => {
    // The seed puts its clusters in the default VPC: add one in the seeded HSM VPC.
    const subnets = await seededSubnets(running.url);
    await client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId) }));
    all = await clusterPages(undefined, 25);
  });

  it('clusterIds: exactly the clusters named; unknown ids match nothing without an error', async () => {
    const picked = [all[3]!, all[17]!, all[0]!].map((c) => c.ClusterId!);
    const found = clusterIds(await clusterPages({ clusterIds: [...picked, 'cluster-zzzzzzzzzzz'] }, 2));
    expect(sorted(found)).toEqual(sorted(picked));
    expect(await clusterPages({ clusterIds: ['cluster-zzzzzzzzzzz', 'cluster-yyyyyyyyyyy'] }, 25)).toEqual([]);
  });

  it('vpcIds: the clusters of those VPCs', async () => {
    const vpcs = [...new Set(all.map((c) => c.VpcId!))];
    expect(vpcs.length).toBeGreaterThanOrEqual(2);
    for (const vpc of vpcs) {
      const found = clusterIds(await clusterPages({ vpcIds: [vpc] }, 4));
      expect(found).toEqual(clusterIds(all.filter((c) => c.VpcId === vpc)));
    }
    expect(clusterIds(await clusterPages({ vpcIds: vpcs }, 25))).toEqual(clusterIds(all));
    expect(await clusterPages({ vpcIds: ['vpc-0123456789abcdef0'] }, 25)).toEqual([]);
  });

  it('states: values are ORed; keys are ANDed', async () => {
    const active = all.filter((c) => c.State === 'ACTIVE');
    expect(active.length).toBeGreaterThan(3);
    expect(clusterIds(await clusterPages({ states: ['ACTIVE'] }, 4))).toEqual(clusterIds(active));
    // At least the cluster created above is not ACTIVE.
    const others = [...new Set(all.map((c) => c.State!))].filter((s) => s !== 'ACTIVE');
    expect(others.length).toBeGreaterThan(0);
    const early = all.filter((c) => others.includes(c.State!));
    expect(clusterIds(await clusterPages({ states: others }, 3))).toEqual(clusterIds(early));
    expect(clusterIds(await clusterPages({ states: [others[0]!, 'ACTIVE'] }, 25))).toEqual(clusterIds(all.filter((c) => c.State === others[0] || c.State === 'ACTIVE')));
    const mixed = [active[0]!, early[0]!].map((c) => c.ClusterId!);
    expect(clusterIds(await clusterPages({ clusterIds: mixed, states: ['ACTIVE'] }, 25))).toEqual([active[0]!.ClusterId]);
    expect(await clusterPages({ states: ['ROLLBACK_IN_PROGRESS'] }, 25)).toEqual([]);
  });

  it('refuses unknown filter keys and state values', async () => {
    await refused(client.send(new DescribeClustersCommand({ Filters: { ClusterIds: [all[0]!.ClusterId!] } })), /Invalid filter key "ClusterIds"/);
    await refused(client.send(new DescribeClustersCommand({ Filters: { hsmTypes: ['hsm2m.medium'] } })), /Invalid filter key "hsmTypes"/);
    await refused(client.send(new DescribeClustersCommand({ Filters: { states: ['ACTIVE', 'active'] } })), /Invalid value\(s\) for filter "states": active/);
  });
});

// ---------------------------------------------------------------------------------------------
// DescribeBackups
// ---------------------------------------------------------------------------------------------

describe('DescribeBackups pagination', () => {
  it('default order is newest first; SortAscending: true is exactly the reverse; false is the default', async () => {
    const newestFirst = await backupPages({}, 50);
    for (let i = 1; i < newestFirst.length; i++) {
      expect(time(newestFirst[i]!.CreateTimestamp)).toBeLessThanOrEqual(time(newestFirst[i - 1]!.CreateTimestamp));
    }
    const ascending = await backupPages({ SortAscending: true }, 50);
    expect(backupIds(ascending)).toEqual(backupIds(newestFirst).reverse());
    expect(backupIds(await backupPages({ SortAscending: false }, 50))).toEqual(backupIds(newestFirst));
  });

  it('every page size from 1 to 50 returns every backup once, in the same order', async () => {
    const expected = storedBackupIds();
    expect(expected.length).toBeGreaterThan(100);
    const reference = backupIds(await backupPages({}, 50));
    expect(sorted(reference)).toEqual(expected);
    expectNoDuplicates(reference);
    for (let limit = 1; limit < 50; limit++) {
      expect(backupIds(await backupPages({}, limit)), `MaxResults ${limit}`).toEqual(reference);
    }
    for (const limit of [1, 7, 50]) {
      expect(backupIds(await backupPages({ SortAscending: true }, limit)), `ascending, MaxResults ${limit}`).toEqual([...reference].reverse());
    }
  });

  it('with no MaxResults a page holds at most 50 backups', async () => {
    const first = await client.send(new DescribeBackupsCommand({}));
    expect(first.Backups).toHaveLength(50);
    expect(first.NextToken).toBeDefined();
  });

  it('the SDK paginator gets the same backups both ways, and stops on a last page without NextToken', async () => {
    const reference = backupIds(await backupPages({}, 50));
    for (const ascending of [false, true]) {
      const viaSdk: string[] = [];
      let pages = 0;
      for await (const page of paginateDescribeBackups({ client, pageSize: 13 }, { SortAscending: ascending })) {
        viaSdk.push(...backupIds(page.Backups ?? []));
        pages++;
      }
      expect(viaSdk).toEqual(ascending ? [...reference].reverse() : reference);
      expect(pages).toBe(Math.ceil(reference.length / 13));
    }
    const last = await rawCall(running.url, 'DescribeBackups', { MaxResults: 50, Filters: { backupIds: reference.slice(0, 3) } }, { region: REGION });
    expect(last.body).not.toHaveProperty('NextToken');
    expect((last.body['Backups'] as unknown[]).length).toBe(3);
  });

  it('refuses MaxResults outside 1..50', async () => {
    await refused(client.send(new DescribeBackupsCommand({ MaxResults: 51 })), /maxResults.*less than or equal to 50/);
    await refused(client.send(new DescribeBackupsCommand({ MaxResults: 0 })), /maxResults.*greater than or equal to 1/);
  });

  it('refuses forged, damaged and foreign tokens, and a token reused with other filters or the other order', async () => {
    const real = await firstBackupToken();
    for (const bad of badTokens(real)) await refused(client.send(new DescribeBackupsCommand({ NextToken: bad })), INVALID_TOKEN);
    await refused(client.send(new DescribeBackupsCommand({ NextToken: await firstClusterToken() })), INVALID_TOKEN);
    await refused(client.send(new DescribeBackupsCommand({ NextToken: real, SortAscending: true })), INVALID_TOKEN);
    await refused(client.send(new DescribeBackupsCommand({ NextToken: real, Filters: { states: ['READY'] } })), INVALID_TOKEN);
    const ascending = await firstBackupToken({ SortAscending: true });
    await refused(client.send(new DescribeBackupsCommand({ NextToken: ascending })), INVALID_TOKEN);
    const filtered = await firstBackupToken({ Filters: { states: ['READY'] } });
    await refused(client.send(new DescribeBackupsCommand({ NextToken: filtered, Filters: { states: ['PENDING_DELETION'] } })), INVALID_TOKEN);
    const ok = await client.send(new DescribeBackupsCommand({ NextToken: filtered, Filters: { states: ['READY'] }, MaxResults: 3 }));
    expect(ok.Backups).toHaveLength(3);
    expect(ok.Backups!.every((b) => b.BackupState === 'READY')).toBe(true);
  });
});

describe('DescribeBackups filters', () => {
  let all: Backup[] = [];

  beforeAll(async () => {
    // Whatever the seed holds, make sure there are NeverExpires backups, a PENDING_DELETION one and a copy.
    const ready = (await backupPages({ Filters: { states: ['READY'] } }, 50)).filter((b) => b.NeverExpires !== true);
    for (const b of ready.slice(0, 2)) await client.send(new ModifyBackupAttributesCommand({ BackupId: b.BackupId, NeverExpires: true }));
    await client.send(new DeleteBackupCommand({ BackupId: ready[2]!.BackupId }));
    await client.send(new CopyBackupToRegionCommand({ BackupId: ready[3]!.BackupId, DestinationRegion: WEST }));
    all = await backupPages({}, 50);
  });

  const only = (keep: (b: Backup) => boolean): string[] => backupIds(all.filter(keep));

  it('backupIds: exactly those backups; unknown ids match nothing', async () => {
    const picked = [all[5]!, all[40]!, all[99]!].map((b) => b.BackupId!);
    expect(backupIds(await backupPages({ Filters: { backupIds: [...picked, 'backup-zzzzzzzzzzz'] } }, 2))).toEqual(only((b) => picked.includes(b.BackupId!)));
    expect(await backupPages({ Filters: { backupIds: ['backup-zzzzzzzzzzz'] } }, 50)).toEqual([]);
  });

  it('clusterIds and states (ORed values, ANDed keys), across pages', async () => {
    const owner = all[0]!.ClusterId!;
    expect(backupIds(await backupPages({ Filters: { clusterIds: [owner] } }, 3))).toEqual(only((b) => b.ClusterId === owner));
    expect(await backupPages({ Filters: { clusterIds: ['cluster-zzzzzzzzzzz'] } }, 50)).toEqual([]);
    const ready = only((b) => b.BackupState === 'READY');
    expect(ready.length).toBeGreaterThan(50);
    expect(backupIds(await backupPages({ Filters: { states: ['READY'] } }, 7))).toEqual(ready);
    const notReady = only((b) => b.BackupState === 'PENDING_DELETION' || b.BackupState === 'CREATE_IN_PROGRESS');
    expect(notReady.length).toBeGreaterThan(0);
    expect(backupIds(await backupPages({ Filters: { states: ['PENDING_DELETION', 'CREATE_IN_PROGRESS'] } }, 1))).toEqual(notReady);
    expect(await backupPages({ Filters: { states: ['DELETED'] } }, 50)).toEqual(all.filter((b) => b.BackupState === 'DELETED'));
    expect(backupIds(await backupPages({ Filters: { states: ['READY'], clusterIds: [owner] } }, 50))).toEqual(
      only((b) => b.BackupState === 'READY' && b.ClusterId === owner),
    );
    const ascending = await backupPages({ Filters: { states: ['READY'] }, SortAscending: true }, 9);
    expect(backupIds(ascending)).toEqual([...ready].reverse());
  });

  it('neverExpires: ["true"] and ["false"] split the backups; both values match all', async () => {
    const forever = only((b) => b.NeverExpires === true);
    expect(forever.length).toBeGreaterThan(0);
    expect(backupIds(await backupPages({ Filters: { neverExpires: ['true'] } }, 2))).toEqual(forever);
    expect(backupIds(await backupPages({ Filters: { neverExpires: ['false'] } }, 50))).toEqual(only((b) => b.NeverExpires !== true));
    expect(backupIds(await backupPages({ Filters: { neverExpires: ['true', 'false'] } }, 50))).toEqual(backupIds(all));
  });

  it('sourceBackupIds finds the cross-region copies in the destination region only', async () => {
    const westAll = await backupPages({}, 50, westClient);
    const copies = westAll.filter((b) => b.SourceRegion === REGION);
    expect(copies.length).toBeGreaterThan(0);
    const sources = [...new Set(copies.map((b) => b.SourceBackup!))];
    for (const source of sources) {
      expect(all.some((b) => b.BackupId === source)).toBe(true);
      const found = await backupPages({ Filters: { sourceBackupIds: [source] } }, 50, westClient);
      expect(backupIds(found)).toEqual(backupIds(copies.filter((b) => b.SourceBackup === source)));
      for (const copy of found) {
        expect(copy.SourceRegion).toBe(REGION);
        expect(copy.CreateTimestamp).toEqual(all.find((b) => b.BackupId === source)!.CreateTimestamp);
      }
      // The source region holds the original, not the copy.
      expect(await backupPages({ Filters: { sourceBackupIds: [source] } }, 50)).toEqual([]);
    }
    expect(backupIds(await backupPages({ Filters: { sourceBackupIds: sources } }, 2, westClient))).toEqual(backupIds(copies));
    expect(await backupPages({ Filters: { sourceBackupIds: ['backup-zzzzzzzzzzz'] } }, 50, westClient)).toEqual([]);
  });

  it('refuses unknown filter keys and bad values', async () => {
    await refused(client.send(new DescribeBackupsCommand({ Filters: { backupIDs: [all[0]!.BackupId!] } })), /Invalid filter key "backupIDs"/);
    await refused(client.send(new DescribeBackupsCommand({ Filters: { vpcIds: ['vpc-0123456789abcdef0'] } })), /Invalid filter key "vpcIds"/);
    await refused(client.send(new DescribeBackupsCommand({ Filters: { neverExpires: ['TRUE'] } })), /Invalid value\(s\) for filter "neverExpires": TRUE/);
    await refused(client.send(new DescribeBackupsCommand({ Filters: { states: ['PENDING_DELETE'] } })), /Invalid value\(s\) for filter "states": PENDING_DELETE/);
  });

  it('a backup taken while paging newest-first does not duplicate or shift the backups still to come', async () => {
    const before = storedBackupIds();
    const first = await client.send(new DescribeBackupsCommand({ MaxResults: 20 }));
    // Removing an HSM from an ACTIVE cluster takes a backup right away: the newest of all.
    const clusters = await clusterPages({ states: ['ACTIVE'] }, 25);
    const target = clusters.find((c) => (c.Hsms ?? []).some((h) => h.State === 'ACTIVE'))!;
    const hsm = target.Hsms!.find((h) => h.State === 'ACTIVE')!;
    await client.send(new DeleteHsmCommand({ ClusterId: target.ClusterId, HsmId: hsm.HsmId }));
    const added = storedBackupIds().filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    const rest = await walk<Backup>(20, async (token) => {
      const r = await client.send(new DescribeBackupsCommand({ MaxResults: 20, NextToken: token ?? first.NextToken }));
      return { items: r.Backups ?? [], next: r.NextToken };
    });
    const ids = [...backupIds(first.Backups!), ...backupIds(rest)];
    expectNoDuplicates(ids);
    expect(sorted(ids)).toEqual(before);
    // A fresh listing starts with it.
    expect((await client.send(new DescribeBackupsCommand({ MaxResults: 1 }))).Backups![0]!.BackupId).toBe(added[0]);
  });
});

// ---------------------------------------------------------------------------------------------
// ListTags
// ---------------------------------------------------------------------------------------------

describe('ListTags pagination', () => {
  let clusterId = '';
  let otherId = '';
  let reference: Tag[] = [];

  beforeAll(async () => {
    const clusters = await clusterPages(undefined, 25);
    clusterId = clusters[0]!.ClusterId!;
    otherId = clusters[1]!.ClusterId!;
    const existing = clusters[0]!.TagList ?? [];
    const extra = Array.from({ length: 50 - existing.length }, (_, i) => ({ Key: `tag-${String(i).padStart(2, '0')}`, Value: `value ${i}` }));
    await client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: extra }));
    const all = await client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 100 }));
    expect(all.NextToken).toBeUndefined();
    reference = all.TagList!;
  });

  it('a resource with 50 tags lists them all on one page, the same as Cluster.TagList', async () => {
    expect(reference).toHaveLength(50);
    expectNoDuplicates(reference.map((t) => t.Key!));
    const { Clusters } = await client.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
    expect(Clusters![0]!.TagList).toEqual(reference);
    const defaults = await client.send(new ListTagsCommand({ ResourceId: clusterId }));
    expect(defaults.TagList).toEqual(reference);
    expect(defaults.NextToken).toBeUndefined();
  });

  it('every page size from 1 to 100 returns every tag once, in the same order', async () => {
    for (let limit = 1; limit <= 100; limit++) {
      expect(await tagPages(clusterId, limit), `MaxResults ${limit}`).toEqual(reference);
    }
  });

  it('the SDK paginator gets the same tags; the last page has no NextToken', async () => {
    const viaSdk: Tag[] = [];
    let pages = 0;
    for await (const page of paginateListTags({ client, pageSize: 7 }, { ResourceId: clusterId })) {
      viaSdk.push(...(page.TagList ?? []));
      pages++;
    }
    expect(viaSdk).toEqual(reference);
    expect(pages).toBe(Math.ceil(50 / 7));
    const first = await client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 45 }));
    const last = await rawCall(running.url, 'ListTags', { ResourceId: clusterId, MaxResults: 45, NextToken: first.NextToken }, { region: REGION });
    expect(last.body).not.toHaveProperty('NextToken');
    expect(last.body['TagList']).toEqual(reference.slice(45));
  });

  it('refuses MaxResults outside 1..100, forged tokens and tokens of another resource or operation', async () => {
    await refused(client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 101 })), /maxResults.*less than or equal to 100/);
    await refused(client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 0 })), /maxResults.*greater than or equal to 1/);
    const real = (await client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 2 }))).NextToken!;
    for (const bad of badTokens(real)) await refused(client.send(new ListTagsCommand({ ResourceId: clusterId, NextToken: bad })), INVALID_TOKEN);
    await refused(client.send(new ListTagsCommand({ ResourceId: otherId, NextToken: real })), INVALID_TOKEN);
    await refused(client.send(new ListTagsCommand({ ResourceId: clusterId, NextToken: await firstClusterToken() })), INVALID_TOKEN);
  });

  it('removing a tag already returned, even the last one returned, does not make the next page skip or repeat any', async () => {
    const untag = (tag: Tag) => client.send(new UntagResourceCommand({ ResourceId: clusterId, TagKeyList: [tag.Key!] }));
    const first = await client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 10 }));
    expect(first.TagList).toEqual(reference.slice(0, 10));
    await untag(reference[4]!);
    const second = await client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 10, NextToken: first.NextToken }));
    expect(second.TagList).toEqual(reference.slice(10, 20));
    await untag(reference[19]!);
    const third = await client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 10, NextToken: second.NextToken }));
    expect(third.TagList).toEqual(reference.slice(20, 30));
    await client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [reference[4]!, reference[19]!] }));
  });

  it('a resource without tags answers an empty TagList and no token', async () => {
    const untagged = (await backupPages({}, 50)).find((b) => (b.TagList ?? []).length === 0)!;
    const raw = await rawCall(running.url, 'ListTags', { ResourceId: untagged.BackupId, MaxResults: 1 }, { region: REGION });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ TagList: [] });
  });
});
