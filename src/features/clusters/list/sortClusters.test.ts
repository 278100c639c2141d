import { describe, expect, it } from 'vitest';
import { sortClusters } from './sortClusters';
import { hsm, row } from './testRows';

const rows = [
  row(
    'us-east-1',
    {
      ClusterId: 'cluster-b',
      State: 'ACTIVE',
      CreateTimestamp: new Date('2026-01-02T00:00:00Z'),
      Hsms: [hsm('a'), hsm('b')],
      BackupRetentionPolicy: { Type: 'DAYS', Value: '90' },
    },
    { Name: 'beta' },
  ),
  row(
    'eu-west-1',
    {
      ClusterId: 'cluster-a',
      State: 'UNINITIALIZED',
      CreateTimestamp: new Date('2026-03-01T00:00:00Z'),
      BackupRetentionPolicy: { Type: 'DAYS', Value: '7' },
    },
    { Name: 'Alpha' },
  ),
  row('us-west-2', { ClusterId: 'cluster-c', State: 'ACTIVE', Hsms: [hsm('a')], BackupRetentionPolicy: { Type: 'DAYS', Value: '365' } }),
];
const ids = (r: typeof rows) => r.map((x) => x.cluster.ClusterId);

describe('sortClusters', () => {
  it('keeps the given order without a sort, and returns a copy', () => {
    const out = sortClusters(rows, null);
    expect(ids(out)).toEqual(['cluster-b', 'cluster-a', 'cluster-c']);
    expect(out).not.toBe(rows);
  });

  it('sorts by created both ways, missing values last either way', () => {
    expect(ids(sortClusters(rows, { column: 'created', direction: 'asc' }))).toEqual(['cluster-b', 'cluster-a', 'cluster-c']);
    expect(ids(sortClusters(rows, { column: 'created', direction: 'desc' }))).toEqual(['cluster-a', 'cluster-b', 'cluster-c']);
  });

  it('sorts names case-insensitively, numbers numerically, and breaks ties by region then id', () => {
    expect(ids(sortClusters(rows, { column: 'name', direction: 'asc' }))).toEqual(['cluster-a', 'cluster-b', 'cluster-c']);
    expect(ids(sortClusters(rows, { column: 'retention', direction: 'asc' }))).toEqual(['cluster-a', 'cluster-b', 'cluster-c']);
    expect(ids(sortClusters(rows, { column: 'retention', direction: 'desc' }))).toEqual(['cluster-c', 'cluster-b', 'cluster-a']);
    expect(ids(sortClusters(rows, { column: 'hsms', direction: 'desc' }))).toEqual(['cluster-b', 'cluster-c', 'cluster-a']);
    // State sorts by the words the column shows: "Active", then "Active · Not highly available" (one HSM).
    expect(ids(sortClusters(rows, { column: 'state', direction: 'asc' }))).toEqual(['cluster-b', 'cluster-c', 'cluster-a']);
    expect(ids(sortClusters(rows, { column: 'state', direction: 'desc' }))).toEqual(['cluster-a', 'cluster-c', 'cluster-b']);
    expect(ids(sortClusters(rows, { column: 'region', direction: 'desc' }))).toEqual(['cluster-c', 'cluster-b', 'cluster-a']);
  });

  it('sorts thousands of rows', () => {
    const many = Array.from({ length: 5000 }, (_, i) =>
      row(`r-${i % 7}`, { ClusterId: `cluster-${i}`, CreateTimestamp: new Date(1_700_000_000_000 + ((i * 7919) % 5000) * 1000) }),
    );
    const out = sortClusters(many, { column: 'created', direction: 'desc' });
    for (let i = 1; i < out.length; i++)
      expect(out[i - 1]!.cluster.CreateTimestamp!.getTime()).toBeGreaterThanOrEqual(out[i]!.cluster.CreateTimestamp!.getTime());
  });
});
