/**
 * The create form's prefill from the chosen backup's source cluster: the backup (by id, so a large account's
 * backup list need not arrive first), its cluster (in the source region for a copy) and that cluster's tags.
 * A backup another account shares prefills from itself only (its cluster, VPC and subnets are that
 * account's). Applied once per backup, to the fields the person has not changed; what it says is the form's note.
 */
import { useMemo, useState } from 'react';
import { useBackupQuery, useClusterQuery, useTagsQuery } from '../../../../aws';
import type { CreateClusterFormValues } from '../formValues';
import { backupCluster } from '../../../../cloudhsm/backupCluster';
import type { SourceBackup } from '../sourceBackupRef';
import { applyPrefill, prefillFromSharedBackup, prefillFromSource, type PrefillGroup, type SourcePrefill } from './sourcePrefill';

export type PrefillStatus =
  /** No backup chosen, or one this region does not have (the backup field says so). */
  | { kind: 'none' }
  /** `shared`: another account's backup is being looked up among those shared with this one. */
  | { kind: 'loading'; shared?: boolean }
  /** The source cluster was deleted: only the backup is taken. */
  | { kind: 'gone'; clusterId: string; region: string }
  /** The source cluster could not be looked up. */
  | { kind: 'failed'; clusterId: string; message: string }
  | { kind: 'prefilled'; prefill: SourcePrefill; applied: readonly PrefillGroup[]; tagsUnread: boolean }
  /** Another account's backup, found among those shared with this one: what it gave. */
  | { kind: 'shared'; owner: string; prefill: SourcePrefill; applied: readonly PrefillGroup[] };

/** Where the form's source backup is: this account's (by id), or one another account shares (looked up). */
export interface SourceLookup {
  ownBackupId?: string;
  /** The shared backup once found (its owner and the backup as DescribeBackups(Shared) gives it). */
  shared?: { owner: string; backup: SourceBackup };
  /** A shared backup's lookup is still under way. */
  sharedPending?: boolean;
}

type Edited = ReadonlySet<keyof CreateClusterFormValues>;

export function useSourcePrefill(
  values: CreateClusterFormValues,
  edited: Edited,
  setValues: (update: (current: CreateClusterFormValues) => CreateClusterFormValues) => void,
  lookup: SourceLookup,
): PrefillStatus {
  const { region, sourceBackupId } = values;
  const { shared } = lookup;
  // An ARN is never looked up as an id.
  const backup = useBackupQuery(region, lookup.ownBackupId || undefined);
  const source = backup.data ? backupCluster(backup.data, region) : undefined;
  const sourceRegion = source?.region ?? region;
  const cluster = useClusterQuery(sourceRegion, source?.clusterId);
  const live = cluster.data && cluster.data.State !== 'DELETED' ? cluster.data : undefined;
  const tags = useTagsQuery(sourceRegion, live?.ClusterId);

  const prefill = useMemo(
    () =>
      shared
        ? prefillFromSharedBackup(shared.backup, shared.owner)
        : live && !tags.isPending
          ? prefillFromSource(live, tags.data, sourceRegion === region)
          : undefined,
    [shared, live, tags.isPending, tags.data, sourceRegion, region],
  );

  // Once per backup, while rendering (like the mode a backup imposes): the fields fill in with the note, and
  // a later refresh of the source cluster never overwrites what is on the form.
  const key = `${region}/${sourceBackupId}`;
  const [done, setDone] = useState<{ key: string; applied: readonly PrefillGroup[] } | null>(null);
  if (prefill && done?.key !== key) {
    const { applied } = applyPrefill(values, prefill, edited);
    setDone({ key, applied });
    setValues((current) => applyPrefill(current, prefill, edited).values);
  }

  if (!sourceBackupId) return { kind: 'none' };
  if (shared)
    return prefill && done?.key === key ? { kind: 'shared', owner: shared.owner, prefill, applied: done.applied } : { kind: 'loading' };
  if (lookup.sharedPending) return { kind: 'loading' };
  if (!lookup.ownBackupId) return { kind: 'none' };
  if (backup.isPending) return { kind: 'loading' };
  if (!source) return { kind: 'none' };
  if (cluster.isPending) return { kind: 'loading' };
  if (cluster.error) return { kind: 'failed', clusterId: source.clusterId, message: cluster.error.message };
  if (!live) return { kind: 'gone', clusterId: source.clusterId, region: sourceRegion };
  if (!prefill || done?.key !== key) return { kind: 'loading' };
  return { kind: 'prefilled', prefill, applied: done.applied, tagsUnread: tags.isError };
}
