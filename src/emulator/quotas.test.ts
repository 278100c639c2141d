import { describe, expect, it } from 'vitest';
import { Emulator } from './emulator';
import { EmulatorError } from './errors';
import { listNetwork } from './network';
import { usage } from './quotas';
import { DEMO_QUOTAS, seedEmulator } from './seed';
import { emptyRegionState } from './store';
import type { ClusterRecord, HsmRecord } from './types';

const OTHER = '444455556666';
type Created = { Cluster: { ClusterId: string } };

const subnetIds = (emulator: Emulator, account: string, region = 'us-east-1'): string[] =>
  listNetwork(emulator.store, account, region)
    .subnets.filter((s) => s.CidrBlock.startsWith('10.0.'))
    .map((s) => s.SubnetId);

const createCluster = (emulator: Emulator, account = emulator.config.account, region = 'us-east-1') =>
  emulator.handle(
    'CreateCluster',
    { HsmType: 'hsm2m.medium', SubnetIds: subnetIds(emulator, account, region) },
    { region, account },
  ) as Promise<Created>;

async function refusal(promise: Promise<unknown>): Promise<[string, number, string]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EmulatorError) return [error.type, error.status, error.message];
    throw error;
  }
  throw new Error('accepted');
}

describe('quotas per account and region, as AWS enforces them', () => {
  it('a fifth cluster in a region is CloudHsmResourceLimitExceededException; other regions and accounts have their own four', async () => {
    const emulator = new Emulator();
    for (let i = 0; i < 4; i++) await createCluster(emulator);
    const listed = async () =>
      ((await emulator.handle('DescribeClusters', {}, { region: 'us-east-1' })) as { Clusters: unknown[] }).Clusters.length;
    expect(await refusal(createCluster(emulator))).toEqual([
      'CloudHsmResourceLimitExceededException',
      400,
      'This account already has 4 clusters in us-east-1, its quota (clusters that are not DELETED count). Delete a cluster, or request a quota increase in Service Quotas.',
    ]);
    expect(await listed()).toBe(4);
    await createCluster(emulator, emulator.config.account, 'us-west-2');
    await createCluster(emulator, OTHER);
  });

  it('counts clusters that are not DELETED and their HSMs in any state but DELETED', () => {
    const state = emptyRegionState('123456789012', 'us-east-1');
    const hsm = (State: HsmRecord['State']) => ({ State }) as HsmRecord;
    const cluster = (id: string, State: ClusterRecord['State'], hsms: HsmRecord[]) =>
      ({ ClusterId: id, State, Hsms: hsms }) as ClusterRecord;
    state.clusters.set('a', cluster('a', 'ACTIVE', [hsm('ACTIVE'), hsm('DEGRADED'), hsm('CREATE_IN_PROGRESS'), hsm('DELETE_IN_PROGRESS')]));
    state.clusters.set('b', cluster('b', 'DELETE_IN_PROGRESS', [hsm('ACTIVE'), hsm('DELETED')]));
    state.clusters.set('c', cluster('c', 'DELETED', [hsm('ACTIVE')]));
    expect(usage(state)).toEqual({ clusters: 2, hsms: 5 });
  });

  it('a seventh HSM in a region is refused, over all its clusters; a restore counts as a cluster; --quota pins both', async () => {
    // The demo seed: us-east-1 holds 3 clusters and 6 HSMs, us-west-2 two HSMs (payments-dr, ACTIVE).
    const emulator = new Emulator({ quotas: { clusters: 3, hsms: 6 } });
    await seedEmulator(emulator, 'demo');
    expect(emulator.quotaFor(emulator.config.account, 'us-east-1')).toEqual({ clusters: 3, hsms: 6, hsmsPerCluster: 28 });
    const backups = (await emulator.handle('DescribeBackups', { Filters: { states: ['READY'] } }, { region: 'us-east-1' })) as {
      Backups: { BackupId: string; SourceRegion?: string }[];
    };
    const local = backups.Backups.find((b) => !b.SourceRegion)!;
    const restore = emulator.handle(
      'CreateCluster',
      { HsmType: 'hsm2m.medium', SubnetIds: subnetIds(emulator, emulator.config.account), SourceBackupId: local.BackupId },
      { region: 'us-east-1' },
    );
    expect((await refusal(restore))[0]).toBe('CloudHsmResourceLimitExceededException');
    const clusters = (await emulator.handle('DescribeClusters', {}, { region: 'us-west-2' })) as {
      Clusters: { ClusterId: string; State: string; Hsms: { AvailabilityZone: string }[] }[];
    };
    const dr = clusters.Clusters.find((c) => c.State === 'ACTIVE' && c.Hsms.length === 2)!;
    const addHsm = () =>
      emulator.handle('CreateHsm', { ClusterId: dr.ClusterId, AvailabilityZone: dr.Hsms[0]!.AvailabilityZone }, { region: 'us-west-2' });
    for (let i = 0; i < 4; i++) await addHsm();
    expect(await refusal(addHsm())).toEqual([
      'CloudHsmResourceLimitExceededException',
      400,
      'This account already has 6 HSMs in us-west-2, its quota (HSMs of all its clusters count). Delete an HSM, or request a quota increase in Service Quotas.',
    ]);
  });

  it('the demo seed raises its own account to DEMO_QUOTAS, other accounts keep the defaults; --quota pins what it gives', async () => {
    const demo = new Emulator();
    await seedEmulator(demo, 'demo');
    expect(demo.quotaFor(demo.config.account, 'us-east-1')).toEqual({ ...DEMO_QUOTAS, hsmsPerCluster: 28 });
    expect(demo.quotaFor(OTHER, 'us-east-1')).toEqual({ clusters: 4, hsms: 6, hsmsPerCluster: 28 });
    expect(demo.quotas()).toEqual({ clusters: 4, hsms: 6 });
    const pinned = new Emulator({ quotas: { clusters: 2 } });
    expect(pinned.quotas()).toEqual({ clusters: 2, hsms: 6 });
    pinned.setAccountQuotas(pinned.config.account, { clusters: 50, hsms: 50 });
    expect(pinned.quotaFor(pinned.config.account, 'eu-west-1')).toEqual({ clusters: 2, hsms: 50, hsmsPerCluster: 28 });
    expect(() => new Emulator({ quotas: { clusters: 0 } })).toThrow(/positive integer/);
  });

  it('the large seed raises its account to its busiest region plus the default room', async () => {
    const emulator = new Emulator();
    await seedEmulator(emulator, 'large', { large: { clusters: 40, backups: 40 } });
    const most = Math.max(...[...emulator.store.allRegions()].map((state) => usage(state).clusters));
    expect(most).toBeGreaterThan(4);
    expect(emulator.quotaFor(emulator.config.account, 'us-east-1').clusters).toBe(most + 4);
    await createCluster(emulator);
  });
});
