/**
 * TagResource, UntagResource and ListTags over real HTTP, as a client sees them: the answer's shape, every
 * error the emulator raises for them, and proof that a refused request changed nothing.
 */
import {
  CloudHSMV2ServiceException,
  ListTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { allBackups, describeBackup, listedCluster as describeCluster, snapshot } from '../../testing/api';
import { activeCluster } from '../../testing/clusters';
import { refused, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { rawCall } from '../../testing/harness';
import { arnOf } from '../../testing/operations';

const env = useEmulator();
let clusterId = '';
let backupId = '';
beforeAll(async () => {
  const active = await activeCluster(env);
  clusterId = active.clusterId;
  backupId = (await allBackups(env.client))[0]!.BackupId!;
});
const listTags = async (resourceId: string): Promise<Tag[]> =>
  (await env.client.send(new ListTagsCommand({ ResourceId: resourceId }))).TagList!;

describe('TagResource, UntagResource and ListTags', () => {
  it('ListTags always sends TagList, [] when the resource has no tags', async () => {
    const raw = await rawCall(env.url, 'ListTags', { ResourceId: backupId }, { region: REGION });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ TagList: [] });
  });

  it('tags clusters and backups, overwrites values, untags (ignoring absent keys); TagList shows on the resource', async () => {
    for (const id of [clusterId, backupId]) {
      const tagged = await env.client.send(
        new TagResourceCommand({
          ResourceId: id,
          TagList: [
            { Key: 'Team', Value: 'pki' },
            { Key: 'Cost Center', Value: '12345' },
          ],
        }),
      );
      expect(tagged.$metadata.httpStatusCode).toBe(200);
      expect(await listTags(id)).toEqual([
        { Key: 'Team', Value: 'pki' },
        { Key: 'Cost Center', Value: '12345' },
      ]);
      await env.client.send(
        new TagResourceCommand({
          ResourceId: id,
          TagList: [
            { Key: 'Team', Value: 'identity' },
            { Key: 'Empty', Value: '' },
          ],
        }),
      );
      expect(await listTags(id)).toEqual([
        { Key: 'Team', Value: 'identity' },
        { Key: 'Cost Center', Value: '12345' },
        { Key: 'Empty', Value: '' },
      ]);
      await env.client.send(new UntagResourceCommand({ ResourceId: id, TagKeyList: ['Cost Center', 'never-set'] }));
      expect(await listTags(id)).toEqual([
        { Key: 'Team', Value: 'identity' },
        { Key: 'Empty', Value: '' },
      ]);
    }
    expect((await describeCluster(env.client, clusterId)).TagList).toEqual([
      { Key: 'Team', Value: 'identity' },
      { Key: 'Empty', Value: '' },
    ]);
    expect((await describeBackup(env.client, backupId))!.TagList).toEqual([
      { Key: 'Team', Value: 'identity' },
      { Key: 'Empty', Value: '' },
    ]);
    const raw = await rawCall(
      env.url,
      'TagResource',
      { ResourceId: clusterId, TagList: [{ Key: 'Team', Value: 'identity' }] },
      { region: REGION },
    );
    expect(raw.body).toEqual({});
    await env.client.send(new UntagResourceCommand({ ResourceId: clusterId, TagKeyList: ['Team', 'Empty'] }));
    const wire = await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [clusterId] } }, { region: REGION });
    expect((wire.body['Clusters'] as Record<string, unknown>[])[0]).not.toHaveProperty('TagList');
  });
});

describe('tag refusals change nothing', () => {
  it('refuses unknown resources, HSM ids and ARNs, bad tags and reserved keys, changing nothing', async () => {
    await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: 'Keep', Value: 'me' }] }));
    const hsmId = (await describeCluster(env.client, clusterId)).Hsms![0]!.HsmId!;
    const before = await snapshot(env);
    const tag = (resourceId: string, tags: Tag[]) => env.client.send(new TagResourceCommand({ ResourceId: resourceId, TagList: tags }));
    const untag = (resourceId: string, keys: string[]) =>
      env.client.send(new UntagResourceCommand({ ResourceId: resourceId, TagKeyList: keys }));
    const ok = [{ Key: 'k', Value: 'v' }];
    for (const missing of ['cluster-zzzzzzzzzzz', 'backup-zzzzzzzzzzz']) {
      await refused(tag(missing, ok), 'CloudHsmResourceNotFoundException', new RegExp(`${missing} was not found in us-east-1`));
      await refused(untag(missing, ['k']), 'CloudHsmResourceNotFoundException', new RegExp(`${missing} was not found`));
      await refused(
        env.client.send(new ListTagsCommand({ ResourceId: missing })),
        'CloudHsmResourceNotFoundException',
        new RegExp(`${missing} was not found`),
      );
    }
    // Tags address clusters and backups by id: no HSMs, no ARNs.
    await refused(tag(hsmId, ok), 'CloudHsmInvalidRequestException', /resourceId.*regular expression/);
    await refused(tag(arnOf(backupId), ok), 'CloudHsmInvalidRequestException', /resourceId.*regular expression/);
    await refused(
      env.client.send(new ListTagsCommand({ ResourceId: hsmId })),
      'CloudHsmInvalidRequestException',
      /resourceId.*regular expression/,
    );
    await refused(tag(clusterId, [{ Key: 'aws:createdBy', Value: 'x' }]), 'CloudHsmTagException', /reserved for AWS use: aws:createdBy/);
    await refused(untag(clusterId, ['AWS:Name']), 'CloudHsmTagException', /reserved for AWS use: AWS:Name/);
    await refused(
      tag(clusterId, [
        { Key: 'a', Value: '1' },
        { Key: 'a', Value: '2' },
      ]),
      'CloudHsmInvalidRequestException',
      /"a" appears more than once/,
    );
    await refused(
      tag(clusterId, [{ Key: 'x'.repeat(129), Value: 'v' }]),
      'CloudHsmInvalidRequestException',
      /tagList\.1\.member\.key.*less than or equal to 128/,
    );
    await refused(
      tag(clusterId, [{ Key: 'k', Value: 'v'.repeat(257) }]),
      'CloudHsmInvalidRequestException',
      /tagList\.1\.member\.value.*less than or equal to 256/,
    );
    await refused(
      tag(clusterId, [{ Key: '', Value: 'v' }]),
      'CloudHsmInvalidRequestException',
      /tagList\.1\.member\.key.*greater than or equal to 1/,
    );
    await refused(
      tag(clusterId, [{ Key: 'k', Value: 'semi;colon' }]),
      'CloudHsmInvalidRequestException',
      /tagList\.1\.member\.value.*regular expression/,
    );
    await refused(tag(clusterId, []), 'CloudHsmInvalidRequestException', /tagList.*greater than or equal to 1/);
    await refused(untag(clusterId, []), 'CloudHsmInvalidRequestException', /tagKeyList.*greater than or equal to 1/);
    await refused(
      env.client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 101 })),
      'CloudHsmInvalidRequestException',
      /maxResults.*less than or equal to 100/,
    );
    await refused(
      env.client.send(new ListTagsCommand({ ResourceId: clusterId, NextToken: 'nope' })),
      'CloudHsmInvalidRequestException',
      /NextToken is not valid/,
    );
    expect(await snapshot(env)).toEqual(before);
    expect(await listTags(clusterId)).toEqual([{ Key: 'Keep', Value: 'me' }]);
  });
});

describe('the tag limit', () => {
  it('refuses more than 50 tags on a resource with CloudHsmResourceLimitExceededException', async () => {
    const fifty = Array.from({ length: 49 }, (_, i) => ({ Key: `key-${i}`, Value: String(i) }));
    await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: fifty }));
    expect(await listTags(clusterId)).toHaveLength(50);
    // Overwriting an existing key stays within the limit.
    await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: 'key-0', Value: 'changed' }] }));
    const before = await snapshot(env);
    // SDK 3.332 has no class for this error: it surfaces as the base exception with the wire name.
    const error = await refused(
      env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: 'one-too-many', Value: 'x' }] })),
      'CloudHsmResourceLimitExceededException',
      /would have 51 tags; a resource can have at most 50/,
    );
    expect(error.constructor).toBe(CloudHSMV2ServiceException);
    expect(await snapshot(env)).toEqual(before);
    expect((await listTags(clusterId)).find((t) => t.Key === 'one-too-many')).toBeUndefined();
  });
});
