/**
 * The backups and cluster names the page has loaded, read from the query cache (lists, scrolled pages, the
 * timeline's windows, details), for judging what a delete puts at risk without asking AWS for more.
 */
import type { QueryClient } from '@tanstack/react-query';
import { parseScope, type BackupWithExtras, type ClusterWithExtras } from '../../../../aws';
import { resourceName } from '../../../../cloudhsm/names';
import type { BackupRow } from '../../filterBackups';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function itemsOf(data: unknown): unknown[] {
  if (Array.isArray(data)) return data;
  if (!isObject(data)) return [];
  if (Array.isArray(data['pages'])) return data['pages'].flatMap(itemsOf);
  if (Array.isArray(data['backups'])) return data['backups'];
  return [data];
}

export function loadedBackups(queryClient: QueryClient): { rows: BackupRow[]; regions: string[] } {
  const rows: BackupRow[] = [];
  for (const [queryKey, data] of queryClient.getQueriesData({ queryKey: ['backups'] })) {
    const scope = queryKey[1];
    if (typeof scope !== 'string') continue;
    // The key's scope is `region`, or `region@account` for another account (keys.ts).
    const { region, account } = parseScope(scope);
    for (const item of itemsOf(data)) {
      if (isObject(item) && typeof item['BackupId'] === 'string')
        rows.push({ region, ...(account && { account }), backup: item as unknown as BackupWithExtras });
    }
  }
  return { rows, regions: [...new Set(rows.map((r) => r.region))].sort() };
}

export function loadedClusterNames(queryClient: QueryClient): Map<string, string> {
  const names = new Map<string, string>();
  for (const [, data] of queryClient.getQueriesData({ queryKey: ['clusters'] })) {
    for (const item of itemsOf(data)) {
      if (!isObject(item) || typeof item['ClusterId'] !== 'string') continue;
      const name = resourceName(item as unknown as ClusterWithExtras);
      if (name) names.set(item['ClusterId'], name);
    }
  }
  return names;
}
