/**
 * Sorting and filtering the recovery rows, and their URL parameters: `status` (comma-separated: on-target,
 * behind, no-backup, unknown, dr-behind; any matches) and `sort` (`column:asc|desc`). Other parameters (the
 * shell's `regions`) are left alone. The default order puts the clusters that need attention first.
 */
import type { ClusterPosture, LocalStatus } from './posture';

export const STATUS_FILTERS = ['on-target', 'behind', 'no-backup', 'not-initialized', 'unknown', 'dr-behind'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const RECOVERY_SORT_COLUMNS = ['status', 'name', 'region', 'age', 'dr'] as const;
export type RecoverySortColumn = (typeof RECOVERY_SORT_COLUMNS)[number];

export interface RecoverySort {
  column: RecoverySortColumn;
  direction: 'asc' | 'desc';
}

export interface RecoveryParams {
  status: StatusFilter[];
  sort: RecoverySort | null;
}

export interface OrderableRow {
  region: string;
  name: string;
  id: string;
  posture: Pick<ClusterPosture<unknown>, 'status' | 'drStatus' | 'local'>;
}

export function parseRecoveryParams(params: URLSearchParams): RecoveryParams {
  const status = (params.get('status') ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s): s is StatusFilter => (STATUS_FILTERS as readonly string[]).includes(s));
  const [column = '', direction = 'asc'] = (params.get('sort') ?? '').split(':');
  const sort =
    (RECOVERY_SORT_COLUMNS as readonly string[]).includes(column) && (direction === 'asc' || direction === 'desc')
      ? { column: column as RecoverySortColumn, direction: direction as 'asc' | 'desc' }
      : null;
  return { status: [...new Set(status)], sort };
}

export function toRecoveryParams(input: RecoveryParams, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  out.delete('status');
  out.delete('sort');
  if (input.status.length > 0) out.set('status', input.status.join(','));
  if (input.sort) out.set('sort', `${input.sort.column}:${input.sort.direction}`);
  return out;
}

export function matchesStatus(row: OrderableRow, filters: readonly StatusFilter[]): boolean {
  if (filters.length === 0) return true;
  return filters.some((f) => (f === 'dr-behind' ? row.posture.drStatus === 'behind' : row.posture.status === f));
}

/** Worst first: what needs doing comes to the top. */
const STATUS_RANK: Record<LocalStatus, number> = { 'no-backup': 0, behind: 1, unknown: 2, 'on-target': 3, 'not-initialized': 4 };
const DR_RANK = { behind: 0, copying: 1, 'on-target': 2, none: 3 } as const;

/** The age of the newest local backup for sorting: unknown and "older than" sort as older than any found. */
function ageKey(row: OrderableRow): number {
  const local = row.posture.local;
  if (local.kind === 'found') return local.ageMs;
  if (local.kind === 'older') return Number.MAX_SAFE_INTEGER - 2;
  if (local.kind === 'none') return Number.MAX_SAFE_INTEGER - 1;
  return Number.MAX_SAFE_INTEGER;
}

const text = (a: string, b: string): number => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });

function compare(a: OrderableRow, b: OrderableRow, column: RecoverySortColumn): number {
  switch (column) {
    case 'status':
      return STATUS_RANK[a.posture.status] - STATUS_RANK[b.posture.status];
    case 'name':
      return text(a.name, b.name);
    case 'region':
      return text(a.region, b.region);
    case 'age':
      return ageKey(a) - ageKey(b);
    case 'dr':
      return DR_RANK[a.posture.drStatus ?? 'none'] - DR_RANK[b.posture.drStatus ?? 'none'];
  }
}

/** Filtered and sorted (a new array); ties fall back to status, then name, then id, so the order is stable. */
export function orderRows<R extends OrderableRow>(rows: readonly R[], params: RecoveryParams): R[] {
  const sort = params.sort ?? { column: 'status', direction: 'asc' };
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .filter((r) => matchesStatus(r, params.status))
    .sort((a, b) => sign * compare(a, b, sort.column) || compare(a, b, 'status') || text(a.name, b.name) || text(a.id, b.id));
}

export const nextRecoverySort = (current: RecoverySort | null, column: RecoverySortColumn): RecoverySort =>
  current?.column === column ? { column, direction: current.direction === 'asc' ? 'desc' : 'asc' } : { column, direction: 'asc' };
