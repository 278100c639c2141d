/**
 * Saving a new backup retention: ModifyCluster, then (when the cluster's backups were known) read them again
 * and count those that went to PENDING_DELETION, and say so on the page with a link to them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { accountLinkParams, backupKeys, useShownRegions, type BackupWithExtras, type BackupRetentionPolicy } from '../../../../aws';
import type { useModifyClusterMutation } from '../../../../aws/actions';
import { ClusterTabLink } from '../../initialize/ClusterTabLink';
import { formatRetention } from '../format';
import type { ShowNotice } from '../notice';
import { countNewlyPendingDeletion, readyBackupIds } from './retentionImpact';
import { useRefreshCluster } from '../useRefreshCluster';

/** The backup list showing the cluster's backups pending deletion (in its region only, of its account). */
export function pendingDeletionLink(
  region: string,
  clusterId: string,
  account?: string,
): { regions: string[]; params: Record<string, string> } {
  return { regions: [region], params: { region, cluster: clusterId, state: 'PENDING_DELETION', ...accountLinkParams(account) } };
}

function RetentionSavedNotice({
  region,
  account,
  clusterId,
  policy,
  count,
}: {
  region: string;
  account: string | undefined;
  clusterId: string;
  policy: BackupRetentionPolicy;
  count: number;
}) {
  const { linkTo } = useShownRegions();
  return (
    <>
      Backups of cluster <span className="font-mono">{clusterId}</span> are now kept for {formatRetention(policy)}.{' '}
      {count > 0 ? (
        <span data-testid="retention-purged">
          {count} {count === 1 ? 'backup' : 'backups'} went to pending deletion (<code>PENDING_DELETION</code>, restorable for 7 days):{' '}
          <Link to={linkTo('/backups', pendingDeletionLink(region, clusterId, account))} className="underline">
            see {count === 1 ? 'it' : 'them'} in the backup list
          </Link>
        </span>
      ) : (
        <>
          No backup was deleted.{' '}
          <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="overview" className="underline">
            See the overview
          </ClusterTabLink>
        </>
      )}
    </>
  );
}

export interface RetentionSaveOptions {
  region: string;
  /** The cluster's account (undefined: the base account). */
  account?: string | undefined;
  clusterId: string;
  mutation: ReturnType<typeof useModifyClusterMutation>;
  onClose: () => void;
  onNotice: ShowNotice;
}

export interface RetentionToSave {
  /** The validated number of days, as the API takes it. */
  value: string;
  /** The cluster's backups before the change, and whether that list is complete. */
  backups: readonly BackupWithExtras[];
  backupsKnown: boolean;
  /** How many the dialog said would go (used when they cannot be counted afterwards). */
  expected: number;
}

/** `save` sends the change; `finishing` is true while the backups are counted after it. */
export function useRetentionSave({ region, account, clusterId, mutation, onClose, onNotice }: RetentionSaveOptions) {
  const [finishing, setFinishing] = useState(false);
  const refresh = useRefreshCluster(region, clusterId, account);
  const where = { region, account };
  const queryClient = useQueryClient();

  const countPurged = async (readyBefore: ReadonlySet<string>): Promise<number | null> => {
    try {
      await queryClient.invalidateQueries({ queryKey: backupKeys.lists(where) });
      const now = queryClient.getQueryData<BackupWithExtras[]>(backupKeys.list(where, { clusterIds: [clusterId] }));
      return now ? countNewlyPendingDeletion(readyBefore, now) : null;
    } catch {
      return null;
    }
  };

  /** After the save: count what went (when it can be known), close the dialog, say what happened. */
  const finish = async (
    value: string,
    policy: BackupRetentionPolicy | undefined,
    readyBefore: ReadonlySet<string>,
    known: boolean,
    expected: number,
  ) => {
    setFinishing(true);
    const went = known ? await countPurged(readyBefore) : null;
    setFinishing(false);
    onClose();
    onNotice(
      <RetentionSavedNotice
        region={region}
        account={account}
        clusterId={clusterId}
        policy={policy ?? { Type: 'DAYS', Value: value }}
        count={went ?? expected}
      />,
    );
  };

  const save = ({ value, backups, backupsKnown, expected }: RetentionToSave) => {
    const readyBefore = readyBackupIds(backups, clusterId);
    mutation.mutate(
      { ClusterId: clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: value } },
      { onError: refresh, onSuccess: (updated) => void finish(value, updated?.BackupRetentionPolicy, readyBefore, backupsKnown, expected) },
    );
  };
  return { save, finishing };
}
