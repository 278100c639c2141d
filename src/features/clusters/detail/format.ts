/** Display helpers for the cluster detail page: pure, no React. */
import type { BackupRetentionPolicy, BackupWithExtras, Hsm } from '../../../aws';
import { hsmStatus } from '../../../cloudhsm/status';
import { NONE } from '../../../ui/dates';

/** `DAYS`/`90` → "90 days" (1 → "1 day"); unknown types read as given. */
export function formatRetention(policy: BackupRetentionPolicy | undefined): string {
  if (!policy || policy.Value === undefined || policy.Value === '') return NONE;
  if (policy.Type === 'DAYS') return `${policy.Value} ${policy.Value === '1' ? 'day' : 'days'}`;
  return `${policy.Value} ${policy.Type ?? ''}`.trim();
}

/** SubnetMapping (AZ → subnet) as rows sorted by availability zone. */
export function subnetRows(mapping: Record<string, string> | undefined): { availabilityZone: string; subnetId: string }[] {
  return Object.entries(mapping ?? {})
    .map(([availabilityZone, subnetId]) => ({ availabilityZone, subnetId }))
    .sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
}

/**
 * Whether an HSM's row should stand out: its state needs a look (degraded, failed) or is moving by itself.
 * Tone and movement come from the status model, so the row agrees with the words in it.
 */
export function hsmNeedsAttention(state: string | undefined): boolean {
  const status = hsmStatus(state);
  return status.transitional || status.tone === 'warning' || status.tone === 'error';
}

/** The HSM's addresses: IPv4 and, when present, IPv6. */
export function hsmAddresses(hsm: Pick<Hsm, 'EniIp'> & { EniIpV6?: string }): string[] {
  return [hsm.EniIp, hsm.EniIpV6].filter((ip): ip is string => typeof ip === 'string' && ip !== '');
}

export type BackupSortKey = 'id' | 'state' | 'created';
export type SortDirection = 'ascending' | 'descending';

/** A sorted copy of the backups; ties fall back to the id so the order is stable. */
export function sortBackups<T extends { backup: BackupWithExtras }>(rows: readonly T[], key: BackupSortKey, direction: SortDirection): T[] {
  const sign = direction === 'ascending' ? 1 : -1;
  const byId = (a: T, b: T) => (a.backup.BackupId ?? '').localeCompare(b.backup.BackupId ?? '');
  const compare = (a: T, b: T): number => {
    switch (key) {
      case 'state':
        return (a.backup.BackupState ?? '').localeCompare(b.backup.BackupState ?? '');
      case 'created':
        return (a.backup.CreateTimestamp?.getTime() ?? 0) - (b.backup.CreateTimestamp?.getTime() ?? 0);
      default:
        return byId(a, b);
    }
  };
  return [...rows].sort((a, b) => sign * compare(a, b) || byId(a, b));
}

/** The next sort when a column header is pressed: the same column flips, a new one starts ascending (created: newest first). */
export function nextSort(
  current: { key: BackupSortKey; direction: SortDirection },
  key: BackupSortKey,
): { key: BackupSortKey; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'created' ? 'descending' : 'ascending' };
}
