/**
 * Pagination of ListTags over real HTTP: every tag once, in a stable order, across pages of any size.
 */
import { TagResourceCommand, UntagResourceCommand, paginateListTags, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoDuplicates, expectTokenRefused, usePagedEmulator } from '../../testing/pagination';

const env = usePagedEmulator();

let clusterId = '';
let otherId = '';
let reference: Tag[] = [];
beforeAll(async () => {
  const clusters = await env.clusterPages(undefined, 25);
  clusterId = clusters[0]!.ClusterId!;
  otherId = clusters[1]!.ClusterId!;
  const existing = clusters[0]!.TagList ?? [];
  const extra = Array.from({ length: 50 - existing.length }, (_, i) => ({
    Key: `tag-${String(i).padStart(2, '0')}`,
    Value: `value ${i}`,
  }));
  await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: extra }));
  const all = await env.listTags({ ResourceId: clusterId, MaxResults: 100 });
  expect(all.NextToken).toBeUndefined();
  reference = all.TagList!;
});

describe('ListTags pagination', () => {
  it('a resource with 50 tags lists them all on one page, the same as Cluster.TagList', async () => {
    expect(reference).toHaveLength(50);
    expectNoDuplicates(reference.map((t) => t.Key!));
    const { Clusters } = await env.describeClusters({ Filters: { clusterIds: [clusterId] } });
    expect(Clusters![0]!.TagList).toEqual(reference);
    const defaults = await env.listTags({ ResourceId: clusterId });
    expect(defaults.TagList).toEqual(reference);
    expect(defaults.NextToken).toBeUndefined();
  });

  it('every page size from 1 to 100 returns every tag once, in the same order', async () => {
    for (let limit = 1; limit <= 100; limit++) {
      expect(await env.tagPages(clusterId, limit), `MaxResults ${limit}`).toEqual(reference);
    }
  });

  it('the SDK paginator gets the same tags; the last page has no NextToken', async () => {
    const viaSdk: Tag[] = [];
    let pages = 0;
    for await (const page of paginateListTags({ client: env.client, pageSize: 7 }, { ResourceId: clusterId })) {
      viaSdk.push(...(page.TagList ?? []));
      pages++;
    }
    expect(viaSdk).toEqual(reference);
    expect(pages).toBe(Math.ceil(50 / 7));
    const first = await env.listTags({ ResourceId: clusterId, MaxResults: 45 });
    const last = await env.raw('ListTags', { ResourceId: clusterId, MaxResults: 45, NextToken: first.NextToken });
    expect(last.body).not.toHaveProperty('NextToken');
    expect(last.body['TagList']).toEqual(reference.slice(45));
  });

  it('refuses a token of another resource', async () => {
    await expectTokenRefused(env.listTags({ ResourceId: otherId, NextToken: await env.firstTagsToken(clusterId) }));
  });

  it('removing a tag already returned, even the last one returned, does not make the next page skip or repeat any', async () => {
    const untag = (tag: Tag) => env.client.send(new UntagResourceCommand({ ResourceId: clusterId, TagKeyList: [tag.Key!] }));
    const first = await env.listTags({ ResourceId: clusterId, MaxResults: 10 });
    expect(first.TagList).toEqual(reference.slice(0, 10));
    await untag(reference[4]!);
    const second = await env.listTags({ ResourceId: clusterId, MaxResults: 10, NextToken: first.NextToken });
    expect(second.TagList).toEqual(reference.slice(10, 20));
    await untag(reference[19]!);
    const third = await env.listTags({ ResourceId: clusterId, MaxResults: 10, NextToken: second.NextToken });
    expect(third.TagList).toEqual(reference.slice(20, 30));
    await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [reference[4]!, reference[19]!] }));
  });

  it('a resource without tags answers an empty TagList and no token', async () => {
    const untagged = (await env.backupPages({}, 50)).find((b) => (b.TagList ?? []).length === 0)!;
    const raw = await env.raw('ListTags', { ResourceId: untagged.BackupId, MaxResults: 1 });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ TagList: [] });
  });
});
