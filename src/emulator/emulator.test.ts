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
    await expect(emulator.handle('DescribeClusters', {}, { region: 'xx-nowhere-1' })).rejects.toMatchObject({
      type: 'UnrecognizedClientException',
    });
    await expect(emulator.handle('Describe', {}, { region: 'us-east-1' })).rejects.toMatchObject({ type: 'UnknownOperationException' });
    expect([...emulator.store.allRegions()]).toEqual([]);
  });

  it('runs mutations one at a time, in the order they arrived', async () => {
    // Five clusters in one region: over AWS's default quota of four.
    const emulator = new Emulator({ quotas: { clusters: 5 } });
    const { subnets } = emulator.network('us-east-1');
    const subnetIds = subnets.filter((s) => s.CidrBlock.startsWith('10.0.')).map((s) => s.SubnetId);
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        emulator.handle('CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds }, { region: 'us-east-1' }),
      ),
    );
    const created = results.map((r) => (r as { Cluster: { CreateTimestamp: number } }).Cluster.CreateTimestamp);
    expect([...created].sort((a, b) => a - b)).toEqual(created);
  });
});

describe('a failed commit (the data file refused it)', () => {
  const subnetsOf = (emulator: Emulator): string[] =>
    emulator
      .network('us-east-1')
      .subnets.filter((s) => s.CidrBlock.startsWith('10.0.'))
      .map((s) => s.SubnetId);

  it('fails the request and changes nothing in memory; reads go on; the next write works and writes only itself', async () => {
    const emulator = new Emulator();
    const subnetIds = subnetsOf(emulator);
    const written: string[] = [];
    let refuse = true;
    emulator.onCommit((changes) => {
      if (refuse) throw new Error('ENOSPC: no space left on device');
      for (const c of changes) if (c.kind === 'cluster') written.push(c.id);
    });
    await expect(
      emulator.handle('CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds }, { region: 'us-east-1' }),
    ).rejects.toThrow(/ENOSPC/);
    // Not even the region the refused request created is left.
    expect(emulator.store.peekRegion(emulator.config.account, 'us-east-1')).toBeUndefined();
    expect(await emulator.handle('DescribeClusters', {}, { region: 'us-east-1' })).toEqual({ Clusters: [] });

    refuse = false;
    const second = (await emulator.handle('CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: subnetIds }, { region: 'us-east-1' })) as {
      Cluster: { ClusterId: string };
    };
    expect(written).toEqual([second.Cluster.ClusterId]);
    const listed = (await emulator.handle('DescribeClusters', {}, { region: 'us-east-1' })) as { Clusters: { ClusterId: string }[] };
    expect(listed.Clusters.map((c) => c.ClusterId)).toEqual([second.Cluster.ClusterId]);
  });

  it('puts a changed record back as it was, and undoes transitions the disk refused until it can write them', async () => {
    let wall = Date.UTC(2026, 0, 1);
    const emulator = new Emulator({ wallMillis: () => wall });
    let refuse = false;
    const written: string[] = [];
    emulator.onCommit((changes) => {
      if (refuse) throw new Error('EFBIG: file too large');
      for (const c of changes) if (c.kind === 'cluster' && c.value && 'State' in c.value) written.push(c.value.State);
    });
    const created = (await emulator.handle(
      'CreateCluster',
      { HsmType: 'hsm2m.medium', SubnetIds: subnetsOf(emulator) },
      { region: 'us-east-1' },
    )) as {
      Cluster: { ClusterId: string };
    };
    const id = created.Cluster.ClusterId;
    await emulator.handle('TagResource', { ResourceId: id, TagList: [{ Key: 'a', Value: '1' }] }, { region: 'us-east-1' });
    const describe = async (): Promise<{ State: string; TagList: unknown }> =>
      ((await emulator.handle('DescribeClusters', {}, { region: 'us-east-1' })) as { Clusters: { State: string; TagList: unknown }[] })
        .Clusters[0]!;

    refuse = true;
    await expect(
      emulator.handle(
        'TagResource',
        {
          ResourceId: id,
          TagList: [
            { Key: 'a', Value: '2' },
            { Key: 'b', Value: '3' },
          ],
        },
        { region: 'us-east-1' },
      ),
    ).rejects.toThrow(/EFBIG/);
    expect((await describe()).TagList).toEqual([{ Key: 'a', Value: '1' }]);
    // Creation is done after 300 s, but the disk refuses the transition: reads show what is on disk.
    wall += 400_000;
    expect((await describe()).State).toBe('CREATE_IN_PROGRESS');
    emulator.tick();
    expect((await describe()).State).toBe('CREATE_IN_PROGRESS');

    refuse = false;
    expect((await describe()).State).toBe('UNINITIALIZED');
    expect(written).toEqual(['CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS', 'UNINITIALIZED']);
  });
});
