/**
 * The two look-ups behind a copy's guardrails, made when the copy is asked for (not for every row shown):
 *  - does the cluster already have a backup in the destination? One page of DescribeBackups there with the
 *    `clusterIds` filter: a copy keeps its source's ClusterId (the emulator does so, cloudhsm-api.md §2.12 says
 *    AWS most likely does; were it not so, every copy would ask, the safe side). Newest first, so a live copy is
 *    on the first page unless that page is all deleted ones.
 *  - the backup's and its cluster's tags (ListTags), for the residency tag.
 * Both go through the query cache (a second click asks nothing; a copy or a tag change invalidates them), with
 * react-query's signal.
 */
import type { QueryClient } from '@tanstack/react-query';
import { AwsRequestError, type AwsSettings, type Tag } from '../../../../../aws';
import { backupQueries } from '../../../../../aws/queries/backups';
import { tagQueries } from '../../../../../aws/queries/tags';
import { nameTagOf } from '../../../../../cloudhsm/names';
import { residencyBlocks, type ResidencySubject } from '../../../../../cloudhsm/residency';
import { holdsLiveBackup, type CopyFacts, type CopySource } from './copyChecks';

/** How long a look-up's answer is reused without asking again. */
const FRESH_MS = 30_000;
const PAGE = 10;

async function hasCopiesIn(
  queryClient: QueryClient,
  settings: AwsSettings,
  source: CopySource,
  destination: string,
): Promise<boolean | null> {
  if (!source.clusterId) return null;
  try {
    const data = await queryClient.fetchInfiniteQuery({
      ...backupQueries.infinite(settings, { region: destination, account: source.account }, { clusterIds: [source.clusterId] }, PAGE),
      staleTime: FRESH_MS,
    });
    return holdsLiveBackup(data.pages[0]?.backups ?? []) ? true : data.pages[0]?.nextToken ? null : false;
  } catch {
    return null;
  }
}

type TagsRead = { tags: Tag[] } | { gone: true } | { error: string };

async function readTags(
  queryClient: QueryClient,
  settings: AwsSettings,
  where: { region: string; account?: string | undefined },
  id: string,
): Promise<TagsRead> {
  try {
    return { tags: await queryClient.fetchQuery({ ...tagQueries.of(settings, where, id), staleTime: FRESH_MS }) };
  } catch (error) {
    // A deleted cluster has no tags to keep its backups anywhere.
    if (error instanceof AwsRequestError && error.info.code === 'CloudHsmResourceNotFoundException') return { gone: true };
    return { error: error instanceof AwsRequestError ? `${error.info.code}: ${error.info.message}` : String(error) };
  }
}

export async function fetchCopyFacts(
  queryClient: QueryClient,
  settings: AwsSettings,
  source: CopySource,
  destination: string,
  residencyTagKey: string,
): Promise<CopyFacts> {
  const { clusterId } = source;
  const [hasCopies, backupTags, clusterTags] = await Promise.all([
    hasCopiesIn(queryClient, settings, source, destination),
    readTags(queryClient, settings, { region: source.region, account: source.account }, source.backupId),
    clusterId
      ? readTags(queryClient, settings, { region: source.clusterRegion, account: source.account }, clusterId)
      : Promise.resolve<TagsRead>({ gone: true }),
  ]);
  const subjects: ResidencySubject[] = [];
  const unreadable: string[] = [];
  if ('tags' in backupTags) subjects.push({ kind: 'backup', id: source.backupId, tags: backupTags.tags });
  else if ('error' in backupTags) unreadable.push(`the tags of backup ${source.backupId} (${backupTags.error})`);
  if ('tags' in clusterTags) subjects.push({ kind: 'cluster', id: clusterId ?? '', tags: clusterTags.tags });
  else if ('error' in clusterTags) unreadable.push(`the tags of cluster ${clusterId ?? ''} (${clusterTags.error})`);
  return {
    source,
    destination,
    hasCopies,
    clusterName: 'tags' in clusterTags ? nameTagOf(clusterTags.tags) : undefined,
    residency: residencyBlocks(subjects, destination, residencyTagKey),
    unreadable,
  };
}
