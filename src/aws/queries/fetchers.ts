/**
 * The AWS calls behind the query hooks, as plain async functions of a client: every page through the SDK's
 * paginators, one page for infinite lists, one resource by id. Results carry the recovered extras. Each takes
 * react-query's `signal` and hands it to the SDK (`abortSignal`), so leaving a view cancels its requests.
 */
import {
  DescribeBackupsCommand,
  DescribeClustersCommand,
  paginateDescribeBackups,
  paginateDescribeClusters,
  paginateListTags,
  type CloudHSMV2Client,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import type { BackupWithExtras, ClusterWithExtras } from '../extensions/extras';
import { GetResourcePolicyCommand, sendResourcePolicyCommand } from '../extensions/resourcePolicyCommands';
import { normalizeFilters, type BackupFilters, type ClusterFilters, type NormalizedFilters } from '../keys';

/** Service maxima per page (DescribeClusters 25, DescribeBackups 50, ListTags 100). */
export const PAGE_LIMITS = { clusters: 25, backups: 50, tags: 100 } as const;

// The dropped-members extension is installed on every client (clients.ts), so the SDK's outputs carry the
// extras at runtime; these casts only tell TypeScript so.
const withClusterExtras = (clusters: readonly object[] | undefined): ClusterWithExtras[] => (clusters ?? []) as ClusterWithExtras[];
const withBackupExtras = (backups: readonly object[] | undefined): BackupWithExtras[] => (backups ?? []) as BackupWithExtras[];

/** What the SDK's `send` takes besides the command: the signal that cancels the request. */
const sendOptions = (signal: AbortSignal | undefined): { abortSignal?: AbortSignal } => (signal ? { abortSignal: signal } : {});

/** Every item of every page a paginator yields (the SDK asks for the next page while there is a token). */
async function allPages<Page, Item>(pages: AsyncIterable<Page>, itemsOf: (page: Page) => readonly Item[] | undefined): Promise<Item[]> {
  const all: Item[] = [];
  for await (const page of pages) all.push(...(itemsOf(page) ?? []));
  return all;
}

/** Every resource (all pages) matching the filters, `pageSize` a page. */
export type DescribeAll<Filters, Item> = (
  client: CloudHSMV2Client,
  filters?: Filters,
  pageSize?: number,
  signal?: AbortSignal,
) => Promise<Item[]>;

/** Filters of any resource, as normalizeFilters takes them. */
type FilterValues = NonNullable<Parameters<typeof normalizeFilters>[0]>;

/** A DescribeClusters/DescribeBackups paginator, as `describingAll` calls it. */
type FilteredPaginator<Page> = (
  config: { client: CloudHSMV2Client; pageSize: number },
  input: { Filters: NormalizedFilters },
  options: { abortSignal?: AbortSignal },
) => AsyncIterable<Page>;

/** The all-pages fetcher of a filtered Describe operation. */
function describingAll<Page, Item>(
  paginate: FilteredPaginator<Page>,
  itemsOf: (page: Page) => readonly Item[],
  defaultPageSize: number,
): DescribeAll<FilterValues, Item> {
  return (client, filters, pageSize = defaultPageSize, signal) =>
    allPages(paginate({ client, pageSize }, { Filters: normalizeFilters(filters) }, sendOptions(signal)), itemsOf);
}

export const describeAllClusters: DescribeAll<ClusterFilters, ClusterWithExtras> = describingAll(
  paginateDescribeClusters,
  (page) => withClusterExtras(page.Clusters),
  PAGE_LIMITS.clusters,
);

export const describeAllBackups: DescribeAll<BackupFilters, BackupWithExtras> = describingAll(
  paginateDescribeBackups,
  (page) => withBackupExtras(page.Backups),
  PAGE_LIMITS.backups,
);

export async function describeCluster(
  client: CloudHSMV2Client,
  clusterId: string,
  signal?: AbortSignal,
): Promise<ClusterWithExtras | null> {
  const output = await client.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }), sendOptions(signal));
  return withClusterExtras(output.Clusters).find((c) => c.ClusterId === clusterId) ?? null;
}

export interface BackupPage {
  backups: BackupWithExtras[];
  /** Absent on the last page. */
  nextToken?: string;
}

/** One page; `sortAscending: false` asks for the newest first (the windowed queries rely on that order). */
export async function describeBackupsPage(
  client: CloudHSMV2Client,
  filters: BackupFilters,
  pageSize: number,
  nextToken: string | undefined,
  signal?: AbortSignal,
  sortAscending?: boolean,
): Promise<BackupPage> {
  const output = await client.send(
    new DescribeBackupsCommand({
      Filters: normalizeFilters(filters),
      MaxResults: pageSize,
      NextToken: nextToken,
      ...(sortAscending !== undefined && { SortAscending: sortAscending }),
    }),
    sendOptions(signal),
  );
  // Like the SDK's paginators: a missing or empty token ends the list.
  return output.NextToken
    ? { backups: withBackupExtras(output.Backups), nextToken: output.NextToken }
    : { backups: withBackupExtras(output.Backups) };
}

/** The backups with these ids (those that still exist), every page. */
export async function describeBackupsByIds(
  client: CloudHSMV2Client,
  backupIds: readonly string[],
  signal?: AbortSignal,
): Promise<BackupWithExtras[]> {
  return describeAllBackups(client, { backupIds }, PAGE_LIMITS.backups, signal);
}

export async function describeBackup(client: CloudHSMV2Client, backupId: string, signal?: AbortSignal): Promise<BackupWithExtras | null> {
  const output = await client.send(new DescribeBackupsCommand({ Filters: { backupIds: [backupId] } }), sendOptions(signal));
  return withBackupExtras(output.Backups).find((b) => b.BackupId === backupId) ?? null;
}

export const listAllTags = (
  client: CloudHSMV2Client,
  resourceId: string,
  pageSize: number = PAGE_LIMITS.tags,
  signal?: AbortSignal,
): Promise<Tag[]> =>
  allPages(paginateListTags({ client, pageSize }, { ResourceId: resourceId }, sendOptions(signal)), (page) => page.TagList);

/** The policy document of a resource, or null when it has none. */
export async function getResourcePolicy(client: CloudHSMV2Client, resourceArn: string, signal?: AbortSignal): Promise<string | null> {
  const output = await sendResourcePolicyCommand(client, new GetResourcePolicyCommand({ ResourceArn: resourceArn }), sendOptions(signal));
  return output.Policy ?? null;
}
