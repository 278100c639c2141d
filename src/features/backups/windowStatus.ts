/**
 * What a windowed backup view says about how much it has loaded (pure): "Showing backups since 2026-11-06;
 * 2 regions still loading", "all backups", and whether older ones can be loaded. A region that failed is never
 * part of the claim: when one did, the line names the regions it speaks for and the ones it could not read
 * (their own alert says why); when none answered, it says nothing (the alerts speak).
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
  const failed = progress.filter((p) => p.status === 'error').map((p) => p.region);
  // Whose backups the line speaks for, when that is not every region.
  const of =
    failed.length > 0
      ? ` of ${answered
          .filter((p) => p.status === 'ready')
          .map((p) => p.region)
          .join(', ')}`
      : '';
  const loading = answered.filter((p) => p.status === 'loading' || (!p.coversWindow && p.fetching)).map((p) => p.region);
  const hasOlder = answered.some((p) => !p.complete);
  let since: Date | null = null;
  for (const p of answered) {
    if (p.status !== 'ready' || !p.loadedSince) continue;
    if (!since || p.loadedSince > since) since = p.loadedSince;
  }
  const parts: string[] = [];
  if (answered.length > 0 && answered.every((p) => p.complete)) parts.push(`Showing all backups${of}`);
  else if (since) parts.push(`Showing backups${of} since ${formatUtcDate(since)}`);
  // Before any page has arrived the view's own loading state speaks; this line would only repeat it.
  else return { text: '', loading, hasOlder };
  if (loading.length > 0) parts.push(`${regionsWord(loading.length)} still loading`);
  if (failed.length > 0) parts.push(`could not load ${failed.join(', ')}`);
  return { text: parts.join('; '), loading, hasOlder };
}
