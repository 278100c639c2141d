import { CALENDAR_SECONDS, secondsAfter, WORK_SECONDS } from '../clock';
import type { EmulatorConfig, OperationContext } from '../context';
import { EmulatorError, invalidRequest, notFound } from '../errors';
import { newResourceId } from '../ids';
import type { RegionState, Store } from '../store';
import type { BackupRecord, ClusterRecord, Tag } from '../types';

export function findCluster(state: RegionState, clusterId: string): ClusterRecord {
  const cluster = state.clusters.get(clusterId);
  if (!cluster) throw notFound(`Cluster ${clusterId} was not found in ${state.region}.`);
  return cluster;
}

export function findBackup(state: RegionState, backupId: string): BackupRecord {
  const backup = state.backups.get(backupId);
  if (!backup) throw notFound(`Backup ${backupId} was not found in ${state.region}.`);
  return backup;
}

/**
 * Takes a service backup of a cluster at time `at` (the service makes these; users cannot ask for one).
 * It is READY once the backup work is done, which may already be the case when `at` lies in the past.
 */
export function takeBackup(
  store: Store,
  state: RegionState,
  config: EmulatorConfig,
  cluster: ClusterRecord,
  at: number,
  now: number,
): BackupRecord {
  const readyAt = secondsAfter(at, WORK_SECONDS.backupCreate / config.speed);
  const backup: BackupRecord = {
    BackupId: newResourceId('backup'),
    ClusterId: cluster.ClusterId,
    CreateTimestamp: at,
    BackupState: readyAt <= now ? 'READY' : 'CREATE_IN_PROGRESS',
    NeverExpires: false,
    HsmType: cluster.HsmType,
    Mode: cluster.Mode,
    Tags: [],
  };
  if (backup.BackupState === 'CREATE_IN_PROGRESS') backup._dueAt = readyAt;
  if (cluster.Certificates.ClusterCertificate) backup._clusterCertificate = cluster.Certificates.ClusterCertificate;
  store.putBackup(state, backup);
  cluster._nextDailyBackupAt = secondsAfter(at, CALENDAR_SECONDS.periodicBackup);
  store.putCluster(state, cluster);
  return backup;
}

/** An event-triggered backup (activation, HSM added or removed) of an active cluster. */
export function takeEventBackup(ctx: OperationContext, cluster: ClusterRecord): void {
  takeBackup(ctx.store, ctx.state, ctx.config, cluster, ctx.now, ctx.now);
  ctx.scheduleChanged();
}

const RESERVED_PREFIX = 'aws:';

/** Tag keys starting with `aws:` belong to AWS. */
export function rejectReservedKeys(keys: readonly string[]): void {
  const reserved = keys.filter((k) => k.toLowerCase().startsWith(RESERVED_PREFIX));
  if (reserved.length > 0) {
    throw new EmulatorError('CloudHsmTagException', `Tag keys starting with "aws:" are reserved for AWS use: ${reserved.join(', ')}.`);
  }
}

export function rejectDuplicateKeys(tags: readonly Tag[]): void {
  const seen = new Set<string>();
  for (const { Key } of tags) {
    if (seen.has(Key)) throw invalidRequest(`Tag key "${Key}" appears more than once in TagList.`);
    seen.add(Key);
  }
}

export const MAX_TAGS = 50;

/** Tags after adding/overwriting `incoming`, in first-set order. */
export function mergeTags(existing: readonly Tag[], incoming: readonly Tag[]): Tag[] {
  const merged = new Map(existing.map((t) => [t.Key, t.Value]));
  for (const t of incoming) merged.set(t.Key, t.Value);
  return [...merged].map(([Key, Value]) => ({ Key, Value }));
}

export function validateNewTags(tags: readonly Tag[] | undefined): Tag[] {
  if (!tags) return [];
  rejectDuplicateKeys(tags);
  rejectReservedKeys(tags.map((t) => t.Key));
  return tags.map((t) => ({ Key: t.Key, Value: t.Value }));
}
