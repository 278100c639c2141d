import { describe, expect, it } from 'vitest';
import { createdClusterOf, createdClusterSentence, createdClusterState } from './createdNotice';
import { hsmCreatedSentence, hsmDeletedSentence } from './hsms/hsmNotices';

describe('createdClusterOf', () => {
  it('reads the created cluster from router state for this cluster only; anything else is null', () => {
    const state = createdClusterState('cluster-abcdefghijk', 'eu-west-1');
    expect(createdClusterOf(state, 'cluster-abcdefghijk')).toEqual({ clusterId: 'cluster-abcdefghijk', region: 'eu-west-1' });
    expect(createdClusterOf(state, 'cluster-zzzzzzzzzzz')).toBeNull();
    for (const bad of [null, undefined, 'x', {}, { createdCluster: null }, { createdCluster: { clusterId: 7 } }])
      expect(createdClusterOf(bad, 'cluster-abcdefghijk')).toBeNull();
  });
});

describe('createdClusterSentence', () => {
  const fresh = { clusterId: 'cluster-abcdefghijk', region: 'eu-west-1' };
  const restored = { ...fresh, restoredFrom: 'backup-abcdefghijk' };
  it('follows the cluster from being created to its first settled state', () => {
    expect(createdClusterSentence(fresh, 'CREATE_IN_PROGRESS')).toEqual({
      settled: false,
      text: 'AWS is setting it up (CREATE_IN_PROGRESS); this page follows it until it is ready (UNINITIALIZED).',
    });
    expect(createdClusterSentence(restored, undefined).text).toContain('until it is ready (ACTIVE)');
    expect(createdClusterSentence(fresh, 'UNINITIALIZED')).toEqual({
      settled: true,
      text: 'It is ready but not initialized (UNINITIALIZED): next, add its first HSM.',
    });
    expect(createdClusterSentence(restored, 'ACTIVE').text).toContain('(ACTIVE)');
    expect(createdClusterSentence(fresh, 'DELETE_IN_PROGRESS')).toEqual({ settled: true, text: 'It is now DELETE_IN_PROGRESS.' });
  });
});

describe('hsmCreatedSentence', () => {
  it('says the HSM is being created until it is ACTIVE, then says so', () => {
    expect(hsmCreatedSentence('CREATE_IN_PROGRESS')).toContain('is being created (CREATE_IN_PROGRESS)');
    expect(hsmCreatedSentence(undefined)).toContain('is being created');
    expect(hsmCreatedSentence('ACTIVE')).toBe('was created and is ready (ACTIVE).');
    expect(hsmCreatedSentence('DEGRADED')).toBe('was created and is now DEGRADED.');
  });
});

describe('hsmDeletedSentence', () => {
  it('says the HSM is being deleted while it is listed, then that it was deleted', () => {
    expect(hsmDeletedSentence('DELETE_IN_PROGRESS')).toBe(
      'is being deleted (DELETE_IN_PROGRESS); it disappears from the cluster when AWS is done.',
    );
    expect(hsmDeletedSentence(undefined)).toBe('was deleted.');
    expect(hsmDeletedSentence('DELETED')).toBe('was deleted.');
  });
});
