import { describe, expect, it } from 'vitest';
import { clusterStateInfo, haStatus } from './state';
import { hsm } from './testRows';

describe('clusterStateInfo', () => {
  it('gives every known state a label and an icon, and marks transitional ones', () => {
    expect(clusterStateInfo('ACTIVE')).toEqual({ label: 'Active', icon: '✓', tone: 'ok', transitional: false });
    expect(clusterStateInfo('DEGRADED')).toMatchObject({ label: 'Degraded', tone: 'warning', transitional: false });
    for (const s of ['CREATE_IN_PROGRESS', 'INITIALIZE_IN_PROGRESS', 'MODIFY_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'UPDATE_IN_PROGRESS']) {
      const info = clusterStateInfo(s);
      expect(info.transitional).toBe(true);
      expect(info.label).toMatch(/in progress$/);
      expect(info.icon).not.toBe('');
    }
    expect(clusterStateInfo('UNINITIALIZED').transitional).toBe(false);
  });

  it('reads a state it does not know and an absent one', () => {
    expect(clusterStateInfo('SOMETHING_NEW')).toMatchObject({ label: 'Something new', transitional: false });
    expect(clusterStateInfo('FOO_IN_PROGRESS')).toMatchObject({ label: 'Foo in progress', transitional: true, tone: 'progress' });
    expect(clusterStateInfo(undefined)).toMatchObject({ label: 'Unknown', transitional: false });
  });
});

describe('haStatus', () => {
  it('counts the AZs of serving (ACTIVE or DEGRADED) HSMs only', () => {
    const ha = haStatus({ State: 'ACTIVE', Hsms: [hsm('eu-west-1a'), hsm('eu-west-1b', 'DEGRADED'), hsm('eu-west-1c', 'CREATE_IN_PROGRESS'), hsm('eu-west-1a', 'ACTIVE', 'hsm-2')] });
    expect(ha).toEqual({ hsmCount: 4, zones: ['eu-west-1a', 'eu-west-1b'], warning: false });
  });

  it('warns for an ACTIVE cluster whose serving HSMs are in fewer than two AZs', () => {
    const single = haStatus({ State: 'ACTIVE', Hsms: [hsm('us-east-1a'), hsm('us-east-1a', 'ACTIVE', 'hsm-b'), hsm('us-east-1b', 'DELETE_IN_PROGRESS')] });
    expect(single.warning).toBe(true);
    expect(single.zones).toEqual(['us-east-1a']);
    expect(single.message).toContain('us-east-1a');
    const none = haStatus({ State: 'ACTIVE', Hsms: [] });
    expect(none.warning).toBe(true);
    expect(none.message).toMatch(/no HSM/);
  });

  it('does not warn for clusters that are not ACTIVE', () => {
    for (const State of ['UNINITIALIZED', 'INITIALIZED', 'CREATE_IN_PROGRESS', 'DELETE_IN_PROGRESS']) {
      expect(haStatus({ State, Hsms: [hsm('a')] }).warning).toBe(false);
    }
    expect(haStatus({ State: 'UNINITIALIZED' })).toEqual({ hsmCount: 0, zones: [], warning: false });
  });
});
