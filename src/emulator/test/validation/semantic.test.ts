/**
 * Semantic validation: what the service checks that its model cannot say.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceClock, rawCall, seededSubnets, type RawResponse } from '../../testing/harness';
import { expectRefused, INVALID } from '../../testing/validationCases';
import { emulatorForThisFile } from '../../testing/perFile';

const { url } = await emulatorForThisFile();

let subnets: { SubnetId: string; AvailabilityZone: string }[] = [];
const clusterIds = async (): Promise<string[]> =>
  ((await rawCall(url, 'DescribeClusters', {})).body['Clusters'] as { ClusterId: string }[]).map((c) => c.ClusterId);
const create = (extra: Record<string, unknown>, subnet = 0): Promise<RawResponse> =>
  rawCall(url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [subnets[subnet]!.SubnetId], ...extra });
const retention = (Value: string) => ({ BackupRetentionPolicy: { Type: 'DAYS', Value } });
let cluster = '';
beforeAll(async () => {
  subnets = await seededSubnets(url);
});
const tagsOf = async (resource: string): Promise<unknown> => (await rawCall(url, 'ListTags', { ResourceId: resource })).body['TagList'];

describe('semantic validation: retention and reserved tags', () => {
  it('CreateCluster: retention "6", "380" and "0" are refused (7..379 days) and create nothing', async () => {
    const before = await clusterIds();
    for (const value of ['6', '380', '0']) {
      const message = expectRefused(await create(retention(value)), INVALID);
      expect(message).toMatch(/7/);
      expect(message).toMatch(/379/);
      expect(message).not.toMatch(/validation error/);
    }
    expect(await clusterIds()).toEqual(before);
  });

  it('CreateCluster: retention "7" and "379" are accepted and echoed as strings', async () => {
    for (const value of ['7', '379']) {
      const response = await create(retention(value));
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      const created = response.body['Cluster'] as { ClusterId: string; BackupRetentionPolicy: unknown };
      expect(created.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: value });
      cluster = created.ClusterId;
    }
  });

  it('ModifyCluster: retention "6"/"380" refused, "7"/"379" accepted', async () => {
    await advanceClock(url, 3600); // CREATE_IN_PROGRESS → UNINITIALIZED
    for (const value of ['6', '380']) {
      expectRefused(await rawCall(url, 'ModifyCluster', { ClusterId: cluster, ...retention(value) }), INVALID, ['379']);
    }
    for (const value of ['7', '379']) {
      const response = await rawCall(url, 'ModifyCluster', { ClusterId: cluster, ...retention(value) });
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      expect((response.body['Cluster'] as { BackupRetentionPolicy: unknown }).BackupRetentionPolicy).toEqual({
        Type: 'DAYS',
        Value: value,
      });
    }
  });

  it('"aws:" tag keys are reserved: TagResource, UntagResource and CreateCluster refuse them with CloudHsmTagException', async () => {
    const ok = await rawCall(url, 'TagResource', { ResourceId: cluster, TagList: [{ Key: 'Owner', Value: 'team' }] });
    expect(ok.status).toBe(200);
    const before = await tagsOf(cluster);
    for (const key of ['aws:cloudformation:stack-name', 'AWS:Owner', 'Aws:x']) {
      expectRefused(
        await rawCall(url, 'TagResource', {
          ResourceId: cluster,
          TagList: [
            { Key: 'fine', Value: '1' },
            { Key: key, Value: 'x' },
          ],
        }),
        'CloudHsmTagException',
        [key],
      );
    }
    expectRefused(await rawCall(url, 'UntagResource', { ResourceId: cluster, TagKeyList: ['aws:createdBy'] }), 'CloudHsmTagException');
    expect(await tagsOf(cluster)).toEqual(before);

    const clustersBefore = await clusterIds();
    expectRefused(await create({ TagList: [{ Key: 'aws:team', Value: 'x' }] }, 1), 'CloudHsmTagException');
    expect(await clusterIds()).toEqual(clustersBefore);

    // Only the prefix is reserved.
    const lookalike = await rawCall(url, 'TagResource', {
      ResourceId: cluster,
      TagList: [
        { Key: 'my-aws:key', Value: '' },
        { Key: 'awsome', Value: 'yes' },
      ],
    });
    expect(lookalike.status, JSON.stringify(lookalike.body)).toBe(200);
  });
});

describe('semantic validation: duplicate tag keys', () => {
  it('duplicate tag keys in one request are refused and change nothing', async () => {
    const before = await tagsOf(cluster);
    const duplicate = [
      { Key: 'Env', Value: 'prod' },
      { Key: 'Env', Value: 'dev' },
    ];
    expectRefused(await rawCall(url, 'TagResource', { ResourceId: cluster, TagList: duplicate }), INVALID, ['Env']);
    expect(await tagsOf(cluster)).toEqual(before);
    const clustersBefore = await clusterIds();
    expectRefused(await create({ TagList: duplicate }, 2), INVALID, ['Env']);
    expect(await clusterIds()).toEqual(clustersBefore);
  });
});
