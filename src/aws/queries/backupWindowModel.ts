/**
 * The pure half of the windowed backup queries (backupWindow.ts): which pages a region still needs, and how
 * the pages, the polled newest page and the polled transitional backups merge into one list.
 *
 * DescribeBackups has no time filter, but it sorts: asked newest first (`SortAscending: false`, by
 * CreateTimestamp), a region's pages can stop as soon as one reaches past the start of the window shown.
 */
import type { BackupWithExtras } from '../extensions/extras';
import type { BackupPage } from './fetchers';

/** The instant DescribeBackups sorts by. */
export const sortTimeOf = (backup: BackupWithExtras): number => backup.CreateTimestamp?.getTime() ?? Number.NaN;

/** The oldest sort time on a page (pages are newest first, so its last backup), or null for an empty page. */
export function oldestOnPage(page: BackupPage): number | null {
  let oldest: number | null = null;
  for (const backup of page.backups) {
    const t = sortTimeOf(backup);
    if (!Number.isNaN(t) && (oldest === null || t < oldest)) oldest = t;
  }
  return oldest;
}

/**
 * Whether a region needs the page after `page` to cover everything since `since` (epoch ms; null = its whole
 * history): there is one, and this page has not yet reached back past `since`.
 */
export function needsNextPage(page: BackupPage, since: number | null): boolean {
  if (!page.nextToken) return false;
  if (since === null) return true;
  const oldest = oldestOnPage(page);
  // An empty page with a token (a filter matched nothing here) says nothing about time: keep going.
  return oldest === null || oldest >= since;
}

export type RegionWindowStatus = 'loading' | 'ready' | 'error';

/** How far a region's backups are loaded, for "showing backups since 6 Nov; 2 regions still loading". */
export interface RegionWindowProgress {
  region: string;
  /** The account (absent: the base account). */
  account?: string;
  status: RegionWindowStatus;
  /** Pages fetched so far. */
  pages: number;
  /** The region's whole history (for these filters) is loaded. */
  complete: boolean;
  /** Everything since this instant is loaded (null until the first page arrives). */
  loadedSince: Date | null;
  /** The window is covered (complete, or pages reach back past its start). */
  coversWindow: boolean;
  /** Still fetching pages to cover the window. */
  fetching: boolean;
}

/** What a region's pages cover: everything since the oldest loaded backup, or all of it when there is no more. */
export function coverage(
  pages: readonly (BackupPage | undefined)[],
  since: number | null,
): Pick<RegionWindowProgress, 'pages' | 'complete' | 'loadedSince' | 'coversWindow'> {
  const loaded = pages.filter((p): p is BackupPage => p !== undefined);
  const last = loaded.at(-1);
  if (!last || loaded.length < pages.length) {
    const oldest = loaded.reduce<number | null>((acc, page) => {
      const o = oldestOnPage(page);
      return o === null ? acc : acc === null ? o : Math.min(acc, o);
    }, null);
    return { pages: loaded.length, complete: false, loadedSince: oldest === null ? null : new Date(oldest), coversWindow: false };
  }
  const complete = !last.nextToken;
  const oldest = oldestOnPage(last);
  return {
    pages: loaded.length,
    complete,
    loadedSince: complete ? new Date(0) : oldest === null ? null : new Date(oldest),
    coversWindow: complete || !needsNextPage(last, since),
  };
}

/**
 * One region's backups: every page in order, then the fresher views of some of them (the newest page polled
 * again, the transitional backups looked up by id) over them. `gone` are ids a fresher lookup asked for and
 * did not get (purged): they are dropped. Newest first, each id once.
 */
export function mergeRegionBackups(
  pages: readonly (BackupPage | undefined)[],
  fresher: readonly (readonly BackupWithExtras[] | undefined)[],
  gone: ReadonlySet<string> = new Set(),
): BackupWithExtras[] {
  const byId = new Map<string, BackupWithExtras>();
  for (const page of pages) for (const backup of page?.backups ?? []) if (backup.BackupId) byId.set(backup.BackupId, backup);
  for (const list of fresher) for (const backup of list ?? []) if (backup.BackupId) byId.set(backup.BackupId, backup);
  for (const id of gone) byId.delete(id);
  return [...byId.values()].sort(
    (a, b) => (sortTimeOf(b) || 0) - (sortTimeOf(a) || 0) || ((a.BackupId ?? '') < (b.BackupId ?? '') ? -1 : 1),
  );
}

/** Backups that change by themselves, by how soon: creating (fast) and awaiting deletion (slow). */
export function transitionalIds(backups: readonly BackupWithExtras[]): { creating: string[]; pendingDeletion: string[] } {
  const creating: string[] = [];
  const pendingDeletion: string[] = [];
  for (const b of backups) {
    if (!b.BackupId) continue;
    if (b.BackupState === 'CREATE_IN_PROGRESS') creating.push(b.BackupId);
    else if (b.BackupState === 'PENDING_DELETION') pendingDeletion.push(b.BackupId);
  }
  return { creating: creating.sort(), pendingDeletion: pendingDeletion.sort() };
}

/** The instant since which every region is loaded: the latest of their `loadedSince` (null when none is). */
export function loadedSinceAll(progress: readonly RegionWindowProgress[]): Date | null {
  let latest: number | null = null;
  for (const p of progress) {
    if (p.status === 'error') continue;
    if (!p.loadedSince) return null;
    const t = p.loadedSince.getTime();
    if (latest === null || t > latest) latest = t;
  }
  return latest === null ? null : new Date(latest);
}
