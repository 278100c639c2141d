import { describe, expect, it } from 'vitest';
import { clusterHealth, healthSentence, servingZones } from './health';

const NOW = Date.UTC(2026, 11, 7, 12);
const hsm = (state: string, az: string, id = `hsm-${az}`) => ({ HsmId: id, State: state, AvailabilityZone: az });

describe('clusterHealth', () => {
  it('says an ACTIVE cluster with a DEGRADED HSM is "Active · Degraded", naming the HSM, its AZ and the service message', () => {
    const health = clusterHealth(
      { State: 'ACTIVE', Hsms: [hsm('ACTIVE', 'eu-west-1a'), { ...hsm('DEGRADED', 'eu-west-1b', 'hsm-bad'), StateMessage: 'replacing' }] },
      NOW,
    );
    expect(health).toMatchObject({ label: 'Active · Degraded', tone: 'warning', icon: 'warning', needsAttention: true });
    expect(health.state.label).toBe('Active');
    expect(health.problems[0]).toMatchObject({
      code: 'hsm-degraded',
      hsmId: 'hsm-bad',
      availabilityZone: 'eu-west-1b',
      stateMessage: 'replacing',
    });
  });

  it('is plain "Active" with HSMs serving in two AZs', () => {
    expect(clusterHealth({ State: 'ACTIVE', Hsms: [hsm('ACTIVE', 'a'), hsm('ACTIVE', 'b')] }, NOW)).toMatchObject({
      label: 'Active',
      tone: 'ok',
      needsAttention: false,
      problems: [],
    });
  });

  it('flags an ACTIVE cluster without HSMs and one whose serving HSMs share one AZ', () => {
    expect(clusterHealth({ State: 'ACTIVE', Hsms: [] }, NOW)).toMatchObject({ label: 'Active · No HSM', needsAttention: true });
    const single = clusterHealth({ State: 'ACTIVE', Hsms: [hsm('ACTIVE', 'us-east-1a'), hsm('ACTIVE', 'us-east-1a', 'hsm-2')] }, NOW);
    expect(single.label).toBe('Active · Not highly available');
    expect(single.problems[0]!.message).toContain('us-east-1a');
  });

  it('counts only serving HSMs (ACTIVE or DEGRADED) for high availability, and says when none serves', () => {
    const leaving = clusterHealth(
      {
        State: 'ACTIVE',
        Hsms: [hsm('ACTIVE', 'us-east-1a'), hsm('ACTIVE', 'us-east-1a', 'hsm-b'), hsm('DELETE_IN_PROGRESS', 'us-east-1b')],
      },
      NOW,
    );
    expect(leaving.problems.map((p) => p.code)).toEqual(['single-az']);
    expect(leaving.problems[0]!.message).toBe(
      'Not highly available: all serving HSMs are in us-east-1a. Add an HSM in another Availability Zone.',
    );
    const starting = clusterHealth({ State: 'ACTIVE', Hsms: [hsm('CREATE_IN_PROGRESS', 'a'), hsm('CREATE_IN_PROGRESS', 'b')] }, NOW);
    expect(starting.problems[0]).toMatchObject({ code: 'single-az', summary: 'Not highly available' });
    expect(starting.problems[0]!.message).toMatch(/no HSM is serving/);
    expect(clusterHealth({ State: 'ACTIVE', Hsms: [hsm('ACTIVE', 'a'), hsm('DEGRADED', 'b')] }, NOW).problems.map((p) => p.code)).toEqual([
      'hsm-degraded',
    ]);
  });

  it('only asks an ACTIVE cluster to be highly available', () => {
    for (const State of ['UNINITIALIZED', 'INITIALIZED', 'CREATE_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'DEGRADED']) {
      const codes = clusterHealth({ State, Hsms: [hsm('ACTIVE', 'a')] }, NOW).problems.map((p) => p.code);
      expect(codes, State).not.toContain('single-az');
      expect(codes, State).not.toContain('no-hsm');
    }
  });

  it('flags an initialized cluster that was never activated, and one left uninitialized for over a day', () => {
    expect(clusterHealth({ State: 'INITIALIZED' }, NOW).label).toBe('Initialized · Not activated');
    expect(clusterHealth({ State: 'UNINITIALIZED', CreateTimestamp: new Date(NOW - 25 * 3_600_000) }, NOW).label).toBe(
      'Uninitialized · For over a day',
    );
    expect(clusterHealth({ State: 'UNINITIALIZED', CreateTimestamp: NOW - 3_600_000 }, NOW).needsAttention).toBe(false);
  });

  it('leaves deleted and in-progress clusters alone', () => {
    expect(clusterHealth({ State: 'DELETED', Hsms: [] }, NOW).needsAttention).toBe(false);
    expect(clusterHealth({ State: 'CREATE_IN_PROGRESS' }, NOW)).toMatchObject({ label: 'Create in progress', tone: 'progress' });
  });
});

describe('servingZones', () => {
  it('counts ACTIVE and DEGRADED HSMs only, once per zone, sorted', () => {
    expect(servingZones([hsm('ACTIVE', 'b'), hsm('DEGRADED', 'a'), hsm('CREATE_IN_PROGRESS', 'c'), hsm('ACTIVE', 'b', 'x')])).toEqual([
      'a',
      'b',
    ]);
  });
});

describe('healthSentence', () => {
  it('is the label alone when nothing is wrong', () => {
    expect(healthSentence(clusterHealth({ State: 'ACTIVE', Hsms: [hsm('ACTIVE', 'a'), hsm('ACTIVE', 'b')] }, NOW))).toBe('Active');
  });
  it('names each problem after the label, with the service message of the HSM', () => {
    const health = clusterHealth(
      {
        State: 'ACTIVE',
        Hsms: [hsm('ACTIVE', 'eu-west-1a'), { ...hsm('DEGRADED', 'eu-west-1b', 'hsm-bad'), StateMessage: ' hardware fault ' }],
      },
      NOW,
    );
    expect(healthSentence(health)).toBe(
      'Active · Degraded: HSM hsm-bad in eu-west-1b is degraded; AWS replaces a failed HSM by itself. Check that the cluster still has enough capacity. AWS says: hardware fault',
    );
  });
  it('does not repeat the summary the label ends with', () => {
    const single = clusterHealth({ State: 'ACTIVE', Hsms: [hsm('ACTIVE', 'us-east-1a')] }, NOW);
    expect(healthSentence(single)).toBe(
      'Active · Not highly available: all serving HSMs are in us-east-1a. Add an HSM in another Availability Zone.',
    );
  });
});
