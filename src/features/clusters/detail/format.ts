/** Display helpers for the cluster detail page: pure, no React. */
import type { BackupRetentionPolicy, BackupWithExtras, Hsm } from '../../../aws';
import { formatTimestamp, NONE } from '../../../ui/format';

export { formatTimestamp, NONE };

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

/** `CREATE_IN_PROGRESS` → "Create in progress". */
export function humanizeState(state: string | undefined): string {
  if (!state) return 'Unknown';
  const words = state.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type StatusTone = 'ok' | 'attention' | 'progress' | 'inactive' | 'unknown';

export interface StatusDisplay {
  /** A glyph shown next to the text (decorative: the text says the same). */
  icon: string;
  /** The state in words. */
  label: string;
  tone: StatusTone;
  /** Whether the row should stand out (degraded or in transition). */
  standsOut: boolean;
}

/** How an HSM (or cluster) state is shown: icon and words, never colour alone. */
export function statusDisplay(state: string | undefined): StatusDisplay {
  const label = humanizeState(state);
  if (state === 'DEGRADED') return { icon: '⚠', label, tone: 'attention', standsOut: true };
  if (state && (state.endsWith('_IN_PROGRESS') || state === 'PENDING_DELETION')) return { icon: '⟳', label, tone: 'progress', standsOut: true };
  if (state === 'ACTIVE' || state === 'READY' || state === 'INITIALIZED') return { icon: '✓', label, tone: 'ok', standsOut: false };
  if (state === 'DELETED' || state === 'UNINITIALIZED') return { icon: '○', label, tone: 'inactive', standsOut: false };
  if (state && /FAILED/.test(state)) return { icon: '✕', label, tone: 'attention', standsOut: true };
  return { icon: '?', label, tone: 'unknown', standsOut: false };
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
export function nextSort(current: { key: BackupSortKey; direction: SortDirection }, key: BackupSortKey): { key: BackupSortKey; direction: SortDirection } {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'created' ? 'descending' : 'ascending' };
}
