/**
 * What a windowed backup view says about how much it has loaded (pure): "Showing backups since 2026-11-06;
 * 2 regions still loading", "all backups", and whether older ones can be loaded. Regions that failed are
 * left out here: their own alert names them.
 */
import type { RegionWindowProgress } from '../../aws';
import { formatUtcDate } from '../../ui';

export interface WindowStatus {
  /** The sentence for the status line. */
  text: string;
  /** Regions still fetching the pages that cover the window. */
  loading: string[];
  /** Some region has older backups than those loaded. */
  hasOlder: boolean;
}

const regionsWord = (n: number) => (n === 1 ? '1 region' : `${n} regions`);

export function windowStatus(progress: readonly RegionWindowProgress[]): WindowStatus {
  const answered = progress.filter((p) => p.status !== 'error');
  const loading = answered.filter((p) => p.status === 'loading' || (!p.coversWindow && p.fetching)).map((p) => p.region);
  const hasOlder = answered.some((p) => !p.complete);
  let since: Date | null = null;
  for (const p of answered) {
    if (p.status !== 'ready' || !p.loadedSince) continue;
    if (!since || p.loadedSince > since) since = p.loadedSince;
  }
  const parts: string[] = [];
  if (answered.length > 0 && answered.every((p) => p.complete)) parts.push('Showing all backups');
  else if (since) parts.push(`Showing backups since ${formatUtcDate(since)}`);
  // Before any page has arrived the view's own loading state speaks; this line would only repeat it.
  else return { text: '', loading, hasOlder };
  if (loading.length > 0) parts.push(`${regionsWord(loading.length)} still loading`);
  return { text: parts.join('; '), loading, hasOlder };
}
