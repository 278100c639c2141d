import { hashKey, matchQuery, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { backupKeys, clusterKeys, normalizeFilters, policyKeys, tagKeys } from './keys';

/** Whether invalidating `prefix` would hit a query with `key` (react-query's own matcher). */
function hits(prefix: readonly unknown[], key: readonly unknown[]): boolean {
  const client = new QueryClient();
  const query = client.getQueryCache().build(client, { queryKey: key });
  return matchQuery({ queryKey: prefix }, query);
}

describe('query keys', () => {
  it('start with the kind and the region', () => {
    expect(clusterKeys.list('us-east-1', { states: ['ACTIVE'] })).toEqual(['clusters', 'us-east-1', 'list', { states: ['ACTIVE'] }]);
    expect(clusterKeys.detail('eu-west-1', 'cluster-a')).toEqual(['clusters', 'eu-west-1', 'detail', 'cluster-a']);
    expect(backupKeys.list('us-east-1')).toEqual(['backups', 'us-east-1', 'list', {}]);
    expect(backupKeys.detail('us-east-1', 'backup-a')).toEqual(['backups', 'us-east-1', 'detail', 'backup-a']);
    expect(tagKeys.of('us-east-1', 'cluster-a')).toEqual(['tags', 'us-east-1', 'cluster-a']);
    expect(policyKeys.of('us-east-1', 'arn:x')).toEqual(['policies', 'us-east-1', 'arn:x']);
  });

  it('normalize filters so equal filters are one query', () => {
    expect(normalizeFilters({ states: ['READY', 'CREATE_IN_PROGRESS', 'READY'], clusterIds: [] })).toEqual({
      states: ['CREATE_IN_PROGRESS', 'READY'],
    });
    expect(hashKey(backupKeys.list('r', { clusterIds: ['b', 'a'], states: ['READY'] }))).toBe(
      hashKey(backupKeys.list('r', { states: ['READY'], clusterIds: ['a', 'b'] })),
    );
  });

  it('nest: a region prefix covers its lists and details, and nothing of another region or kind', () => {
    expect(hits(clusterKeys.lists('us-east-1'), clusterKeys.list('us-east-1', { states: ['ACTIVE'] }))).toBe(true);
    expect(hits(clusterKeys.lists('us-east-1'), clusterKeys.detail('us-east-1', 'cluster-a'))).toBe(false);
    expect(hits(clusterKeys.lists('us-east-1'), clusterKeys.list('us-west-2'))).toBe(false);
    expect(hits(backupKeys.lists('us-east-1'), backupKeys.infinite('us-east-1', { clusterIds: ['cluster-a'] }, 50))).toBe(true);
    expect(hits(backupKeys.lists('us-east-1'), backupKeys.list('us-east-1', { clusterIds: ['cluster-a'] }))).toBe(true);
    expect(hits(clusterKeys.region('us-east-1'), backupKeys.list('us-east-1'))).toBe(false);
    expect(hits(clusterKeys.all, clusterKeys.detail('ap-southeast-1', 'cluster-a'))).toBe(true);
    // The complete list and the infinite one are different queries (their data differ in shape).
    expect(hashKey(backupKeys.list('r'))).not.toBe(hashKey(backupKeys.infinite('r', {}, 50)));
  });
});
