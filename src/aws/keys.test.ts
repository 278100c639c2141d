import { hashKey, matchQuery, QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { backupKeys, clusterKeys, normalizeFilters, parseScope, policyKeys, scopeOf, tagKeys } from './keys';

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

  it('keep accounts apart: another account’s region is its own scope, the base account’s keys are unchanged', () => {
    const other = { region: 'us-east-1', account: '222233334444' };
    expect(clusterKeys.list(other)).toEqual(['clusters', 'us-east-1@222233334444', 'list', {}]);
    // The base account, named either way, has the keys it had before accounts existed.
    expect(clusterKeys.list({ region: 'us-east-1' })).toEqual(clusterKeys.list('us-east-1'));
    expect(clusterKeys.list({ region: 'us-east-1', account: undefined })).toEqual(['clusters', 'us-east-1', 'list', {}]);
    // Invalidating one account's region touches neither the base account's nor the other way round.
    expect(hits(clusterKeys.lists(other), clusterKeys.list(other, { states: ['ACTIVE'] }))).toBe(true);
    expect(hits(clusterKeys.lists(other), clusterKeys.list('us-east-1'))).toBe(false);
    expect(hits(clusterKeys.lists('us-east-1'), clusterKeys.list(other))).toBe(false);
    expect(hits(backupKeys.windows(other), backupKeys.windowPage('us-east-1', {}, 0))).toBe(false);
    expect(hits(backupKeys.windows(other), backupKeys.windowPage(other, {}, 0))).toBe(true);
    expect(tagKeys.of(other, 'cluster-a')).toEqual(['tags', 'us-east-1@222233334444', 'cluster-a']);
    expect(policyKeys.of(other, 'arn:x')).toEqual(['policies', 'us-east-1@222233334444', 'arn:x']);
    // Everything of a kind is still one prefix.
    expect(hits(backupKeys.all, backupKeys.detail(other, 'backup-a'))).toBe(true);
  });

  it('read a scope back into its region and account', () => {
    expect(parseScope(scopeOf({ region: 'eu-west-1', account: '222233334444' }))).toEqual({ region: 'eu-west-1', account: '222233334444' });
    expect(parseScope(scopeOf('eu-west-1'))).toEqual({ region: 'eu-west-1' });
  });
});
