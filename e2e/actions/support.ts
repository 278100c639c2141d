/**
 * Shared by the action journeys: a CloudHSM client that checks outcomes through the API (the same local
 * server the page uses, like any AWS client would), and small helpers that wait for the emulator to settle.
 */
import { expect, type Page } from '@playwright/test';
import { DescribeBackupsCommand, DescribeClustersCommand, ListTagsCommand, type Backup, type Cluster, type Tag } from '@aws-sdk/client-cloudhsm-v2';
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
