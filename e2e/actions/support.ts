/**
 * Shared by the action journeys: a CloudHSM client that checks outcomes through the API (the same local
 * server the page uses, like any AWS client would), and small helpers that wait for the emulator to settle.
 */
import { expect, type Page } from '@playwright/test';
import {
  DescribeBackupsCommand,
  DescribeClustersCommand,
  ListTagsCommand,
  type Backup,
  type Cluster,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import type { NetworkInfo, NetworkSubnet } from '../../src/aws/actions';
import { createCloudHsmClients, type CloudHsmClients } from '../../src/aws/clients';

const PORT = Number(process.env.E2E_PORT ?? 8399) + 1;
export const ACTIONS_BASE_URL = `http://127.0.0.1:${PORT}`;

let clients: CloudHsmClients | undefined;
export const api = (region: string) => (clients ??= createCloudHsmClients({ baseUrl: ACTIONS_BASE_URL, maxAttempts: 1 })).forRegion(region);

export async function describeCluster(region: string, clusterId: string): Promise<Cluster | undefined> {
  const out = await api(region).send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
  return out.Clusters?.[0];
}

export async function describeBackups(region: string, filters: Record<string, string[]>): Promise<Backup[]> {
  const all: Backup[] = [];
  let NextToken: string | undefined;
  do {
    const out = await api(region).send(new DescribeBackupsCommand({ Filters: filters, NextToken }));
    all.push(...(out.Backups ?? []));
    NextToken = out.NextToken;
  } while (NextToken);
  return all;
}

export async function listTags(region: string, resourceId: string): Promise<Tag[]> {
  const out = await api(region).send(new ListTagsCommand({ ResourceId: resourceId }));
  return out.TagList ?? [];
}

/** Waits (polling the API) until `read` returns a value `done` accepts; returns that value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  let last: T | undefined;
  await expect
    .poll(
      async () => {
        last = await read();
        return done(last);
      },
      { timeout: timeoutMs },
    )
    .toBe(true);
  return last as T;
}

/** A page on the actions server; `path` may carry a query. */
export async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
}

/** The region's network as the create form sees it (GET /api/network); fails the test if it is not listed. */
export async function networkOf(region: string): Promise<Extract<NetworkInfo, { available: true }>> {
  const info = (await (await fetch(`${ACTIONS_BASE_URL}/api/network?region=${region}`)).json()) as NetworkInfo;
  if (!info.available) throw new Error(`network of ${region} not available: ${info.reason}`);
  return info;
}

/** The seeded "hsm" VPC's subnets (10.0.x.0/24), one per AZ, sorted by AZ. */
export async function hsmSubnets(region: string): Promise<NetworkSubnet[]> {
  const info = await networkOf(region);
  const vpc = info.vpcs.find((v) => v.CidrBlock === '10.0.0.0/16')!;
  return info.subnets.filter((s) => s.VpcId === vpc.VpcId).sort((a, b) => a.AvailabilityZone.localeCompare(b.AvailabilityZone));
}

/**
 * The id of the demo cluster pki-root-ca's `index`-th READY, expiring backup (us-east-1). Specs take distinct
 * indexes so that none changes a backup another one uses.
 */
export async function pkiBackup(index: number): Promise<string> {
  const clusters = await api('us-east-1').send(new DescribeClustersCommand({}));
  const pki = clusters.Clusters?.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === 'pki-root-ca'));
  if (!pki?.ClusterId) throw new Error('no pki-root-ca cluster in us-east-1');
  const ready = await describeBackups('us-east-1', { clusterIds: [pki.ClusterId], states: ['READY'], neverExpires: ['false'] });
  const backup = ready[index];
  if (!backup?.BackupId) throw new Error(`pki-root-ca has no READY backup #${index}`);
  return backup.BackupId;
}
