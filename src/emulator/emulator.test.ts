/** In-process checks of the core's dispatch (the HTTP suites cover the wire). */
import { describe, expect, it } from 'vitest';
import { Emulator } from './emulator';
import { EmulatorError } from './errors';

describe('Emulator.handle', () => {
  it('a read in a region nobody used creates no state', async () => {
    const emulator = new Emulator();
    const changes: unknown[] = [];
    emulator.onCommit((c) => changes.push(...c));
    expect(await emulator.handle('DescribeClusters', {}, { region: 'ap-south-1' })).toEqual({ Clusters: [] });
    expect(await emulator.handle('DescribeBackups', null, { region: 'ap-south-1' })).toEqual({ Backups: [] });
    await expect(emulator.handle('ListTags', { ResourceId: 'cluster-abcdefghijk' }, { region: 'ap-south-1' })).rejects.toMatchObject({
      type: 'CloudHsmResourceNotFoundException',
    });
    expect(emulator.store.peekRegion(emulator.config.account, 'ap-south-1')).toBeUndefined();
    expect(changes).toEqual([]);
  });

  it('refuses regions without CloudHSM and unknown operations with typed errors', async () => {
    const emulator = new Emulator();
    await expect(emulator.handle('DescribeClusters', {}, { region: 'xx-nowhere-1' })).rejects.toBeInstanceOf(EmulatorError);
    await expect(emulator.handle('DescribeClusters', {}, { region: 'xx-nowhere-1' })).rejects.toMatchObject({ type: 'UnrecognizedClientException' });
    await expect(emulator.handle('Describe', {}, { region: 'us-east-1' })).rejects.toMatchObject({ type: 'UnknownOperationException' });
    expect([...emulator.store.allRegions()]).toEqual([]);
  });

  it('runs mutations one at a time, in the order they arrived', async () => {
    const emulator = new Emulator();
    const { subnets } = emulator.network('us-east-1');
    const subnetIds = subnets.filter((s) => s.CidrBlock.startsWith('10.0.')).map((s) => s.SubnetId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => emulator.handle('CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds }, { region: 'us-east-1' })),
    );
    const created = results.map((r) => (r as { Cluster: { CreateTimestamp: number } }).Cluster.CreateTimestamp);
    expect([...created].sort((a, b) => a - b)).toEqual(created);
  });
});

describe('a failed commit', () => {
  it('fails the request and keeps the changes for the next write', async () => {
    const emulator = new Emulator();
    const subnetIds = emulator.network('us-east-1').subnets.filter((s) => s.CidrBlock.startsWith('10.0.')).map((s) => s.SubnetId);
    const written: string[] = [];
    let failNext = true;
    emulator.onCommit((changes) => {
      if (failNext) {
        failNext = false;
        throw new Error('ENOSPC: no space left on device');
      }
      for (const c of changes) if (c.kind === 'cluster') written.push(c.id);
    });
    await expect(emulator.handle('CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds }, { region: 'us-east-1' })).rejects.toThrow(/ENOSPC/);
    const pending = [...emulator.store.peekRegion(emulator.config.account, 'us-east-1')!.clusters.keys()];
    expect(pending).toHaveLength(1);
    // The next commit (any request) writes the change that failed before.
    const second = (await emulator.handle('CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds }, { region: 'us-east-1' })) as {
      Cluster: { ClusterId: string };
    };
    expect(written).toEqual(expect.arrayContaining([pending[0], second.Cluster.ClusterId]));
  });
});
