/**
 * Scheduled transitions: work finishing (*_IN_PROGRESS → next state), calendar events (daily backups,
 * the retention policy, the 7-day purge, deleted resources dropping out of listings).
 *
 * `advance` is called before every request and by a timer; it returns the earliest time anything is due
 * next, so callers skip the scan until then.
 */
import { CALENDAR_SECONDS, DAY } from './clock';
import { DEFAULT_RETENTION_DAYS } from './operations/clusters';
import type { EmulatorConfig } from './context';
import { newEc2Id } from './ids';
import { takeBackup } from './operations/common';
import type { RegionState, Store } from './store';
import type { BackupRecord, ClusterRecord } from './types';

/** Backups a long clock jump would make, per cluster, at most (a year of dailies). */
const MAX_CATCH_UP_BACKUPS = 400;

const round = (t: number): number => Math.round(t * 1000) / 1000;

/**
 * `previous` is when `advance` last ran (-Infinity if never): a backup whose retention ran out after that
 * was purged when it ran out (the clock may have jumped past it); one that ran out before but was exempt
 * until now (retention shortened, NeverExpires cleared) is purged now.
 */
export function advance(store: Store, config: EmulatorConfig, now: number, previous = Number.NEGATIVE_INFINITY): number {
  let next = Number.POSITIVE_INFINITY;
  const due = (t: number | undefined): void => {
    if (t !== undefined && t < next) next = t;
  };
  for (const state of [...store.allRegions()]) {
    for (const cluster of [...state.clusters.values()]) advanceCluster(store, state, config, cluster, now, due);
    // Backups that finished meanwhile are READY before the retention policy looks at them.
    for (const backup of state.backups.values()) finishCreation(store, state, backup, now);
    applyRetention(store, state, now, previous, due);
    for (const backup of [...state.backups.values()]) advanceBackup(store, state, backup, now, due);
  }
  return next;
}

function advanceCluster(
  store: Store,
  state: RegionState,
  config: EmulatorConfig,
  cluster: ClusterRecord,
  now: number,
  due: (t: number | undefined) => void,
): void {
  let changed = false;
  if (cluster._dueAt !== undefined && cluster._dueAt <= now) {
    const at = cluster._dueAt;
    delete cluster._dueAt;
    changed = true;
    switch (cluster.State) {
      case 'CREATE_IN_PROGRESS':
        // The service creates the cluster's security group while the cluster is being created.
        cluster.SecurityGroup ??= newEc2Id('sg');
        if (cluster.SourceBackupId) {
          // A cluster restored from a backup skips initialization: it is ACTIVE with the backup's certificate.
          cluster.State = 'ACTIVE';
          if (cluster._restoredClusterCertificate) cluster.Certificates = { ClusterCertificate: cluster._restoredClusterCertificate };
          delete cluster._restoredClusterCertificate;
        } else cluster.State = 'UNINITIALIZED';
        delete cluster.StateMessage;
        break;
      case 'INITIALIZE_IN_PROGRESS':
        cluster.State = 'INITIALIZED';
        cluster.StateMessage = 'Cluster is initialized. Activate it with the CloudHSM CLI (cluster activate).';
        // After initialization the cluster shows only the customer-signed certificate.
        cluster.Certificates = cluster._pendingClusterCertificate ? { ClusterCertificate: cluster._pendingClusterCertificate } : {};
        delete cluster._pendingClusterCertificate;
        break;
      case 'DELETE_IN_PROGRESS':
        cluster.State = 'DELETED';
        cluster.StateMessage = 'The cluster has been deleted.';
        cluster._forgetAt = round(at + CALENDAR_SECONDS.forgetDeleted);
        break;
      case 'MODIFY_IN_PROGRESS':
      case 'ROLLBACK_IN_PROGRESS':
        for (const hsm of cluster.Hsms) hsm.HsmType = cluster.HsmType;
        cluster.State = 'ACTIVE';
        delete cluster.StateMessage;
        // A migration backs the cluster up before replacing each HSM; one backup stands for them here.
        if (cluster.Hsms.length > 0) takeBackup(store, state, config, cluster, at, now);
        break;
      default:
        break;
    }
  }
  if (cluster.State === 'DELETED' && cluster._forgetAt !== undefined && cluster._forgetAt <= now) {
    // Its backups outlive it and stay under its last retention policy.
    for (const backup of state.backups.values()) {
      if (backup.ClusterId === cluster.ClusterId && backup.SourceRegion === undefined) {
        backup._retentionDays = cluster.RetentionDays;
        store.putBackup(state, backup);
      }
    }
    store.removeCluster(state, cluster.ClusterId);
    return;
  }

  for (const hsm of [...cluster.Hsms]) {
    if (hsm._dueAt === undefined || hsm._dueAt > now) continue;
    const at = hsm._dueAt;
    delete hsm._dueAt;
    changed = true;
    if (hsm.State === 'CREATE_IN_PROGRESS') {
      hsm.State = 'ACTIVE';
      hsm.StateMessage = 'HSM created.';
      if (cluster._pendingCertificates) {
        // The first HSM is up: the cluster now has a CSR and the hardware certificates.
        if (cluster.State === 'UNINITIALIZED') cluster.Certificates = { ...cluster._pendingCertificates };
        delete cluster._pendingCertificates;
      }
      // Adding an HSM to an active cluster triggers a backup (the new HSM is restored from the latest one).
      if (cluster.State === 'ACTIVE' || cluster.State === 'DEGRADED') takeBackup(store, state, config, cluster, at, now);
    } else if (hsm.State === 'DELETE_IN_PROGRESS') {
      cluster.Hsms = cluster.Hsms.filter((h) => h !== hsm);
    }
  }

  // Periodic backups: at least one every 24 hours while an active cluster has HSMs.
  const backedUp =
    (cluster.State === 'ACTIVE' || cluster.State === 'DEGRADED') &&
    cluster.Hsms.some((h) => h.State === 'ACTIVE' || h.State === 'DEGRADED');
  if (backedUp) {
    if (cluster._nextDailyBackupAt === undefined) {
      cluster._nextDailyBackupAt = round(now + CALENDAR_SECONDS.periodicBackup);
      changed = true;
    }
    let made = 0;
    // After a long clock jump, take the backups that would have been taken meanwhile (bounded).
    if (now - cluster._nextDailyBackupAt > MAX_CATCH_UP_BACKUPS * DAY) {
      cluster._nextDailyBackupAt = round(now - MAX_CATCH_UP_BACKUPS * DAY);
    }
    while (cluster._nextDailyBackupAt <= now && made < MAX_CATCH_UP_BACKUPS + 1) {
      takeBackup(store, state, config, cluster, cluster._nextDailyBackupAt, now);
      made++;
      changed = true;
    }
    due(cluster._nextDailyBackupAt);
  }
  if (changed) store.putCluster(state, cluster);
  due(cluster._dueAt);
  for (const hsm of cluster.Hsms) due(hsm._dueAt);
  if (cluster.State === 'DELETED') due(cluster._forgetAt);
}

/**
 * The retention policy: READY backups older than their cluster's retention move to PENDING_DELETION,
 * except NeverExpires backups, copies (they have no retention policy) and the cluster's newest backup.
 */
function applyRetention(store: Store, state: RegionState, now: number, previous: number, due: (t: number | undefined) => void): void {
  const newestByCluster = new Map<string, BackupRecord>();
  for (const backup of state.backups.values()) {
    if (backup.SourceRegion !== undefined || backup.BackupState !== 'READY') continue;
    const newest = newestByCluster.get(backup.ClusterId);
    if (!newest || backup.CreateTimestamp > newest.CreateTimestamp) newestByCluster.set(backup.ClusterId, backup);
  }
  for (const backup of state.backups.values()) {
    if (backup.BackupState !== 'READY' || backup.NeverExpires || backup.SourceRegion !== undefined) continue;
    const days = state.clusters.get(backup.ClusterId)?.RetentionDays ?? backup._retentionDays ?? DEFAULT_RETENTION_DAYS;
    const expiresAt = round(backup.CreateTimestamp + days * DAY);
    if (expiresAt > now) {
      due(expiresAt);
      continue;
    }
    if (newestByCluster.get(backup.ClusterId) === backup) continue;
    if (backup._retentionGraceUntil !== undefined && backup._retentionGraceUntil > now) {
      due(backup._retentionGraceUntil);
      continue;
    }
    delete backup._retentionGraceUntil;
    backup.BackupState = 'PENDING_DELETION';
    // Either way the backup stays restorable for the full purge period from when it was purged.
    const purgedAt = expiresAt > previous ? expiresAt : now;
    backup.DeleteTimestamp = round(purgedAt + CALENDAR_SECONDS.backupPurge);
    store.putBackup(state, backup);
  }
}

function finishCreation(store: Store, state: RegionState, backup: BackupRecord, now: number): void {
  if (backup.BackupState === 'CREATE_IN_PROGRESS' && backup._dueAt !== undefined && backup._dueAt <= now) {
    backup.BackupState = 'READY';
    delete backup._dueAt;
    store.putBackup(state, backup);
  }
}

function advanceBackup(store: Store, state: RegionState, backup: BackupRecord, now: number, due: (t: number | undefined) => void): void {
  if (backup.BackupState === 'PENDING_DELETION' && backup.DeleteTimestamp !== undefined && backup.DeleteTimestamp <= now) {
    backup.BackupState = 'DELETED';
    backup._forgetAt = round(backup.DeleteTimestamp + CALENDAR_SECONDS.forgetDeleted);
    delete backup.DeleteTimestamp;
    store.putBackup(state, backup);
  }
  if (backup.BackupState === 'DELETED' && backup._forgetAt !== undefined && backup._forgetAt <= now) {
    store.removeBackup(state, backup.BackupId);
    return;
  }
  due(backup._dueAt);
  if (backup.BackupState === 'PENDING_DELETION') due(backup.DeleteTimestamp);
  if (backup.BackupState === 'DELETED') due(backup._forgetAt);
}
