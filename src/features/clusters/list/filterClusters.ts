import { clusterStatus } from '../../../cloudhsm/status';
import { clusterName } from './fields';
import { healthOf } from './health';
import type { ClusterRow, ListFilters } from './types';

/** Splits `key=value` on the first `=`; a bare `key` means "has this tag". */
export function parseTagFilter(tag: string): { key: string; value?: string } | null {
  const trimmed = tag.trim();
  if (!trimmed) return null;
  const at = trimmed.indexOf('=');
  if (at < 0) return { key: trimmed };
  return { key: trimmed.slice(0, at).trim(), value: trimmed.slice(at + 1).trim() };
}

function haystack({ region, cluster }: ClusterRow, now: number): string {
  return [
    cluster.ClusterId,
    clusterName(cluster),
    region,
    cluster.State,
    clusterStatus(cluster.State).label,
    healthOf(cluster, now).label,
    cluster.VpcId,
    cluster.HsmType,
    cluster.Mode,
    ...(cluster.TagList ?? []).flatMap((t) => [t.Key, t.Value, `${t.Key}=${t.Value}`]),
    ...(cluster.Hsms ?? []).map((h) => h.HsmId),
  ]
    .filter(Boolean)
    .join('\n')
    .toLowerCase();
}

/**
 * The rows that pass every filter (all filters combine with AND; values within one filter with OR). Health
 * (the attention filter, the words searched) is judged at `now`. `baseAccount`: the id a row without an
 * account (the base account's) matches in the account filter.
 */
export function filterClusters(
  rows: readonly ClusterRow[],
  filters: ListFilters,
  now: number = Date.now(),
  baseAccount = '',
): ClusterRow[] {
  const states = new Set(filters.state);
  const regions = new Set(filters.region);
  const accounts = new Set(filters.account);
  const vpc = filters.vpc.trim();
  const tag = parseTagFilter(filters.tag);
  const words = filters.q.trim().toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    const { cluster } = row;
    if (states.size > 0 && !states.has(cluster.State ?? '')) return false;
    if (regions.size > 0 && !regions.has(row.region)) return false;
    if (accounts.size > 0 && !accounts.has(row.account ?? baseAccount)) return false;
    if (filters.attention && !healthOf(cluster, now).needsAttention) return false;
    if (vpc && cluster.VpcId !== vpc) return false;
    if (tag) {
      const found = cluster.TagList?.find((t) => t.Key === tag.key);
      if (!found) return false;
      if (tag.value !== undefined && found.Value !== tag.value) return false;
    }
    if (words.length > 0) {
      const text = haystack(row, now);
      if (!words.every((w) => text.includes(w))) return false;
    }
    return true;
  });
}
