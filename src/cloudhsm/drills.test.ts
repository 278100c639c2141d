import { describe, expect, it } from 'vitest';
import {
  chooseDrillSubnets,
  drillElapsed,
  drillPhase,
  drillReducer,
  drillTags,
  formatDuration,
  MAX_DRILL_RECORDS,
  nextDrillStep,
  parseDrillRecords,
  type DrillRecord,
  type DrillRecords,
} from './drills';

describe('formatDuration', () => {
  it('says minutes and seconds, seconds alone, or hours and minutes', () => {
    expect(formatDuration((14 * 60 + 20) * 1000)).toBe('14 min 20 s');
    expect(formatDuration(45_900)).toBe('45 s');
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(-5_000)).toBe('0 s');
    expect(formatDuration(3 * 60_000)).toBe('3 min');
    expect(formatDuration((62 * 60 + 5) * 1000)).toBe('1 h 2 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
  });
});

describe('drillTags', () => {
  it('marks the purpose and names the drill after its source', () => {
    expect(drillTags('payments-prod')).toEqual([
      { Key: 'Purpose', Value: 'restore-drill' },
      { Key: 'Name', Value: 'payments-prod-drill' },
    ]);
  });
});

describe('chooseDrillSubnets', () => {
  const network = {
    vpcs: [{ VpcId: 'vpc-1' }, { VpcId: 'vpc-2' }],
    subnets: [
      { SubnetId: 'subnet-1b', VpcId: 'vpc-1', AvailabilityZone: 'us-west-2b' },
      { SubnetId: 'subnet-1a', VpcId: 'vpc-1', AvailabilityZone: 'us-west-2a' },
      { SubnetId: 'subnet-1a2', VpcId: 'vpc-1', AvailabilityZone: 'us-west-2a' },
      { SubnetId: 'subnet-2a', VpcId: 'vpc-2', AvailabilityZone: 'us-west-2a' },
    ],
  };
  const source = { region: 'us-east-1', VpcId: 'vpc-e', SubnetMapping: { 'us-east-1b': 'subnet-eb', 'us-east-1a': 'subnet-ea' } };

  it('in another region: one subnet per zone of the first VPC, sorted by zone', () => {
    expect(chooseDrillSubnets('us-west-2', network, source)).toEqual({ vpcId: 'vpc-1', subnetIds: ['subnet-1a', 'subnet-1b'] });
  });

  it("in the source's region: the source's VPC and subnets, even without the network listing", () => {
    expect(chooseDrillSubnets('us-east-1', undefined, source)).toEqual({ vpcId: 'vpc-e', subnetIds: ['subnet-ea', 'subnet-eb'] });
  });

  it('nothing to propose when the network is unknown or empty elsewhere', () => {
    expect(chooseDrillSubnets('us-west-2', undefined, source)).toBeNull();
    expect(chooseDrillSubnets('us-west-2', { vpcs: [], subnets: [] }, source)).toBeNull();
  });
});

const base = {
  sourceClusterId: 'cluster-source11111',
  backupId: 'backup-abcdefghijk',
  region: 'us-west-2',
  drillClusterId: 'cluster-drill222222',
  availabilityZone: 'us-west-2a',
};
const T0 = 1_700_000_000_000;

/** A drill started on a service clock 2 s ahead of the browser. */
function started(records: DrillRecords = {}): DrillRecords {
  return drillReducer(records, { type: 'started', record: base, createdAt: T0 + 2_000, localNow: T0 });
}
const record = (records: DrillRecords): DrillRecord => records[base.sourceClusterId]!;

describe('drillReducer', () => {
  it('measures from the cluster’s CreateTimestamp to the HSM seen ACTIVE, on the service clock', () => {
    let records = started();
    expect(record(records)).toMatchObject({ startedAt: T0 + 2_000, clockSkewMs: 2_000 });
    expect(drillPhase(record(records))).toBe('restoring');
    expect(drillElapsed(record(records), T0 + 190_000)).toBe(190_000);
    records = drillReducer(records, { type: 'hsmCreated', sourceClusterId: base.sourceClusterId, hsmId: 'hsm-aaaaaaaaaaa' });
    records = drillReducer(records, { type: 'restored', sourceClusterId: base.sourceClusterId, localNow: T0 + 860_000 });
    expect(record(records)).toMatchObject({ hsmId: 'hsm-aaaaaaaaaaa', finishedAt: T0 + 862_000, durationMs: 860_000 });
    expect(drillPhase(record(records))).toBe('restored');
    // Measured once: a later sighting does not move it, and the elapsed time stops.
    const again = drillReducer(records, { type: 'restored', sourceClusterId: base.sourceClusterId, localNow: T0 + 999_000 });
    expect(again).toBe(records);
    expect(drillElapsed(record(records), T0 + 5_000_000)).toBe(860_000);
  });

  it('falls back to the browser clock without a CreateTimestamp', () => {
    const records = drillReducer({}, { type: 'started', record: base, createdAt: undefined, localNow: T0 });
    expect(record(records)).toMatchObject({ startedAt: T0, clockSkewMs: 0 });
  });

  it('keeps a failure until Try again, and a delete clears it', () => {
    const failure = {
      operation: 'CreateHsm',
      region: 'us-west-2',
      code: 'CloudHsmInvalidRequestException',
      message: 'no',
      title: 'x',
      retryable: false,
    };
    let records = drillReducer(started(), { type: 'failed', sourceClusterId: base.sourceClusterId, failure });
    expect(drillPhase(record(records))).toBe('failed');
    expect(drillReducer(records, { type: 'retry', sourceClusterId: base.sourceClusterId })[base.sourceClusterId]?.failure).toBeUndefined();
    records = drillReducer(records, { type: 'deleteRequested', sourceClusterId: base.sourceClusterId, localNow: T0 + 10_000 });
    expect(record(records)).toMatchObject({ deleteRequestedAt: T0 + 12_000 });
    expect(record(records).failure).toBeUndefined();
    expect(drillPhase(record(records))).toBe('deleting');
    // A step of the deletion fails; asking again clears it and keeps when the deletion was first asked for.
    records = drillReducer(records, { type: 'failed', sourceClusterId: base.sourceClusterId, failure });
    records = drillReducer(records, { type: 'deleteRequested', sourceClusterId: base.sourceClusterId, localNow: T0 + 15_000 });
    expect(record(records).failure).toBeUndefined();
    expect(record(records).deleteRequestedAt).toBe(T0 + 12_000);
    records = drillReducer(records, { type: 'deleted', sourceClusterId: base.sourceClusterId, localNow: T0 + 20_000 });
    expect(drillPhase(record(records))).toBe('deleted');
    expect(record(records).deletedAt).toBe(T0 + 22_000);
  });

  it('keeps one drill per source cluster, the newest, and ignores events for unknown clusters', () => {
    const first = started();
    const second = drillReducer(first, {
      type: 'started',
      record: { ...base, backupId: 'backup-zzzzzzzzzzz' },
      createdAt: T0 + 9_000,
      localNow: T0,
    });
    expect(Object.keys(second)).toEqual([base.sourceClusterId]);
    expect(record(second).backupId).toBe('backup-zzzzzzzzzzz');
    expect(drillReducer(second, { type: 'retry', sourceClusterId: 'cluster-nope' })).toBe(second);
    let many: DrillRecords = {};
    for (let i = 0; i < MAX_DRILL_RECORDS + 5; i += 1) {
      many = drillReducer(many, { type: 'started', record: { ...base, sourceClusterId: `cluster-${i}` }, createdAt: T0 + i, localNow: T0 });
    }
    expect(Object.keys(many)).toHaveLength(MAX_DRILL_RECORDS);
    expect(many['cluster-0']).toBeUndefined();
  });
});

describe('nextDrillStep', () => {
  const r = record(started());
  const hsm = (State: string) => ({ HsmId: 'hsm-aaaaaaaaaaa', State });
  const mapping = { 'us-west-2a': 'subnet-a', 'us-west-2b': 'subnet-b' };

  it('waits while the cluster is created, then adds one HSM in the chosen zone, then waits for it to be ACTIVE', () => {
    expect(nextDrillStep(r, undefined)).toEqual({ kind: 'wait' });
    expect(nextDrillStep(r, { State: 'CREATE_IN_PROGRESS', Hsms: [] })).toEqual({ kind: 'wait' });
    expect(nextDrillStep(r, { State: 'ACTIVE', Hsms: [], SubnetMapping: mapping })).toEqual({
      kind: 'createHsm',
      availabilityZone: 'us-west-2a',
    });
    expect(nextDrillStep({ ...r, availabilityZone: 'us-west-2c' }, { State: 'ACTIVE', Hsms: [], SubnetMapping: mapping })).toEqual({
      kind: 'createHsm',
      availabilityZone: 'us-west-2a',
    });
    // An HSM the record does not know (the page reloaded while CreateHsm ran) is adopted, never doubled.
    expect(nextDrillStep(r, { State: 'ACTIVE', Hsms: [hsm('CREATE_IN_PROGRESS')] })).toEqual({
      kind: 'adoptHsm',
      hsmId: 'hsm-aaaaaaaaaaa',
    });
    const withHsm = { ...r, hsmId: 'hsm-aaaaaaaaaaa' };
    expect(nextDrillStep(withHsm, { State: 'ACTIVE', Hsms: [hsm('CREATE_IN_PROGRESS')] })).toEqual({ kind: 'wait' });
    expect(nextDrillStep(withHsm, { State: 'ACTIVE', Hsms: [hsm('ACTIVE')] })).toEqual({ kind: 'restored' });
    expect(nextDrillStep({ ...withHsm, finishedAt: T0 }, { State: 'ACTIVE', Hsms: [hsm('ACTIVE')] })).toEqual({ kind: 'wait' });
    // Deleted outside the dashboard: the row says so.
    expect(nextDrillStep({ ...withHsm, finishedAt: T0 }, null)).toEqual({ kind: 'deleted' });
    expect(nextDrillStep({ ...withHsm, finishedAt: T0 }, { State: 'DELETED', Hsms: [] })).toEqual({ kind: 'deleted' });
  });

  it('says when the drill cannot go on, and waits after a failure', () => {
    expect(nextDrillStep(r, null)).toMatchObject({ kind: 'stuck' });
    expect(nextDrillStep(r, { State: 'DEGRADED', Hsms: [] })).toEqual({ kind: 'stuck', reason: 'The drill cluster is DEGRADED.' });
    expect(nextDrillStep({ ...r, hsmId: 'hsm-aaaaaaaaaaa' }, { State: 'ACTIVE', Hsms: [hsm('DEGRADED')] })).toMatchObject({
      kind: 'stuck',
    });
    const failure = { operation: 'CreateHsm', region: 'us-west-2', code: 'X', message: 'no', title: 'x', retryable: false };
    expect(nextDrillStep({ ...r, failure }, { State: 'ACTIVE', Hsms: [], SubnetMapping: mapping })).toEqual({ kind: 'wait' });
  });

  it('deletes the HSM, waits for it to go, then deletes the cluster, then it is gone', () => {
    const deleting = { ...r, hsmId: 'hsm-aaaaaaaaaaa', finishedAt: T0, deleteRequestedAt: T0 };
    expect(nextDrillStep(deleting, { State: 'ACTIVE', Hsms: [hsm('ACTIVE')] })).toEqual({ kind: 'deleteHsm', hsmId: 'hsm-aaaaaaaaaaa' });
    expect(nextDrillStep(deleting, { State: 'ACTIVE', Hsms: [hsm('CREATE_IN_PROGRESS')] })).toEqual({ kind: 'wait' });
    expect(nextDrillStep(deleting, { State: 'ACTIVE', Hsms: [hsm('DELETE_IN_PROGRESS')] })).toEqual({ kind: 'wait' });
    expect(nextDrillStep(deleting, { State: 'ACTIVE', Hsms: [] })).toEqual({ kind: 'deleteCluster' });
    expect(nextDrillStep(deleting, { State: 'DELETE_IN_PROGRESS', Hsms: [] })).toEqual({ kind: 'wait' });
    expect(nextDrillStep(deleting, { State: 'DELETED', Hsms: [] })).toEqual({ kind: 'deleted' });
    expect(nextDrillStep(deleting, null)).toEqual({ kind: 'deleted' });
    expect(nextDrillStep({ ...deleting, deletedAt: T0 }, null)).toEqual({ kind: 'wait' });
  });
});

describe('parseDrillRecords', () => {
  it('reads back what was stored and drops anything malformed', () => {
    const good = record(started());
    const text = JSON.stringify({ [good.sourceClusterId]: good, 'cluster-x': { ...good, startedAt: 'soon' }, 'cluster-y': { ...good } });
    expect(parseDrillRecords(text)).toEqual({ [good.sourceClusterId]: good });
    expect(parseDrillRecords('not json')).toEqual({});
    expect(parseDrillRecords('[1]')).toEqual({});
    expect(parseDrillRecords(null)).toEqual({});
  });
});
