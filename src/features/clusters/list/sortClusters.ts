import { clusterHealth } from '../../../cloudhsm/health';
import { clusterName, retentionDays } from './fields';
import type { ClusterRow, SortColumn, SortSpec } from './types';

type Key = string | number | undefined;

const keyOf: Record<SortColumn, (row: ClusterRow) => Key> = {
  id: (r) => r.cluster.ClusterId,
  name: (r) => clusterName(r.cluster) || undefined,
  region: (r) => r.region,
  // The base account's rows carry no account: a space sorts them first, and is not "missing" (which sorts last).
  account: (r) => r.account ?? ' ',
  // By what the State column says (its health label), so "Active · Degraded" does not hide among "Active".
  state: (r) => (r.cluster.State ? clusterHealth(r.cluster).label : undefined),
  hsms: (r) => r.cluster.Hsms?.length ?? 0,
  hsmType: (r) => r.cluster.HsmType,
  mode: (r) => r.cluster.Mode,
  vpc: (r) => r.cluster.VpcId,
  retention: (r) => retentionDays(r.cluster),
  created: (r) => r.cluster.CreateTimestamp?.getTime(),
};

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function compareKeys(a: Key, b: Key): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy. Missing values sort last in either direction; ties fall back to region then cluster id,
 * so the order is stable across refetches. `null` keeps the given order.
 */
export function sortClusters(rows: readonly ClusterRow[], sort: SortSpec | null): ClusterRow[] {
  if (!sort) return [...rows];
  const key = keyOf[sort.column];
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows
    .map((row) => ({ row, key: key(row) }))
    .sort((a, b) => {
      const aMissing = a.key === undefined || a.key === '';
      const bMissing = b.key === undefined || b.key === '';
      if (aMissing !== bMissing) return aMissing ? 1 : -1;
      const primary = aMissing ? 0 : sign * compareKeys(a.key, b.key);
      if (primary !== 0) return primary;
      return collator.compare(a.row.region, b.row.region) || collator.compare(a.row.cluster.ClusterId ?? '', b.row.cluster.ClusterId ?? '');
    })
    .map(({ row }) => row);
}
