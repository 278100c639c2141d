/** Tag mutations (clusters and backups, by resource id); invalidation in invalidation.ts. */
import { TagResourceCommand, UntagResourceCommand, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import { invalidationsFor } from './invalidation';
import { useCloudHsmMutation } from './useCloudHsmMutation';

export const useTagResourceMutation = (region: string) =>
  useCloudHsmMutation<{ ResourceId: string; TagList: Tag[] }, void>({
    operation: 'TagResource',
    region,
    call: async (client, input) => {
      await client.send(new TagResourceCommand(input));
    },
    invalidates: (input) => invalidationsFor.tagResource(region, input.ResourceId),
  });

export const useUntagResourceMutation = (region: string) =>
  useCloudHsmMutation<{ ResourceId: string; TagKeyList: string[] }, void>({
    operation: 'UntagResource',
    region,
    call: async (client, input) => {
      await client.send(new UntagResourceCommand(input));
    },
    invalidates: (input) => invalidationsFor.untagResource(region, input.ResourceId),
  });
