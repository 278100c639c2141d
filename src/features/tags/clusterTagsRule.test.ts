import { describe, expect, it } from 'vitest';
import { clusterTagsDisabledReason } from './clusterTagsRule';

describe('clusterTagsDisabledReason', () => {
  it('turns tag editing off for a deleted cluster or one being deleted', () => {
    expect(clusterTagsDisabledReason('DELETED')).toBe('The cluster is already deleted.');
    expect(clusterTagsDisabledReason('DELETE_IN_PROGRESS')).toBe('The cluster is already being deleted.');
  });

  it('leaves it on in every other state, and when the state is not known', () => {
    for (const state of [
      'CREATE_IN_PROGRESS',
      'UNINITIALIZED',
      'INITIALIZE_IN_PROGRESS',
      'INITIALIZED',
      'ACTIVE',
      'DEGRADED',
      'MODIFY_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
      undefined,
    ]) {
      expect(clusterTagsDisabledReason(state)).toBeNull();
    }
  });
});
