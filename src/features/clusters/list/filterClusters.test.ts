import { describe, expect, it } from 'vitest';
import { filterClusters, parseTagFilter } from './filterClusters';
import { hsm, row } from './testRows';
import { EMPTY_FILTERS } from './types';

const rows = [
  row(
    'us-east-1',
    { ClusterId: 'cluster-aaaaaaaaaaa', State: 'ACTIVE', VpcId: 'vpc-1', HsmType: 'hsm2m.medium', Mode: 'FIPS', Hsms: [hsm('us-east-1a')] },
    { Name: 'payments-prod', Environment: 'production' },
  ),
  row(
    'us-east-1',
    { ClusterId: 'cluster-bbbbbbbbbbb', State: 'UNINITIALIZED', VpcId: 'vpc-2', HsmType: 'hsm1.medium' },
    { Name: 'tokenization', Environment: 'staging' },
  ),
  row(
    'eu-west-1',
    { ClusterId: 'cluster-ccccccccccc', State: 'DEGRADED', VpcId: 'vpc-3', Mode: 'NON_FIPS' },
    { Name: 'identity', Environment: 'production', 'Cost=Center': 'a=b' },
  ),
  row('eu-west-1', { ClusterId: 'cluster-ddddddddddd', State: 'CREATE_IN_PROGRESS' }),
];
const ids = (r: typeof rows) => r.map((x) => x.cluster.ClusterId);

describe('filterClusters', () => {
  it('the account filter matches a row’s account, a row without one (the base account’s) by the base id', () => {
    const other = { ...row('us-east-1', { ClusterId: 'cluster-eeeeeeeeeee', State: 'ACTIVE' }), account: '222233334444' };
    const all = [...rows, other];
    expect(ids(filterClusters(all, { ...EMPTY_FILTERS, account: ['222233334444'] }, Date.now(), '111122223333'))).toEqual([
      'cluster-eeeeeeeeeee',
    ]);
    expect(filterClusters(all, { ...EMPTY_FILTERS, account: ['111122223333'] }, Date.now(), '111122223333')).toHaveLength(4);
    expect(filterClusters(all, { ...EMPTY_FILTERS, account: ['111122223333', '222233334444'] }, Date.now(), '111122223333')).toHaveLength(
      5,
    );
  });

  it('returns everything with no filter', () => {
    expect(filterClusters(rows, EMPTY_FILTERS)).toHaveLength(4);
  });

  it('"needs attention" keeps the clusters whose health is not fine, judged at the given time', () => {
    const now = Date.UTC(2026, 5, 1);
    const healthy = row('us-east-1', { ClusterId: 'cluster-hhhhhhhhhhh', State: 'ACTIVE', Hsms: [hsm('us-east-1a'), hsm('us-east-1b')] });
    const degraded = row('eu-west-1', {
      ClusterId: 'cluster-ggggggggggg',
      State: 'ACTIVE',
      Hsms: [hsm('eu-west-1a'), hsm('eu-west-1b', 'DEGRADED'), hsm('eu-west-1c')],
    });
    const young = row('us-east-1', {
      ClusterId: 'cluster-yyyyyyyyyyy',
      State: 'UNINITIALIZED',
      CreateTimestamp: new Date(now - 3_600_000),
    });
    const attention = { ...EMPTY_FILTERS, attention: true };
    expect(ids(filterClusters([healthy, degraded, young, ...rows], attention, now))).toEqual([
      'cluster-ggggggggggg',
      // Single AZ, degraded cluster: both need a look. UNINITIALIZED without a date and creating ones do not.
      'cluster-aaaaaaaaaaa',
      'cluster-ccccccccccc',
    ]);
    // A day later the uninitialized cluster needs a look too.
    expect(ids(filterClusters([young], attention, now + 2 * 86_400_000))).toEqual(['cluster-yyyyyyyyyyy']);
  });

  it('finds a cluster by its health words', () => {
    const degraded = row('eu-west-1', { ClusterId: 'cluster-ggggggggggg', State: 'ACTIVE', Hsms: [hsm('a'), hsm('b', 'DEGRADED')] });
    expect(ids(filterClusters([degraded, ...rows], { ...EMPTY_FILTERS, q: 'active · degraded' }))).toEqual(['cluster-ggggggggggg']);
  });

  it('filters by state and region (any of several) and VPC', () => {
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, state: ['ACTIVE', 'DEGRADED'] }))).toEqual([
      'cluster-aaaaaaaaaaa',
      'cluster-ccccccccccc',
    ]);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, region: ['eu-west-1'] }))).toEqual(['cluster-ccccccccccc', 'cluster-ddddddddddd']);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, vpc: 'vpc-2' }))).toEqual(['cluster-bbbbbbbbbbb']);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, state: ['ACTIVE'], region: ['eu-west-1'] }))).toEqual([]);
  });

  it('filters by tag key=value, or by key alone', () => {
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, tag: 'Environment=production' }))).toEqual([
      'cluster-aaaaaaaaaaa',
      'cluster-ccccccccccc',
    ]);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, tag: 'Environment' }))).toHaveLength(3);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, tag: 'Environment=Production' }))).toEqual([]);
    expect(parseTagFilter('Cost=Center=a=b')).toEqual({ key: 'Cost', value: 'Center=a=b' });
    expect(parseTagFilter(' Environment = production ')).toEqual({ key: 'Environment', value: 'production' });
    expect(parseTagFilter('Environment=')).toEqual({ key: 'Environment', value: '' });
    expect(parseTagFilter('  ')).toBeNull();
  });

  it('searches text case-insensitively over id, name, state label, tags and more; every word must match', () => {
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, q: 'PAYMENTS' }))).toEqual(['cluster-aaaaaaaaaaa']);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, q: 'ccccc' }))).toEqual(['cluster-ccccccccccc']);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, q: 'create in progress' }))).toEqual(['cluster-ddddddddddd']);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, q: 'production eu-west' }))).toEqual(['cluster-ccccccccccc']);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, q: 'hsm1.medium' }))).toEqual(['cluster-bbbbbbbbbbb']);
    expect(ids(filterClusters(rows, { ...EMPTY_FILTERS, q: 'nothing-like-this' }))).toEqual([]);
  });
});
