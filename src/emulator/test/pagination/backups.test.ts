/**
 * Pagination of DescribeBackups over real HTTP, against the `large` seed: no duplicates, no gaps, both sort
 * orders, tokens bound to their query.
 */
import { paginateDescribeBackups } from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { backupIds, expectNoDuplicates, expectTokenRefused, sorted, time, usePagedEmulator } from '../../testing/pagination';

const env = usePagedEmulator();

describe('DescribeBackups pagination', () => {
  it('default order is newest first; SortAscending: true is exactly the reverse; false is the default', async () => {
    const newestFirst = await env.backupPages({}, 50);
    for (let i = 1; i < newestFirst.length; i++) {
      expect(time(newestFirst[i]!.CreateTimestamp)).toBeLessThanOrEqual(time(newestFirst[i - 1]!.CreateTimestamp));
    }
    const ascending = await env.backupPages({ SortAscending: true }, 50);
    expect(backupIds(ascending)).toEqual(backupIds(newestFirst).reverse());
    expect(backupIds(await env.backupPages({ SortAscending: false }, 50))).toEqual(backupIds(newestFirst));
  });

  it('every page size from 1 to 50 returns every backup once, in the same order', async () => {
    const expected = env.storedBackupIds();
    expect(expected.length).toBeGreaterThan(100);
    const reference = backupIds(await env.backupPages({}, 50));
    expect(sorted(reference)).toEqual(expected);
    expectNoDuplicates(reference);
    for (let limit = 1; limit < 50; limit++) {
      expect(backupIds(await env.backupPages({}, limit)), `MaxResults ${limit}`).toEqual(reference);
    }
    for (const limit of [1, 7, 50]) {
      expect(backupIds(await env.backupPages({ SortAscending: true }, limit)), `ascending, MaxResults ${limit}`).toEqual(
        [...reference].reverse(),
      );
    }
  });

  it('with no MaxResults a page holds at most 50 backups', async () => {
    const first = await env.describeBackups();
    expect(first.Backups).toHaveLength(50);
    expect(first.NextToken).toBeDefined();
  });

  it('the SDK paginator gets the same backups both ways, and stops on a last page without NextToken', async () => {
    const reference = backupIds(await env.backupPages({}, 50));
    for (const ascending of [false, true]) {
      const viaSdk: string[] = [];
      let pages = 0;
      for await (const page of paginateDescribeBackups({ client: env.client, pageSize: 13 }, { SortAscending: ascending })) {
        viaSdk.push(...backupIds(page.Backups ?? []));
        pages++;
      }
      expect(viaSdk).toEqual(ascending ? [...reference].reverse() : reference);
      expect(pages).toBe(Math.ceil(reference.length / 13));
    }
    const last = await env.raw('DescribeBackups', { MaxResults: 50, Filters: { backupIds: reference.slice(0, 3) } });
    expect(last.body).not.toHaveProperty('NextToken');
    expect((last.body['Backups'] as unknown[]).length).toBe(3);
  });

  it('refuses a token reused with other filters or the other order', async () => {
    const real = await env.firstBackupToken();
    await expectTokenRefused(env.describeBackups({ NextToken: real, SortAscending: true }));
    await expectTokenRefused(env.describeBackups({ NextToken: real, Filters: { states: ['READY'] } }));
    const ascending = await env.firstBackupToken({ SortAscending: true });
    await expectTokenRefused(env.describeBackups({ NextToken: ascending }));
    const filtered = await env.firstBackupToken({ Filters: { states: ['READY'] } });
    await expectTokenRefused(env.describeBackups({ NextToken: filtered, Filters: { states: ['PENDING_DELETION'] } }));
    const ok = await env.describeBackups({ NextToken: filtered, Filters: { states: ['READY'] }, MaxResults: 3 });
    expect(ok.Backups).toHaveLength(3);
    expect(ok.Backups!.every((b) => b.BackupState === 'READY')).toBe(true);
  });
});
