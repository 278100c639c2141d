// @vitest-environment happy-dom
/**
 * Backup queries against the real server, seeded with about 120 backups per region (3 pages of 50).
 */
import { DeleteBackupCommand } from '@aws-sdk/client-cloudhsm-v2';
import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { backupKeys } from '../keys';
import { testBackendPerFile } from '../testing/backend';
import { hookHarness, renderFanOut, renderParallelFanOut } from '../testing/render';
import { RequestLog } from '../testing/requestLog';
import { useAllBackupsQuery, useBackupQuery, useBackupsQuery } from './backups';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const backend = testBackendPerFile({ large: { clusters: 24, backups: 360, regions: REGIONS } });

/** Backup ids of a region, optionally of one cluster, from the emulator's store. */
async function backupIdsIn(region: string, clusterId?: string): Promise<string[]> {
  const { backups } = await backend.records(region);
  return backups
    .filter((b) => clusterId === undefined || b.ClusterId === clusterId)
    .map((b) => b.BackupId)
    .sort();
}

describe('useBackupsQuery (infinite)', () => {
  it('loads page after page with NextToken until the last page, 50 at a time', async () => {
    const { log, wrapper } = hookHarness(backend);
    const { result } = renderHook(() => useBackupsQuery('us-east-1'), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data!.pages[0]!.backups).toHaveLength(50);
    expect(result.current.hasNextPage).toBe(true);
    while (result.current.hasNextPage) {
      await act(() => result.current.fetchNextPage());
    }
    const truth = await backupIdsIn('us-east-1');
    expect(truth.length).toBeGreaterThan(100);
    const pages = result.current.data!.pages;
    expect(pages).toHaveLength(Math.ceil(truth.length / 50));
    expect(pages.at(-1)!.nextToken).toBeUndefined();
    const loaded = pages.flatMap((p) => p.backups);
    expect(loaded.map((b) => b.BackupId).sort()).toEqual(truth);
    expect(loaded.every((b) => b.BackupArn?.endsWith(`:backup/${b.BackupId}`) && b.Mode !== undefined && b.HsmType !== undefined)).toBe(
      true,
    );
    const calls = log.of('DescribeBackups');
    expect(calls.map((c) => c.input['MaxResults'])).toEqual(pages.map(() => 50));
    expect(calls[0]!.input['NextToken']).toBeUndefined();
    expect(calls.slice(1).every((c, i) => c.input['NextToken'] === pages[i]!.nextToken)).toBe(true);
  });
});

describe('useAllBackupsQuery', () => {
  it('pages every region to the end, the regions in parallel', async () => {
    const { result, log } = await renderParallelFanOut(backend, REGIONS, 'DescribeBackups', () => useAllBackupsQuery(REGIONS));
    for (const region of REGIONS) {
      const truth = await backupIdsIn(region);
      const rows = result.current.rows.filter((r) => r.region === region);
      expect(rows.map((r) => r.backup.BackupId).sort()).toEqual(truth);
      expect(log.of('DescribeBackups', region)).toHaveLength(Math.ceil(truth.length / 50));
    }
  });

  it('with clusterIds, runs one filtered, paginated stream per (region, cluster), all at once', async () => {
    const { log, wrapper, queryClient } = hookHarness(backend);
    const regions = ['us-east-1', 'us-west-2'];
    const owners = await Promise.all(
      regions.map(async (region) => [...new Set((await backend.records(region)).backups.map((b) => b.ClusterId))].slice(0, 2)),
    );
    const clusterIds = owners.flat();
    expect(clusterIds).toHaveLength(4);
    const result = await renderFanOut(() => useAllBackupsQuery(regions, { clusterIds }), wrapper);

    for (const [i, region] of regions.entries()) {
      for (const clusterId of owners[i]!) {
        const truth = await backupIdsIn(region, clusterId);
        expect(truth.length).toBeGreaterThan(0);
        const rows = result.current.rows.filter((r) => r.region === region && r.backup.ClusterId === clusterId);
        expect(rows.map((r) => r.backup.BackupId).sort()).toEqual(truth);
        expect(queryClient.getQueryData(backupKeys.list(region, { clusterIds: [clusterId] }))).toHaveLength(truth.length);
      }
    }
    // Every (region, cluster) pair asked with its own filter; the first calls of all 8 streams overlapped.
    const firstCalls = regions.flatMap((region) =>
      clusterIds.map((clusterId) =>
        log.of('DescribeBackups', region).find((c) => JSON.stringify(c.input['Filters']) === JSON.stringify({ clusterIds: [clusterId] }))!,
      ),
    );
    expect(firstCalls.every(Boolean)).toBe(true);
    expect(RequestLog.maxOverlap(firstCalls)).toBe(regions.length * clusterIds.length);
  });
});

describe('useBackupQuery', () => {
  it('returns one backup with its extras; a READY backup does not poll, a PENDING_DELETION one does, slowly', async () => {
    const { clients, log, wrapper } = hookHarness(backend, 40);
    const { backups } = await backend.records('eu-west-1');
    const [ready, toDelete] = backups.filter((b) => b.BackupState === 'READY' && !b.SourceRegion);
    await clients.forRegion('eu-west-1').send(new DeleteBackupCommand({ BackupId: toDelete!.BackupId }));
    log.clear();
    const { result } = renderHook(
      () => ({ ready: useBackupQuery('eu-west-1', ready!.BackupId), deleted: useBackupQuery('eu-west-1', toDelete!.BackupId) }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.ready.isSuccess && result.current.deleted.isSuccess).toBe(true));
    expect(result.current.ready.data).toMatchObject({
      BackupId: ready!.BackupId,
      BackupState: 'READY',
      BackupArn: expect.stringContaining(ready!.BackupId),
      Mode: ready!.Mode,
    });
    expect(result.current.deleted.data).toMatchObject({ BackupState: 'PENDING_DELETION', DeleteTimestamp: expect.any(Date) });
    // 40 ms × PENDING_DELETION_SLOWDOWN (12) = 480 ms between polls: 2 or 3 more calls in 1.3 s, not 30.
    await new Promise((done) => setTimeout(done, 1_300));
    const asked = (id: string) =>
      log.calls.filter((c) => JSON.stringify(c.input['Filters']) === JSON.stringify({ backupIds: [id] })).length;
    expect(asked(ready!.BackupId)).toBe(1);
    expect(asked(toDelete!.BackupId)).toBeGreaterThanOrEqual(2);
    expect(asked(toDelete!.BackupId)).toBeLessThanOrEqual(5);
  });
});
