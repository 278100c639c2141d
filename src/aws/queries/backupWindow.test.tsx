// @vitest-environment happy-dom
/**
 * The windowed backup queries against the real server (about 120 backups per region over months): newest
 * first, stopping at the window's start, fetching only further pages when the window widens, and polling
 * only what moves.
 */
import { DeleteBackupCommand, RestoreBackupCommand } from '@aws-sdk/client-cloudhsm-v2';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { testBackendPerFile } from '../testing/backend';
import { hookHarness } from '../testing/render';
import { useDeleteBackupMutation } from '../mutations/backups';
import { useBackupWindow } from './backupWindow';

const REGIONS = ['us-east-1', 'us-west-2'];
const DAY = 86_400_000;
const backend = testBackendPerFile({ large: { clusters: 12, backups: 240, regions: REGIONS } });

/** The store's backups of a region, newest first by CreateTimestamp (seconds). */
async function truthOf(region: string) {
  const { backups } = await backend.records(region);
  return backups
    .map((b) => ({ id: b.BackupId, t: b.CreateTimestamp * 1000, state: b.BackupState }))
    .sort((a, b) => b.t - a.t || (a.id < b.id ? -1 : 1));
}

describe('useBackupWindow', () => {
  it('asks newest first and stops each region at the first page that reaches past the window start', async () => {
    const { log, wrapper } = hookHarness(backend);
    const newest = Math.max(...(await truthOf('us-east-1')).map((b) => b.t));
    const since = new Date(newest - 20 * DAY);
    const { result } = renderHook(() => useBackupWindow(REGIONS, { since }), { wrapper });
    await waitFor(() => expect(result.current.isComplete).toBe(true), { timeout: 10_000 });
    expect(result.current.errors).toEqual([]);
    for (const region of REGIONS) {
      const truth = await truthOf(region);
      const inWindow = truth.filter((b) => b.t >= since.getTime()).map((b) => b.id);
      const rows = result.current.rows.filter((r) => r.region === region).map((r) => r.backup.BackupId!);
      // Everything in the window is there, newest first.
      expect(rows.slice(0, inWindow.length)).toEqual(inWindow);
      const calls = log.of('DescribeBackups', region);
      expect(calls.every((c) => c.input['SortAscending'] === false && c.input['MaxResults'] === 50)).toBe(true);
      // Exactly the pages needed: the window's backups and the first page holding an older one.
      const needed = Math.floor(inWindow.length / 50) + 1;
      expect(calls).toHaveLength(needed);
      expect(truth.length).toBeGreaterThan(needed * 50);
      const progress = result.current.regions.find((p) => p.region === region)!;
      expect(progress).toMatchObject({ status: 'ready', coversWindow: true, complete: false, pages: needed });
      expect(progress.loadedSince!.getTime()).toBeLessThan(since.getTime());
    }
  });

  it('fetches only the further pages when the window widens, and keeps the ones it has', async () => {
    const { log, wrapper } = hookHarness(backend);
    const newest = Math.max(...(await truthOf('us-west-2')).map((b) => b.t));
    const { result, rerender } = renderHook(({ since }) => useBackupWindow(['us-west-2'], { since }), {
      wrapper,
      initialProps: { since: new Date(newest - 5 * DAY) },
    });
    await waitFor(() => expect(result.current.isComplete).toBe(true), { timeout: 10_000 });
    const first = log.of('DescribeBackups').length;
    rerender({ since: new Date(newest - 60 * DAY) });
    await waitFor(() => expect(result.current.isComplete).toBe(true), { timeout: 10_000 });
    const calls = log.of('DescribeBackups');
    expect(calls.length).toBeGreaterThan(first);
    // Every page was asked once: one call without a token, and every later token different.
    expect(
      calls.filter((c) => c.input['NextToken'] === undefined && !(c.input['Filters'] as { backupIds?: unknown } | undefined)?.backupIds),
    ).toHaveLength(1);
    expect(new Set(calls.map((c) => c.input['NextToken'])).size).toBe(calls.length);
    const truth = (await truthOf('us-west-2')).filter((b) => b.t >= newest - 60 * DAY).map((b) => b.id);
    expect(result.current.rows.map((r) => r.backup.BackupId).slice(0, truth.length)).toEqual(truth);
    // Narrowing again fetches nothing.
    rerender({ since: new Date(newest - 5 * DAY) });
    await new Promise((done) => setTimeout(done, 200));
    expect(log.of('DescribeBackups')).toHaveLength(calls.length);
  });

  it('with no window, loads the whole history; "load older" adds one page per region', async () => {
    const { log, wrapper } = hookHarness(backend);
    const newest = Math.max(...(await truthOf('us-east-1')).map((b) => b.t));
    const { result } = renderHook(() => useBackupWindow(['us-east-1'], { since: new Date(newest - 2 * DAY) }), { wrapper });
    await waitFor(() => expect(result.current.isComplete).toBe(true), { timeout: 10_000 });
    const before = log.of('DescribeBackups').length;
    act(() => result.current.loadMore());
    await waitFor(() => expect(log.of('DescribeBackups')).toHaveLength(before + 1), { timeout: 10_000 });
    const { result: all } = renderHook(() => useBackupWindow(['us-west-2'], { since: null }), { wrapper });
    await waitFor(() => expect(all.current.isComplete).toBe(true), { timeout: 10_000 });
    expect(all.current.regions[0]).toMatchObject({ complete: true });
    expect(all.current.rows).toHaveLength((await truthOf('us-west-2')).length);
  });

  it('polls only the transitional backups, by id (slowly while pending deletion), never the pages, and shows their new state', async () => {
    const { clients, log, wrapper } = hookHarness(backend, 40);
    const truth = await truthOf('us-east-1');
    // A READY backup deep in the window (not on the first page) is PENDING_DELETION when the view opens.
    const deep = truth.filter((b) => b.state === 'READY')[80]!;
    const client = clients.forRegion('us-east-1');
    await client.send(new DeleteBackupCommand({ BackupId: deep.id }));
    log.clear();
    const { result } = renderHook(() => useBackupWindow(['us-east-1'], { since: new Date(deep.t - DAY) }), { wrapper });
    await waitFor(() => expect(result.current.isComplete).toBe(true), { timeout: 10_000 });
    const pages = log.calls.length;
    expect(result.current.regions[0]!.pages).toBeGreaterThan(1);
    // 40 ms x 12 (PENDING_DELETION_SLOWDOWN) between lookups: a few in 1.3 s, and no page again.
    await new Promise((done) => setTimeout(done, 1_300));
    const later = log.calls.slice(pages);
    const lookups = later.filter((c) => ((c.input['Filters'] as { backupIds?: string[] } | undefined)?.backupIds ?? []).includes(deep.id));
    expect(lookups.length).toBeGreaterThanOrEqual(1);
    expect(lookups.length).toBeLessThanOrEqual(4);
    expect(later.filter((c) => c.input['NextToken'] !== undefined)).toHaveLength(0);
    // Restored elsewhere: the next lookup shows it READY again.
    await client.send(new RestoreBackupCommand({ BackupId: deep.id }));
    await waitFor(() => expect(result.current.rows.find((r) => r.backup.BackupId === deep.id)?.backup.BackupState).toBe('READY'), {
      timeout: 5_000,
    });
  });

  it('a change to one backup (DeleteBackup through the data layer) is patched into the window without refetching it', async () => {
    const { log, wrapper } = hookHarness(backend);
    const truth = await truthOf('us-west-2');
    const target = truth.filter((b) => b.state === 'READY')[70]!;
    const { result } = renderHook(
      () => ({ window: useBackupWindow(['us-west-2'], { since: new Date(target.t - DAY) }), remove: useDeleteBackupMutation('us-west-2') }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.window.isComplete).toBe(true), { timeout: 10_000 });
    log.clear();
    await act(() => result.current.remove.mutateAsync({ BackupId: target.id }));
    await waitFor(() =>
      expect(result.current.window.rows.find((r) => r.backup.BackupId === target.id)?.backup.BackupState).toBe('PENDING_DELETION'),
    );
    // One DeleteBackup and one lookup of that backup; no page of the window again.
    expect(log.of('DeleteBackup')).toHaveLength(1);
    expect(log.of('DescribeBackups').every((c) => JSON.stringify(c.input['Filters']) === JSON.stringify({ backupIds: [target.id] }))).toBe(
      true,
    );
  });
});
