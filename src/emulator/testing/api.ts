/**
 * Test helpers: reading the emulator's state the way a client does (SDK calls and paginators) and moving its
 * clock until the client sees what a test waits for.
 */
import {
  DescribeBackupsCommand,
  DescribeClustersCommand,
  ListTagsCommand,
  paginateDescribeBackups,
  paginateDescribeClusters,
  type Backup,
  type CloudHSMV2Client,
  type Cluster,
  type Hsm,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { TEST_REGION, type Env } from './env';
import { admin, advanceClock } from './harness';

export const DAY = 86_400;
export const MINUTE = 60;

/** A timestamp in epoch seconds (NaN when absent). */
export const seconds = (d: Date | undefined): number => (d ? d.getTime() / 1000 : Number.NaN);
export const sortedBackupIds = (backups: Backup[]): string[] => backups.map((b) => b.BackupId!).sort();

/** The emulator's clock, in epoch seconds. */
export async function emulatorNow(url: string): Promise<number> {
  return Number((await admin(url, 'clock'))['now']);
}

export async function allClusters(client: CloudHSMV2Client): Promise<Cluster[]> {
  const out: Cluster[] = [];
  for await (const page of paginateDescribeClusters({ client, pageSize: 25 }, {})) out.push(...(page.Clusters ?? []));
  return out;
}

/** Every tag of the resource, read in pages of `pageSize` (small by default, so a listing spans pages). */
export async function listAllTags(client: CloudHSMV2Client, resourceId: string, pageSize = 7): Promise<Tag[]> {
  const tags: Tag[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await client.send(new ListTagsCommand({ ResourceId: resourceId, MaxResults: pageSize, NextToken: token }));
    tags.push(...(out.TagList ?? []));
    token = out.NextToken;
    if (!token) return tags;
  }
  throw new Error('ListTags did not finish within 100 pages');
}

export async function allBackups(client: CloudHSMV2Client, filters?: Record<string, string[]>): Promise<Backup[]> {
  const out: Backup[] = [];
  for await (const page of paginateDescribeBackups({ client, pageSize: 50 }, { Filters: filters })) out.push(...(page.Backups ?? []));
  return out;
}

/** The cluster as DescribeClusters lists it (undefined once it is gone). */
export async function describeCluster(client: CloudHSMV2Client, clusterId: string): Promise<Cluster | undefined> {
  const { Clusters } = await client.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
  return Clusters?.[0];
}

/** The cluster, which must be listed. */
export async function listedCluster(client: CloudHSMV2Client, clusterId: string): Promise<Cluster> {
  const found = await describeCluster(client, clusterId);
  if (!found) throw new Error(`cluster ${clusterId} is not listed`);
  return found;
}

/** The cluster in the test region, which must be listed. */
export const cluster = (env: Env, clusterId: string): Promise<Cluster> => listedCluster(env.client, clusterId);

export async function hsmOf(env: Env, clusterId: string, hsmId: string): Promise<Hsm | undefined> {
  return (await cluster(env, clusterId)).Hsms?.find((h) => h.HsmId === hsmId);
}

export async function describeBackup(client: CloudHSMV2Client, backupId: string): Promise<Backup | undefined> {
  return (await client.send(new DescribeBackupsCommand({ Filters: { backupIds: [backupId] } }))).Backups?.[0];
}

/** Everything a client can see in a region: used to prove that a refused request changed nothing. */
export async function snapshot(env: Env, region = TEST_REGION): Promise<{ clusters: Cluster[]; backups: Backup[] }> {
  const client = env.clientIn(region);
  return { clusters: await allClusters(client), backups: await allBackups(client) };
}

/**
 * Advances the emulator clock in `step`-second steps until `reached` holds. Returns the emulator seconds it
 * took and every distinct value `observe` returned on the way (to check which states a client could see).
 */
export async function advanceUntil(
  url: string,
  reached: () => Promise<boolean>,
  opts: { step?: number; limit?: number; observe?: () => Promise<string | undefined> } = {},
): Promise<{ elapsed: number; seen: string[] }> {
  const step = opts.step ?? 30;
  const limit = opts.limit ?? 6 * 3600;
  const seen: string[] = [];
  const look = async (): Promise<void> => {
    const value = await opts.observe?.();
    if (value !== undefined && seen[seen.length - 1] !== value) seen.push(value);
  };
  let elapsed = 0;
  await look();
  while (!(await reached())) {
    if (elapsed >= limit) throw new Error(`condition not reached within ${limit} emulator seconds (seen: ${seen.join(' → ')})`);
    await advanceClock(url, step);
    elapsed += step;
    await look();
  }
  return { elapsed, seen };
}

/** Advances the clock until no backup of the client's region is still being created. */
export async function settleBackups(env: Env, client = env.client): Promise<void> {
  await advanceUntil(env.url, async () => (await allBackups(client, { states: ['CREATE_IN_PROGRESS'] })).length === 0);
}
