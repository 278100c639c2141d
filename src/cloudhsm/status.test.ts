import { describe, expect, it } from 'vitest';
import { BACKUP_STATES, CLUSTER_STATES, HSM_STATES } from './states';
import { backupStatus, clusterStatus, hsmStatus, statusOf, worstTone } from './status';

describe('statusOf', () => {
  it('gives every API state of every kind a label that is not the raw enum value', () => {
    const all = [
      ...CLUSTER_STATES.map((s) => clusterStatus(s)),
      ...HSM_STATES.map((s) => hsmStatus(s)),
      ...BACKUP_STATES.map((s) => backupStatus(s)),
    ];
    for (const spec of all) expect(spec.label).not.toMatch(/_/);
  });

  it('reads the same state the same way for clusters and HSMs', () => {
    for (const state of ['ACTIVE', 'DEGRADED', 'CREATE_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'DELETED']) {
      expect(hsmStatus(state)).toEqual(clusterStatus(state));
    }
  });

  it('marks in-progress states and PENDING_DELETION as transitional, settled ones not', () => {
    expect(clusterStatus('CREATE_IN_PROGRESS')).toMatchObject({ label: 'Create in progress', tone: 'progress', transitional: true });
    expect(backupStatus('PENDING_DELETION')).toMatchObject({
      label: 'Pending deletion',
      tone: 'warning',
      icon: 'pending',
      transitional: true,
    });
    expect(clusterStatus('ACTIVE')).toMatchObject({ tone: 'ok', icon: 'success', transitional: false });
    expect(backupStatus('READY').transitional).toBe(false);
  });

  it('humanizes a state newer than this build, and follows it when it is in progress', () => {
    expect(statusOf('cluster', 'SCALE_IN_PROGRESS')).toEqual({
      label: 'Scale in progress',
      tone: 'progress',
      icon: 'in-progress',
      transitional: true,
    });
    expect(statusOf('backup', 'ARCHIVED')).toEqual({ label: 'Archived', tone: 'neutral', icon: 'info', transitional: false });
    expect(statusOf('hsm', undefined)).toEqual({ label: 'Unknown', tone: 'neutral', icon: 'info', transitional: false });
  });

  it('does not take inherited object keys for states', () => {
    expect(statusOf('cluster', 'constructor').label).toBe('Constructor');
  });
});

describe('worstTone', () => {
  it('orders error over warning over progress over neutral over ok', () => {
    expect(worstTone(['ok', 'neutral', 'progress'])).toBe('progress');
    expect(worstTone(['warning', 'ok', 'error'])).toBe('error');
    expect(worstTone([])).toBe('ok');
  });
});
