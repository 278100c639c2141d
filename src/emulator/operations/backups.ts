import { CALENDAR_SECONDS, secondsAfter } from '../clock';
import { workDoneAt, type OperationContext } from '../context';
import { invalidRequest } from '../errors';
import { newResourceId } from '../ids';
import type { OperationInputs } from '../model/inputs';
import { BACKUP_FILTER_KEYS } from '../../cloudhsm/constraints';
import { BACKUP_STATES } from '../../cloudhsm/states';
import { fingerprint, paginate } from '../pagination';
import { isCloudHsmRegion, partitionOf } from '../../cloudhsm/regions';
import { compareBackups, sortedBackups } from '../store';
import type { BackupRecord, WireBackup } from '../types';
import { toWireBackup } from '../wire';
import { findBackup, validateNewTags } from './common';
import { checkFilters } from './filters';

/** Backups other accounts shared with the caller through a resource policy naming the caller's account. */
function sharedWith(ctx: OperationContext): { backups: BackupRecord[]; owners: Map<BackupRecord, string> } {
  const owners = new Map<BackupRecord, string>();
  for (const state of ctx.store.allRegions()) {
    if (state.region !== ctx.region || state.account === ctx.account) continue;
    for (const backup of state.backups.values()) {
      if (backup.Policy?.includes(ctx.account)) owners.set(backup, state.account);
    }
  }
  return { backups: [...owners.keys()].sort(compareBackups), owners };
}

export function describeBackups(
  ctx: OperationContext,
  input: OperationInputs['DescribeBackups'],
): { Backups: WireBackup[]; NextToken?: string } {
  const filters = checkFilters(input.Filters, BACKUP_FILTER_KEYS, { states: BACKUP_STATES, neverExpires: ['true', 'false'] });
  const ids = filters.backupIds ? new Set(filters.backupIds) : null;
  const sources = filters.sourceBackupIds ? new Set(filters.sourceBackupIds) : null;
  const clusters = filters.clusterIds ? new Set(filters.clusterIds) : null;
  const states = filters.states ? new Set<string>(filters.states) : null;
  const neverExpires = filters.neverExpires ? new Set(filters.neverExpires) : null;
  const keep = (b: BackupRecord): boolean =>
    (!ids || ids.has(b.BackupId)) &&
    (!sources || (b.SourceBackup !== undefined && sources.has(b.SourceBackup))) &&
    (!clusters || clusters.has(b.ClusterId)) &&
    (!states || states.has(b.BackupState)) &&
    (!neverExpires || neverExpires.has(String(b.NeverExpires)));

  let candidates: readonly BackupRecord[];
  let owners: Map<BackupRecord, string> | null = null;
  if (input.Shared) ({ backups: candidates, owners } = sharedWith(ctx));
  else if (ids) {
    // A lookup by id does not need to walk every backup of the region.
    candidates = [...ids]
      .map((id) => ctx.state.backups.get(id))
      .filter((b): b is BackupRecord => b !== undefined)
      .sort(compareBackups);
  } else candidates = sortedBackups(ctx.state);

  const page = paginate(candidates, (b) => [b.CreateTimestamp, b.BackupId], {
    token: input.NextToken,
    fingerprint: fingerprint(['backups', input.Filters ?? null, input.Shared ?? false, input.SortAscending ?? false]),
    limit: input.MaxResults ?? 50,
    descending: input.SortAscending !== true,
    keep,
  });
  const out: { Backups: WireBackup[]; NextToken?: string } = {
    Backups: page.items.map((b) => ctx.store.wireOf(b, () => toWireBackup(owners?.get(b) ?? ctx.account, ctx.region, b, true))),
  };
  if (page.nextToken) out.NextToken = page.nextToken;
  return out;
}

/**
 * The shape of DeleteBackup, RestoreBackup and ModifyBackupAttributes: the backup must be in `state` (else
 * `refusal` after "Backup <id> is <its state>; "), then `change` is applied, stored and scheduled.
 */
function changeBackupIn(
  ctx: OperationContext,
  backupId: string,
  state: BackupRecord['BackupState'],
  refusal: string,
  change: (backup: BackupRecord) => void,
): { Backup: WireBackup } {
  const backup = findBackup(ctx.state, backupId);
  if (backup.BackupState !== state) {
    throw invalidRequest(`Backup ${backup.BackupId} is ${backup.BackupState}; ${refusal}`);
  }
  change(backup);
  ctx.store.putBackup(ctx.state, backup);
  ctx.scheduleChanged();
  return { Backup: toWireBackup(ctx.account, ctx.region, backup) };
}

export function deleteBackup(ctx: OperationContext, input: OperationInputs['DeleteBackup']): { Backup: WireBackup } {
  return changeBackupIn(ctx, input.BackupId, 'READY', 'only a READY backup can be deleted.', (backup) => {
    backup.BackupState = 'PENDING_DELETION';
    backup.DeleteTimestamp = secondsAfter(ctx.now, CALENDAR_SECONDS.backupPurge);
  });
}

export function restoreBackup(ctx: OperationContext, input: OperationInputs['RestoreBackup']): { Backup: WireBackup } {
  return changeBackupIn(ctx, input.BackupId, 'PENDING_DELETION', 'only a backup in PENDING_DELETION can be restored.', (backup) => {
    backup.BackupState = 'READY';
    delete backup.DeleteTimestamp;
    // A backup the retention policy purged would be purged again at once; a day's grace lets the user set
    // NeverExpires or lengthen the retention first (AWS advises exactly that).
    backup._retentionGraceUntil = secondsAfter(ctx.now, CALENDAR_SECONDS.periodicBackup);
  });
}

export function modifyBackupAttributes(ctx: OperationContext, input: OperationInputs['ModifyBackupAttributes']): { Backup: WireBackup } {
  return changeBackupIn(ctx, input.BackupId, 'READY', 'attributes can only be changed on a READY backup.', (backup) => {
    backup.NeverExpires = input.NeverExpires;
  });
}

export function copyBackupToRegion(
  ctx: OperationContext,
  input: OperationInputs['CopyBackupToRegion'],
): { DestinationBackup: { CreateTimestamp: number; SourceRegion: string; SourceBackup: string; SourceCluster: string } } {
  const destination = input.DestinationRegion;
  if (!isCloudHsmRegion(destination)) throw invalidRequest(`Destination region ${destination} does not offer CloudHSM.`);
  // An unknown backup is "not found" whatever the destination (the same-region message would say it exists).
  const source = findBackup(ctx.state, input.BackupId);
  if (destination === ctx.region)
    throw invalidRequest(`Backup ${input.BackupId} is already in ${destination}; choose another destination region.`);
  if (partitionOf(destination) !== partitionOf(ctx.region)) {
    throw invalidRequest(`Backups cannot be copied between ${partitionOf(ctx.region)} and ${partitionOf(destination)} regions.`);
  }
  if (source.BackupState !== 'READY') {
    throw invalidRequest(`Backup ${source.BackupId} is ${source.BackupState}; only a READY backup can be copied.`);
  }
  const tags = input.TagList ? validateNewTags(input.TagList) : source.Tags.map((t) => ({ ...t }));

  const target = ctx.store.region(ctx.account, destination);
  const copy: BackupRecord = {
    BackupId: newResourceId('backup'),
    ClusterId: source.ClusterId,
    // The copy keeps the source's creation time; CopyTimestamp says when it was copied.
    CreateTimestamp: source.CreateTimestamp,
    CopyTimestamp: ctx.now,
    BackupState: 'CREATE_IN_PROGRESS',
    NeverExpires: false,
    SourceRegion: ctx.region,
    SourceBackup: source.BackupId,
    SourceCluster: source.ClusterId,
    HsmType: source.HsmType,
    Mode: source.Mode,
    Tags: tags,
    _dueAt: workDoneAt(ctx, 'backupCopy'),
  };
  if (source._clusterCertificate) copy._clusterCertificate = source._clusterCertificate;
  ctx.store.putBackup(target, copy);
  ctx.scheduleChanged();
  return {
    DestinationBackup: {
      CreateTimestamp: source.CreateTimestamp,
      SourceRegion: ctx.region,
      SourceBackup: source.BackupId,
      SourceCluster: source.ClusterId,
    },
  };
}
