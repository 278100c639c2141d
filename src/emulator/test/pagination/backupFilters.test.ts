/**
 * Filters of DescribeBackups over real HTTP, against the `large` seed in two regions (so there are cross-region
 * copies to find with sourceBackupIds): as the service applies them, across pages.
 */
import {
  CopyBackupToRegionCommand,
  DeleteBackupCommand,
  DeleteHsmCommand,
  ModifyBackupAttributesCommand,
  type Backup,
} from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_REGION as REGION } from '../../testing/env';
import { backupIds, expectFiltersRefused, expectNoDuplicates, sorted, walk, usePagedEmulator, WEST } from '../../testing/pagination';

const env = usePagedEmulator();

let all: Backup[] = [];
beforeAll(async () => {
  // Whatever the seed holds, make sure there are NeverExpires backups, a PENDING_DELETION one and a copy.
  const ready = (await env.backupPages({ Filters: { states: ['READY'] } }, 50)).filter((b) => b.NeverExpires !== true);
  for (const b of ready.slice(0, 2)) await env.client.send(new ModifyBackupAttributesCommand({ BackupId: b.BackupId, NeverExpires: true }));
  await env.client.send(new DeleteBackupCommand({ BackupId: ready[2]!.BackupId }));
  await env.client.send(new CopyBackupToRegionCommand({ BackupId: ready[3]!.BackupId, DestinationRegion: WEST }));
  all = await env.backupPages({}, 50);
});
const only = (keep: (b: Backup) => boolean): string[] => backupIds(all.filter(keep));

describe('DescribeBackups filters', () => {
  it('backupIds: exactly those backups; unknown ids match nothing', async () => {
    const picked = [all[5]!, all[40]!, all[99]!].map((b) => b.BackupId!);
    expect(backupIds(await env.backupPages({ Filters: { backupIds: [...picked, 'backup-zzzzzzzzzzz'] } }, 2))).toEqual(
      only((b) => picked.includes(b.BackupId!)),
    );
    expect(await env.backupPages({ Filters: { backupIds: ['backup-zzzzzzzzzzz'] } }, 50)).toEqual([]);
  });

  it('clusterIds and states (ORed values, ANDed keys), across pages', async () => {
    const owner = all[0]!.ClusterId!;
    expect(backupIds(await env.backupPages({ Filters: { clusterIds: [owner] } }, 3))).toEqual(only((b) => b.ClusterId === owner));
    expect(await env.backupPages({ Filters: { clusterIds: ['cluster-zzzzzzzzzzz'] } }, 50)).toEqual([]);
    const ready = only((b) => b.BackupState === 'READY');
    expect(ready.length).toBeGreaterThan(50);
    expect(backupIds(await env.backupPages({ Filters: { states: ['READY'] } }, 7))).toEqual(ready);
    const notReady = only((b) => b.BackupState === 'PENDING_DELETION' || b.BackupState === 'CREATE_IN_PROGRESS');
    expect(notReady.length).toBeGreaterThan(0);
    expect(backupIds(await env.backupPages({ Filters: { states: ['PENDING_DELETION', 'CREATE_IN_PROGRESS'] } }, 1))).toEqual(notReady);
    expect(await env.backupPages({ Filters: { states: ['DELETED'] } }, 50)).toEqual(all.filter((b) => b.BackupState === 'DELETED'));
    expect(backupIds(await env.backupPages({ Filters: { states: ['READY'], clusterIds: [owner] } }, 50))).toEqual(
      only((b) => b.BackupState === 'READY' && b.ClusterId === owner),
    );
    const ascending = await env.backupPages({ Filters: { states: ['READY'] }, SortAscending: true }, 9);
    expect(backupIds(ascending)).toEqual([...ready].reverse());
  });

  it('neverExpires: ["true"] and ["false"] split the backups; both values match all', async () => {
    const forever = only((b) => b.NeverExpires === true);
    expect(forever.length).toBeGreaterThan(0);
    expect(backupIds(await env.backupPages({ Filters: { neverExpires: ['true'] } }, 2))).toEqual(forever);
    expect(backupIds(await env.backupPages({ Filters: { neverExpires: ['false'] } }, 50))).toEqual(only((b) => b.NeverExpires !== true));
    expect(backupIds(await env.backupPages({ Filters: { neverExpires: ['true', 'false'] } }, 50))).toEqual(backupIds(all));
  });

  it('sourceBackupIds finds the cross-region copies in the destination region only', async () => {
    const westAll = await env.backupPages({}, 50, env.westClient);
    const copies = westAll.filter((b) => b.SourceRegion === REGION);
    expect(copies.length).toBeGreaterThan(0);
    const sources = [...new Set(copies.map((b) => b.SourceBackup!))];
    for (const source of sources) {
      expect(all.some((b) => b.BackupId === source)).toBe(true);
      const found = await env.backupPages({ Filters: { sourceBackupIds: [source] } }, 50, env.westClient);
      expect(backupIds(found)).toEqual(backupIds(copies.filter((b) => b.SourceBackup === source)));
      for (const copy of found) {
        expect(copy.SourceRegion).toBe(REGION);
        expect(copy.CreateTimestamp).toEqual(all.find((b) => b.BackupId === source)!.CreateTimestamp);
      }
      // The source region holds the original, not the copy.
      expect(await env.backupPages({ Filters: { sourceBackupIds: [source] } }, 50)).toEqual([]);
    }
    expect(backupIds(await env.backupPages({ Filters: { sourceBackupIds: sources } }, 2, env.westClient))).toEqual(backupIds(copies));
    expect(await env.backupPages({ Filters: { sourceBackupIds: ['backup-zzzzzzzzzzz'] } }, 50, env.westClient)).toEqual([]);
  });

  it('refuses unknown filter keys and bad values', async () => {
    await expectFiltersRefused(env.describeBackups, [
      [{ backupIDs: [all[0]!.BackupId!] }, /Invalid filter key "backupIDs"/],
      [{ vpcIds: ['vpc-0123456789abcdef0'] }, /Invalid filter key "vpcIds"/],
      [{ neverExpires: ['TRUE'] }, /Invalid value\(s\) for filter "neverExpires": TRUE/],
      [{ states: ['PENDING_DELETE'] }, /Invalid value\(s\) for filter "states": PENDING_DELETE/],
    ]);
  });
});

describe('DescribeBackups filters while backups are taken', () => {
  it('a backup taken while paging newest-first does not duplicate or shift the backups still to come', async () => {
    const before = env.storedBackupIds();
    const first = await env.describeBackups({ MaxResults: 20 });
    // Removing an HSM from an ACTIVE cluster takes a backup right away: the newest of all.
    const clusters = await env.clusterPages({ states: ['ACTIVE'] }, 25);
    const target = clusters.find((c) => (c.Hsms ?? []).some((h) => h.State === 'ACTIVE'))!;
    const hsm = target.Hsms!.find((h) => h.State === 'ACTIVE')!;
    await env.client.send(new DeleteHsmCommand({ ClusterId: target.ClusterId, HsmId: hsm.HsmId }));
    const added = env.storedBackupIds().filter((id) => !before.includes(id));
    expect(added).toHaveLength(1);
    const rest = await walk<Backup>(20, async (token) => {
      const r = await env.describeBackups({ MaxResults: 20, NextToken: token ?? first.NextToken });
      return { items: r.Backups ?? [], next: r.NextToken };
    });
    const ids = [...backupIds(first.Backups!), ...backupIds(rest)];
    expectNoDuplicates(ids);
    expect(sorted(ids)).toEqual(before);
    // A fresh listing starts with it.
    expect((await env.describeBackups({ MaxResults: 1 })).Backups![0]!.BackupId).toBe(added[0]);
  });
});
