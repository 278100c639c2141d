import { describe, expect, it } from 'vitest';
import { Emulator } from './emulator';
import { serializeOutput } from './wire';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

describe('serializeOutput', () => {
  it.each([
    [{}],
    [{ Clusters: [] }],
    [{ TagList: [{ Key: 'Name', Value: 'ünïcødé ✓' }], NextToken: 'abc' }],
    [{ Backup: { BackupId: 'backup-abcdefghijk', NeverExpires: false, CreateTimestamp: 1.5 } }],
    [{ State: 'INITIALIZE_IN_PROGRESS', StateMessage: 'x', Skipped: undefined }],
    [{ HsmId: 'hsm-abcdefghijk' }],
  ])('is JSON.stringify, byte for byte: %j', (output) => {
    expect(text(serializeOutput(output))).toBe(JSON.stringify(output));
  });

  it('shows a record changed after it was first serialized (the memo follows every change)', async () => {
    const emulator = new Emulator();
    const subnets = emulator.network('us-east-1').subnets.filter((s) => s.CidrBlock.startsWith('10.0.'));
    const { Cluster } = (await emulator.handle(
      'CreateCluster',
      { HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId) },
      { region: 'us-east-1' },
    )) as {
      Cluster: { ClusterId: string };
    };
    const describe = async () =>
      JSON.parse(text(serializeOutput(await emulator.handle('DescribeClusters', {}, { region: 'us-east-1' })))) as {
        Clusters: { TagList?: { Key: string; Value: string }[] }[];
      };
    expect((await describe()).Clusters[0]!.TagList).toBeUndefined();
    await emulator.handle(
      'TagResource',
      { ResourceId: Cluster.ClusterId, TagList: [{ Key: 'Name', Value: 'a' }] },
      { region: 'us-east-1' },
    );
    expect((await describe()).Clusters[0]!.TagList).toEqual([{ Key: 'Name', Value: 'a' }]);
    await emulator.handle(
      'TagResource',
      { ResourceId: Cluster.ClusterId, TagList: [{ Key: 'Name', Value: 'b' }] },
      { region: 'us-east-1' },
    );
    expect((await describe()).Clusters[0]!.TagList).toEqual([{ Key: 'Name', Value: 'b' }]);
  });
});
