/**
 * The orphan scan's words: how far the scan of every region's READY backups got, and the honest summary once
 * it is done. Pure.
 */
import type { RegionScanProgress } from '../../../aws';

const count = (n: number): string => n.toLocaleString('en-US');
const plural = (n: number, one: string, many = `${one}s`): string => `${count(n)} ${n === 1 ? one : many}`;

/** "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

export interface ScanState {
  /** Backups read so far (all regions). */
  scanned: number;
  regions: readonly RegionScanProgress[];
  /** The scan and everything drawn from it are through (default: every region read to its end or failed). */
  done?: boolean;
  /** Nothing is being read, but some regions stopped at their limit with older backups unread. */
  stopped?: boolean;
}

/** Regions whose whole history of READY backups is read. */
export const scannedRegions = (regions: readonly RegionScanProgress[]): string[] =>
  regions.filter((r) => r.status !== 'error' && r.complete).map((r) => r.region);

export const failedRegions = (regions: readonly RegionScanProgress[]): string[] =>
  regions.filter((r) => r.status === 'error').map((r) => r.region);

/** Every region is read to the end or failed. */
export const isScanDone = (regions: readonly RegionScanProgress[]): boolean => regions.every((r) => r.status === 'error' || r.complete);

/**
 * "Scanned 1,200 READY backups; 3 of 4 regions complete…" while it runs; "Scanned all 4,321 READY backups in
 * us-east-1 and us-west-2." once done, naming the regions that could not be read.
 */
export function scanProgressText({ scanned, regions, done: finished = isScanDone(regions), stopped = false }: ScanState): string {
  const done = scannedRegions(regions);
  const failed = failedRegions(regions);
  const unread = failed.length > 0 ? ` ${listWords(failed)} could not be read.` : '';
  if (!finished && stopped) {
    const partial = regions.filter((r) => r.stopped).map((r) => r.region);
    const whole = done.length > 0 ? `; all of ${listWords(done)}` : '';
    return `Scanned the newest ${plural(scanned, 'READY backup')}${whole}. Older backups in ${listWords(partial)} are not checked yet.${unread}`;
  }
  if (!finished) {
    return `Scanned ${plural(scanned, 'READY backup')}, newest first; ${count(done.length)} of ${plural(regions.length, 'region')} complete…${unread}`;
  }
  if (done.length === 0) return `No region could be scanned.${unread}`;
  return `Scanned all ${plural(scanned, 'READY backup')} in ${listWords(done)}.${unread}`;
}
