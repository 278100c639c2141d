// @vitest-environment happy-dom
/**
 * The backup scan against the real server: every page of each region, newest first, drawn as the pages come;
 * a region that fails part-way keeps what it read, says so, and its retry reads it to the end; a deleted
 * backup's new state is patched in without a rescan.
 */
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useDeleteBackupMutation } from '../mutations/backups';
import { startTestBackend, testBackendPerFile } from '../testing/backend';
import { hookHarness } from '../testing/render';
import { useBackupScan } from './backupScan';

const REGIONS = ['us-east-1', 'us-west-2'];
const READY = { states: ['READY'] };
const backend = testBackendPerFile({ large: { clusters: 12, backups: 400, regions: REGIONS } });

/** The store's READY backups of a region, newest first. */
async function readyOf(region: string) {
  const { backups } = await backend.records(region);
  return backups
    .filter((b) => b.BackupState === 'READY')
    .sort((a, b) => b.CreateTimestamp - a.CreateTimestamp || (a.BackupId < b.BackupId ? -1 : 1))
    .map((b) => b.BackupId);
}

describe('useBackupScan', () => {
  it('reads every READY backup of every region, newest first, a page of 50 at a time', async () => {
    const { log, wrapper } = hookHarness(backend);
    const { result } = renderHook(() => useBackupScan(REGIONS, READY, { limit: 10_000 }), { wrapper });
    expect(result.current.isComplete).toBe(false);
    await waitFor(() => expect(result.current.isComplete).toBe(true), { timeout: 10_000 });
    expect(result.current.errors).toEqual([]);
    for (const region of REGIONS) {
      const truth = await readyOf(region);
      expect(truth.length).toBeGreaterThan(100);
      expect(result.current.rows.filter((r) => r.region === region).map((r) => r.backup.BackupId)).toEqual(truth);
      const calls = log.of('DescribeBackups', region);
      expect(calls).toHaveLength(Math.ceil(truth.length / 50));
      expect(calls.every((c) => c.input['SortAscending'] === false && c.input['MaxResults'] === 50)).toBe(true);
      expect(result.current.regions.find((p) => p.region === region)).toEqual({
        region,
        status: 'ready',
        scanned: truth.length,
        complete: true,
        stopped: false,
      });
    }
  });

  it('stops at its limit (newest first, saying there is more), and a larger limit goes on from there reading nothing twice', async () => {
    const { log, wrapper } = hookHarness(backend);
    const { result, rerender } = renderHook(({ limit }) => useBackupScan(['us-east-1'], READY, { limit }), {
      wrapper,
      initialProps: { limit: 100 },
    });
    await waitFor(() => expect(result.current.isSettled).toBe(true), { timeout: 10_000 });
    const truth = await readyOf('us-east-1');
    expect(result.current.isComplete).toBe(false);
    expect(result.current.regions[0]).toMatchObject({ scanned: 100, complete: false, stopped: true });
    expect(result.current.rows.map((r) => r.backup.BackupId)).toEqual(truth.slice(0, 100));
    expect(log.of('DescribeBackups', 'us-east-1')).toHaveLength(2);
    rerender({ limit: 10_000 });
    await waitFor(() => expect(result.current.isComplete).toBe(true), { timeout: 10_000 });
    expect(result.current.rows.map((r) => r.backup.BackupId)).toEqual(truth);
    const calls = log.of('DescribeBackups', 'us-east-1');
    expect(calls).toHaveLength(Math.ceil(truth.length / 50));
    // The third call goes on from the second's NextToken: no page is read twice.
    expect(calls[2]!.input['NextToken']).toBeDefined();
  });

  it('patches a deleted backup’s new state in, without reading the region again', async () => {
    const { log, wrapper } = hookHarness(backend);
    const { result } = renderHook(
      () => ({ scan: useBackupScan(['us-west-2'], READY, { limit: 10_000 }), remove: useDeleteBackupMutation('us-west-2') }),
      {
        wrapper,
      },
    );
    await waitFor(() => expect(result.current.scan.isComplete).toBe(true), { timeout: 10_000 });
    const target = result.current.scan.rows[60]!.backup.BackupId!;
    const pagesBefore = log.of('DescribeBackups', 'us-west-2').length;
    await act(() => result.current.remove.mutateAsync({ BackupId: target }));
    await waitFor(() =>
      expect(result.current.scan.rows.find((r) => r.backup.BackupId === target)?.backup.BackupState).toBe('PENDING_DELETION'),
    );
    // One DescribeBackups by id (the patch), no page again.
    expect(
      log
        .of('DescribeBackups', 'us-west-2')
        .slice(pagesBefore)
        .every((c) => c.input['Filters'] !== undefined && 'backupIds' in (c.input['Filters'] as object)),
    ).toBe(true);
  });
});

describe('useBackupScan when a region fails part-way', () => {
  it('keeps the pages read, names the region with its AWS error, and the retry reads it to the end', async () => {
    const own = await startTestBackend({ large: { clusters: 4, backups: 300, regions: ['us-east-1'] } });
    try {
      const { clients, wrapper } = hookHarness(own);
      // While `fail`, the third page is asked with a token the server does not know.
      let fail = true;
      let tokens = 0;
      clients.forRegion('us-east-1').middlewareStack.add(
        (next) => async (args) => {
          const input = args.input as { NextToken?: string };
          if (fail && input.NextToken && ++tokens === 2) input.NextToken = 'not-a-token';
          return next(args);
        },
        { step: 'initialize', name: 'failThirdPage' },
      );
      const { result } = renderHook(() => useBackupScan(['us-east-1'], READY, { limit: 10_000 }), { wrapper });
      await waitFor(() => expect(result.current.errors).toHaveLength(1), { timeout: 10_000 });
      const failure = result.current.errors[0]!;
      expect(failure.region).toBe('us-east-1');
      expect(failure.error.info.operation).toBe('DescribeBackups');
      expect(failure.error.info.code).toMatch(/Exception$/);
      expect(result.current.regions[0]).toMatchObject({ status: 'error', scanned: 100, complete: false });
      expect(result.current.rows).toHaveLength(100);
      expect(result.current.isComplete).toBe(true);

      fail = false;
      await act(() => failure.retry());
      await waitFor(() => expect(result.current.regions[0]).toMatchObject({ status: 'ready', complete: true }), { timeout: 10_000 });
      const { backups } = await own.records('us-east-1');
      expect(result.current.rows).toHaveLength(backups.filter((b) => b.BackupState === 'READY').length);
      expect(result.current.errors).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
