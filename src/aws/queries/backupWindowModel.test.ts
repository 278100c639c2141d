import { describe, expect, it } from 'vitest';
import type { BackupWithExtras } from '../extensions/extras';
import { coverage, loadedSinceAll, mergeRegionBackups, needsNextPage, oldestOnPage, transitionalIds } from './backupWindowModel';
import type { BackupPage } from './fetchers';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1);
const backup = (id: string, day: number, state = 'READY'): BackupWithExtras => ({
  BackupId: id,
  CreateTimestamp: new Date(T0 + day * DAY),
  BackupState: state,
});
const page = (backups: BackupWithExtras[], nextToken?: string): BackupPage => (nextToken ? { backups, nextToken } : { backups });

describe('needsNextPage', () => {
  it('asks for the next page only while the page has not reached back past the window start', () => {
    const p = page([backup('b3', 3), backup('b2', 2)], 'tok');
    expect(needsNextPage(p, T0 + 1 * DAY)).toBe(true);
    expect(needsNextPage(p, T0 + 2 * DAY)).toBe(true); // the oldest is exactly at the start: older ones may share it
    expect(needsNextPage(p, T0 + 2.5 * DAY)).toBe(false);
  });

  it('stops at the last page, and goes on through the whole history when there is no window', () => {
    expect(needsNextPage(page([backup('b1', 1)]), null)).toBe(false);
    expect(needsNextPage(page([backup('b1', 1)], 'tok'), null)).toBe(true);
  });

  it('goes on past an empty page that still has a token (a filter matched nothing there)', () => {
    expect(needsNextPage(page([], 'tok'), T0)).toBe(true);
    expect(oldestOnPage(page([]))).toBeNull();
  });
});

describe('coverage', () => {
  it('says how far back the loaded pages reach, and whether they cover the window', () => {
    const pages = [page([backup('b9', 9), backup('b8', 8)], 't1'), page([backup('b7', 7), backup('b5', 5)], 't2')];
    expect(coverage(pages, T0 + 6 * DAY)).toEqual({ pages: 2, complete: false, loadedSince: new Date(T0 + 5 * DAY), coversWindow: true });
    expect(coverage(pages, T0 + 2 * DAY).coversWindow).toBe(false);
  });

  it('is complete (since the beginning) when the last page has no token', () => {
    expect(coverage([page([backup('b1', 1)])], T0 + 5 * DAY)).toMatchObject({
      complete: true,
      coversWindow: true,
      loadedSince: new Date(0),
    });
  });

  it('covers nothing while a page is still loading', () => {
    expect(coverage([page([backup('b9', 9)], 't'), undefined], T0)).toMatchObject({
      pages: 1,
      coversWindow: false,
      loadedSince: new Date(T0 + 9 * DAY),
    });
    expect(coverage([undefined], T0)).toMatchObject({ pages: 0, loadedSince: null });
  });
});

describe('mergeRegionBackups', () => {
  it('lists each backup once, newest first, the fresher lookups winning', () => {
    const pages = [
      page([backup('b3', 3, 'CREATE_IN_PROGRESS'), backup('b2', 2)], 't'),
      page([backup('b2', 2), backup('b1', 1, 'PENDING_DELETION')]),
    ];
    const merged = mergeRegionBackups(pages, [[backup('b3', 3, 'READY'), backup('b4', 4)], [backup('b1', 1, 'DELETED')]]);
    expect(merged.map((b) => `${b.BackupId}:${b.BackupState}`)).toEqual(['b4:READY', 'b3:READY', 'b2:READY', 'b1:DELETED']);
  });

  it('drops backups a fresher lookup no longer found (purged)', () => {
    expect(
      mergeRegionBackups([page([backup('b2', 2), backup('b1', 1, 'PENDING_DELETION')])], [[]], new Set(['b1'])).map((b) => b.BackupId),
    ).toEqual(['b2']);
  });
});

describe('transitionalIds', () => {
  it('splits the backups that move by themselves into fast and slow ones', () => {
    expect(
      transitionalIds([
        backup('c', 1, 'CREATE_IN_PROGRESS'),
        backup('p', 1, 'PENDING_DELETION'),
        backup('r', 1),
        backup('a', 1, 'CREATE_IN_PROGRESS'),
      ]),
    ).toEqual({
      creating: ['a', 'c'],
      pendingDeletion: ['p'],
    });
  });
});

describe('loadedSinceAll', () => {
  const progress = (region: string, loadedSince: Date | null, status: 'ready' | 'error' | 'loading' = 'ready') => ({
    region,
    status,
    pages: 1,
    complete: false,
    loadedSince,
    coversWindow: true,
    fetching: false,
  });
  it('is the latest instant every answering region is loaded since, and unknown while one has no page', () => {
    expect(loadedSinceAll([progress('a', new Date(T0)), progress('b', new Date(T0 + DAY))])).toEqual(new Date(T0 + DAY));
    expect(loadedSinceAll([progress('a', new Date(T0)), progress('b', null, 'loading')])).toBeNull();
    expect(loadedSinceAll([progress('a', new Date(T0)), progress('b', null, 'error')])).toEqual(new Date(T0));
  });
});
