/**
 * Backups other accounts share with a shown account: DescribeBackups with `Shared: true`, one query per
 * (account, region), newest first, page by page (NextToken) up to a bound, like the other whole-list reads
 * (a default view must not read a whole history by itself). Each row carries its owner, read from the
 * backup's ARN (the caller's account is not the owner of a shared backup).
 *
 * SDK 3.332's DescribeBackupsRequest lacks `Shared` (model 2024-06); its serializer copies every input
 * member to the wire, so only the type needs the cast below (as extensions/inputs.ts does for others).
 */
import { DescribeBackupsCommand, type CloudHSMV2Client, type DescribeBackupsRequest } from '@aws-sdk/client-cloudhsm-v2';
import { queryOptions, useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { parseBackupArn } from '../../cloudhsm/ids';
import { useAwsSettings, type AwsSettings } from '../context';
import { errorContext, withAwsErrors, type AwsRequestError } from '../errors';
import type { BackupWithExtras } from '../extensions/extras';
import { backupKeys, type Where } from '../keys';
import { combineFanOut, type FanOutPart, type FanOutResult } from './fanOut';
import { PAGE_LIMITS } from './fetchers';

/** At most this many shared backups are read per account and region (the newest). */
export const SHARED_BACKUPS_LIMIT = 500;

/** DescribeBackups as of the 2024-06 model: adds `Shared`. */
interface SharedDescribeBackupsInput extends DescribeBackupsRequest {
  Shared: true;
}

export interface SharedBackupsRead {
  backups: BackupWithExtras[];
  /** The read stopped at its bound with more to read. */
  truncated: boolean;
}

/** The shared backups of one region, newest first, every page up to `limit`. */
export async function describeSharedBackups(
  client: CloudHSMV2Client,
  limit: number = SHARED_BACKUPS_LIMIT,
  signal?: AbortSignal,
): Promise<SharedBackupsRead> {
  const backups: BackupWithExtras[] = [];
  let nextToken: string | undefined;
  do {
    const input: SharedDescribeBackupsInput = {
      Shared: true,
      SortAscending: false,
      MaxResults: Math.min(PAGE_LIMITS.backups, limit - backups.length),
      ...(nextToken && { NextToken: nextToken }),
    };
    const output = await client.send(new DescribeBackupsCommand(input), signal ? { abortSignal: signal } : {});
    backups.push(...((output.Backups ?? []) as BackupWithExtras[]));
    // Like the SDK's paginators: a missing or empty token ends the list.
    nextToken = output.NextToken || undefined;
  } while (nextToken && backups.length < limit);
  return { backups, truncated: nextToken !== undefined };
}

/** Under the region's backups, so what refreshes a region's backups refreshes this too. */
export const sharedBackupsKey = (part: FanOutPart, limit: number) => [...backupKeys.region(whereOf(part)), 'shared', limit] as const;

const whereOf = (part: FanOutPart): Where => (part.account ? { region: part.region, account: part.account } : part.region);

export const sharedBackupQueries = {
  of: ({ clients }: AwsSettings, part: FanOutPart, limit: number = SHARED_BACKUPS_LIMIT) =>
    queryOptions<SharedBackupsRead, AwsRequestError>({
      queryKey: sharedBackupsKey(part, limit),
      queryFn: ({ signal }) =>
        withAwsErrors(errorContext('DescribeBackups', whereOf(part)), () =>
          describeSharedBackups(clients.forRegion(part.region, part.account), limit, signal),
        ),
    }),
};

export interface SharedBackup {
  /** Where it was listed: the region and the shown account it is shared with (undefined: the base account). */
  region: string;
  account?: string;
  /** The account that owns it (from its ARN), when the ARN says. */
  owner: string | undefined;
  backup: BackupWithExtras;
}

export interface SharedBackupsResult extends FanOutResult<SharedBackup> {
  /** The parts that stopped at the bound with more shared backups to read. */
  truncated: FanOutPart[];
}

const createdAt = (row: SharedBackup): number => new Date(row.backup.CreateTimestamp ?? 0).getTime();

/** The backups shared with each shown account in each shown region, newest first across them. */
export function useSharedBackupsQuery(
  regions: readonly string[],
  accounts: readonly (string | undefined)[] = [undefined],
  limit: number = SHARED_BACKUPS_LIMIT,
): SharedBackupsResult {
  const settings = useAwsSettings();
  const partsKey = JSON.stringify([regions, accounts]);
  const parts = useMemo(
    () => accounts.flatMap((account) => regions.map((region): FanOutPart => (account ? { region, account } : { region }))),
    // Keyed on the values: callers may pass new arrays each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [partsKey],
  );
  const combine = useCallback(
    (results: UseQueryResult<SharedBackupsRead, AwsRequestError>[]): SharedBackupsResult => {
      // The combined rows are of the backups; truncation is said per part.
      const lists = results.map((result) => ({ ...result, data: result.data?.backups }) as UseQueryResult<BackupWithExtras[]>);
      const combined = combineFanOut(parts, lists, 'DescribeBackups', (part, backup): SharedBackup => ({
        ...part,
        owner: parseBackupArn(backup.BackupArn)?.account,
        backup,
      }));
      return {
        ...combined,
        rows: combined.rows.sort((a, b) => createdAt(b) - createdAt(a)),
        truncated: parts.filter((_, i) => results[i]?.data?.truncated),
      };
    },
    [parts],
  );
  return useQueries({ queries: parts.map((part) => sharedBackupQueries.of(settings, part, limit)), combine });
}
