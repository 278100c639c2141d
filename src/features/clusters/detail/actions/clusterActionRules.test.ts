import { describe, expect, it } from 'vitest';
import type { ClusterWithExtras, Hsm } from '../../../../aws';
import {
  actionNotes,
  addHsmRule,
  changeRetentionReason,
  describeState,
  checkHsmIpAddress,
  deleteClusterReason,
  deleteHsmReason,
  initializeRule,
  isLastActiveHsm,
  MAX_HSMS_PER_CLUSTER,
} from './clusterActionRules';

const MAPPING = { 'us-east-1b': 'subnet-0bbbbbbbbbbbbbbbb', 'us-east-1a': 'subnet-0aaaaaaaaaaaaaaaa' };
const hsm = (id: string, az: string, state = 'ACTIVE'): Hsm => ({ HsmId: id, AvailabilityZone: az, State: state });
const cluster = (changes: Partial<ClusterWithExtras> = {}): ClusterWithExtras => ({
  ClusterId: 'cluster-abcdefghijk',
  State: 'ACTIVE',
  HsmType: 'hsm2m.medium',
  SubnetMapping: MAPPING,
  Hsms: [],
  ...changes,
});

describe('addHsmRule', () => {
  it('offers the AZs of the subnet mapping, sorted, with their subnet and HSM count', () => {
    const rule = addHsmRule(cluster({ Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1b')] }));
    expect(rule.reason).toBeNull();
    expect(rule.zones).toEqual([
      { availabilityZone: 'us-east-1a', subnetId: 'subnet-0aaaaaaaaaaaaaaaa', hsmCount: 0 },
      { availabilityZone: 'us-east-1b', subnetId: 'subnet-0bbbbbbbbbbbbbbbb', hsmCount: 1 },
    ]);
  });

  it('allows the first HSM of an UNINITIALIZED cluster, and only one until activation', () => {
    expect(addHsmRule(cluster({ State: 'UNINITIALIZED' })).reason).toBeNull();
    const second = addHsmRule(
      cluster({ State: 'UNINITIALIZED', Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a', 'CREATE_IN_PROGRESS')] }),
    ).reason;
    expect(second).toBe(
      'Only one HSM until the cluster is active: the cluster is not initialized yet (UNINITIALIZED) and already has hsm-aaaaaaaaaaa. Initialize and activate the cluster, then add more.',
    );
    expect(addHsmRule(cluster({ State: 'INITIALIZED', Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a')] })).reason).toContain('Only one HSM');
  });

  it('allows many HSMs on an ACTIVE or DEGRADED cluster, up to the hard limit', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => hsm(`hsm-${String(i).padStart(11, 'a')}`, 'us-east-1a'));
    expect(addHsmRule(cluster({ Hsms: many(3) })).reason).toBeNull();
    expect(addHsmRule(cluster({ State: 'DEGRADED', Hsms: many(1) })).reason).toBeNull();
    expect(addHsmRule(cluster({ Hsms: many(MAX_HSMS_PER_CLUSTER - 1) })).reason).toBeNull();
    expect(addHsmRule(cluster({ Hsms: many(MAX_HSMS_PER_CLUSTER) })).reason).toContain('28 HSMs');
  });

  it('refuses states in transition, deleted clusters, hsm1.medium and clusters without subnets', () => {
    for (const state of ['CREATE_IN_PROGRESS', 'INITIALIZE_IN_PROGRESS', 'MODIFY_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'DELETED']) {
      expect(addHsmRule(cluster({ State: state })).reason, state).toBe(
        `HSMs can be added when the cluster is not initialized yet or active; it is ${describeState(state)}.`,
      );
    }
    expect(addHsmRule(cluster({ HsmType: 'hsm1.medium' })).reason).toContain('end of support');
    expect(addHsmRule(cluster({ SubnetMapping: {} })).reason).toContain('no subnets');
  });
});

describe('checkHsmIpAddress', () => {
  const CIDR = '10.0.1.0/24';
  it('accepts no address (AWS picks one) and usable addresses of the subnet', () => {
    expect(checkHsmIpAddress('', CIDR)).toBeNull();
    expect(checkHsmIpAddress('10.0.1.4', CIDR)).toBeNull();
    expect(checkHsmIpAddress(' 10.0.1.254 ', CIDR)).toBeNull();
  });

  it('refuses what is not IPv4', () => {
    for (const bad of ['10.0.1', '10.0.1.1.1', 'fe80::1', '10.0.1.x', '10.0.1.256', '1000.0.1.5'])
      expect(checkHsmIpAddress(bad, CIDR), bad).toMatch(/not an IPv4 address/);
  });

  it('refuses addresses outside the subnet and the ones AWS reserves', () => {
    expect(checkHsmIpAddress('10.0.2.10', CIDR)).toBe("10.0.2.10 is not in the subnet's range 10.0.1.0/24.");
    for (const reserved of ['10.0.1.0', '10.0.1.3', '10.0.1.255'])
      expect(checkHsmIpAddress(reserved, CIDR), reserved).toContain('reserved by AWS');
  });

  it('checks only the form when the subnet’s range is unknown', () => {
    expect(checkHsmIpAddress('192.168.0.1', undefined)).toBeNull();
    expect(checkHsmIpAddress('192.168.0.1', 'garbage')).toBeNull();
  });
});

describe('deleting HSMs and clusters', () => {
  it('deletes only ACTIVE or DEGRADED HSMs, not while the cluster migrates', () => {
    expect(deleteHsmReason(cluster(), hsm('hsm-aaaaaaaaaaa', 'us-east-1a'))).toBeNull();
    expect(deleteHsmReason(cluster(), hsm('hsm-aaaaaaaaaaa', 'us-east-1a', 'DEGRADED'))).toBeNull();
    expect(deleteHsmReason(cluster(), hsm('hsm-aaaaaaaaaaa', 'us-east-1a', 'CREATE_IN_PROGRESS'))).toBe(
      'Only an active or degraded HSM can be deleted; this one is still being created (CREATE_IN_PROGRESS).',
    );
    expect(deleteHsmReason(cluster({ State: 'MODIFY_IN_PROGRESS' }), hsm('hsm-aaaaaaaaaaa', 'us-east-1a'))).toContain('limited-write');
  });

  it('knows the last HSM of an active cluster', () => {
    const only = hsm('hsm-aaaaaaaaaaa', 'us-east-1a');
    const other = hsm('hsm-bbbbbbbbbbb', 'us-east-1b');
    expect(isLastActiveHsm(cluster({ Hsms: [only] }), only)).toBe(true);
    expect(isLastActiveHsm(cluster({ Hsms: [only, other] }), only)).toBe(false);
    expect(isLastActiveHsm(cluster({ Hsms: [only, { ...other, State: 'DELETE_IN_PROGRESS' }] }), only)).toBe(true);
    expect(isLastActiveHsm(cluster({ State: 'UNINITIALIZED', Hsms: [only] }), only)).toBe(false);
  });

  it('deletes a cluster only without HSMs, saying how many remain', () => {
    expect(deleteClusterReason(cluster())).toBeNull();
    expect(deleteClusterReason(cluster({ State: 'UNINITIALIZED' }))).toBeNull();
    expect(deleteClusterReason(cluster({ Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a')] }))).toBe(
      'Delete its 1 HSM first: a cluster can only be deleted when it has no HSMs.',
    );
    expect(deleteClusterReason(cluster({ Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a'), hsm('hsm-bbbbbbbbbbb', 'us-east-1b')] }))).toContain(
      'Delete its 2 HSMs first',
    );
    expect(deleteClusterReason(cluster({ State: 'CREATE_IN_PROGRESS' }))).toContain('wait until it settles');
    expect(deleteClusterReason(cluster({ State: 'DELETE_IN_PROGRESS' }))).toBe('The cluster is already being deleted.');
  });
});

describe('changeRetentionReason and initializeRule', () => {
  it('allows retention changes on settled and migrating clusters only', () => {
    for (const state of ['UNINITIALIZED', 'INITIALIZED', 'ACTIVE', 'DEGRADED', 'MODIFY_IN_PROGRESS'])
      expect(changeRetentionReason(cluster({ State: state })), state).toBeNull();
    for (const state of ['CREATE_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'DELETED'])
      expect(changeRetentionReason(cluster({ State: state })), state).toContain(state);
  });

  it('offers initialize only to UNINITIALIZED clusters, once the first HSM is ACTIVE and the CSR exists', () => {
    expect(initializeRule(cluster())).toBeNull();
    expect(initializeRule(cluster({ State: 'UNINITIALIZED' }))?.reason).toContain('Add the first HSM and wait for it to be ACTIVE');
    expect(
      initializeRule(cluster({ State: 'UNINITIALIZED', Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a', 'CREATE_IN_PROGRESS')] }))?.reason,
    ).toContain('Wait for the first HSM');
    expect(
      initializeRule(
        cluster({ State: 'UNINITIALIZED', Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a')], Certificates: { ClusterCsr: 'PEM' } }),
      ),
    ).toEqual({ reason: null });
  });
});

describe('describeState', () => {
  it('puts words first and the API state in parentheses; unknown states are named as they are', () => {
    expect(describeState('DELETE_IN_PROGRESS')).toBe('being deleted (DELETE_IN_PROGRESS)');
    expect(describeState('UNINITIALIZED')).toBe('not initialized yet (UNINITIALIZED)');
    expect(describeState('SOMETHING_NEW')).toBe('in state SOMETHING_NEW');
    expect(describeState(undefined)).toBe('in an unknown state');
  });
});

describe('actionNotes', () => {
  it('is one line when the state turns every action off', () => {
    expect(actionNotes(cluster({ State: 'CREATE_IN_PROGRESS' }))).toEqual([
      'Actions are available once the cluster is created (CREATE_IN_PROGRESS); this page follows it.',
    ]);
    expect(actionNotes(cluster({ State: 'DELETE_IN_PROGRESS' }))).toEqual([
      'The cluster is being deleted (DELETE_IN_PROGRESS): nothing else can be done with it.',
    ]);
  });

  it('names the surprising reasons of a cluster with HSMs, and nothing when all is possible', () => {
    expect(actionNotes(cluster({ State: 'UNINITIALIZED' }))).toEqual([
      expect.stringContaining('Add the first HSM and wait for it to be ACTIVE'),
    ]);
    expect(actionNotes(cluster())).toEqual([]);
    expect(actionNotes(cluster({ State: 'UNINITIALIZED', Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a')] }))).toEqual([
      expect.stringContaining('no certificate signing request (CSR) yet'),
      expect.stringContaining('Only one HSM until the cluster is active'),
      'Delete its 1 HSM first: a cluster can only be deleted when it has no HSMs.',
    ]);
    expect(actionNotes(cluster({ Hsms: [hsm('hsm-aaaaaaaaaaa', 'us-east-1a')] }))).toEqual([
      'Delete its 1 HSM first: a cluster can only be deleted when it has no HSMs.',
    ]);
  });
});
