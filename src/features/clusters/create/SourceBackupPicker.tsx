/**
 * The optional backup to create the cluster from: the READY backups of the chosen region, grouped by the
 * cluster they came from (its Name tag when the cluster still exists), newest first.
 */
import type { RegionalBackup, RegionalCluster } from '../../../aws';
import { formatUtc, Options, Select } from '../../../ui';
import { backupMode } from './hsmTypes';
import { resourceName } from '../../../cloudhsm/names';

export interface BackupGroup {
  clusterId: string;
  label: string;
  backups: RegionalBackup['backup'][];
}

/** READY backups grouped by source cluster (groups by newest backup first, backups newest first). */
export function groupBackups(backups: readonly RegionalBackup[], clusters: readonly RegionalCluster[]): BackupGroup[] {
  const names = new Map(clusters.map(({ cluster }) => [cluster.ClusterId, resourceName(cluster)]));
  const groups = new Map<string, BackupGroup>();
  const time = (b: RegionalBackup['backup']) => b.CreateTimestamp?.getTime() ?? 0;
  for (const { backup } of [...backups].sort((a, b) => time(b.backup) - time(a.backup))) {
    const clusterId = backup.ClusterId ?? 'unknown cluster';
    const copyNote = backup.SourceRegion ? ` (copies from ${backup.SourceRegion})` : '';
    let group = groups.get(clusterId + copyNote);
    if (!group) {
      const name = names.get(clusterId);
      group = {
        clusterId,
        label: `${name ? `${name} (${clusterId})` : `${clusterId}${names.has(clusterId) ? '' : ', no longer exists'}`}${copyNote}`,
        backups: [],
      };
      groups.set(clusterId + copyNote, group);
    }
    group.backups.push(backup);
  }
  return [...groups.values()];
}

const optionLabel = (backup: RegionalBackup['backup']): string =>
  [
    backup.BackupId,
    formatUtc(backup.CreateTimestamp ?? backup.CopyTimestamp),
    backup.HsmType,
    backupMode(backup),
    backup.NeverExpires ? 'never expires' : null,
  ]
    .filter(Boolean)
    .join(' · ');

export interface SourceBackupPickerProps {
  value: string;
  groups: readonly BackupGroup[];
  loading: boolean;
  /** Why the list could not be read (the id is still sent; AWS checks it). */
  loadError?: string;
  disabled?: boolean;
  /** The account sharing the chosen backup (an ARN not in this account's list). */
  sharedBy?: string | undefined;
  onChange: (backupId: string) => void;
}

/** A kit Select: inside a FormField it takes the field's id, description and invalid state. */
export function SourceBackupPicker({ value, groups, loading, loadError, disabled, sharedBy, onChange }: SourceBackupPickerProps) {
  const listed = groups.some((g) => g.backups.some((b) => b.BackupId === value));
  return (
    <Select className="font-mono" value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">None: a new, empty cluster</option>
      {/* A prefilled id that is not (yet) listed stays selectable, so the form never drops what it was given. */}
      {value !== '' && !listed && (
        <option value={value}>
          {value}
          {sharedBy
            ? ` (shared by account ${sharedBy})`
            : loading
              ? ' (checking…)'
              : loadError || value.startsWith('arn:')
                ? ''
                : ' (not a READY backup here)'}
        </option>
      )}
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          <Options items={group.backups} value={(backup) => backup.BackupId ?? ''} label={optionLabel} />
        </optgroup>
      ))}
    </Select>
  );
}
