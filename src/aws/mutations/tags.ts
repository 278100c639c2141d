/** Tag mutations (clusters and backups, by resource id); invalidation in invalidation.ts. */
import { TagResourceCommand, UntagResourceCommand, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import { invalidationsFor } from './invalidation';
import { resourceChange, sender } from './useCloudHsmMutation';

/** Tagging answers nothing worth keeping: the hooks resolve to nothing. */
const tagChange = resourceChange('ResourceId', (): void => undefined);

export const useTagResourceMutation = tagChange<{ ResourceId: string; TagList: Tag[] }>(
  'TagResource',
  sender(TagResourceCommand),
  invalidationsFor.tagResource,
);
export const useUntagResourceMutation = tagChange<{ ResourceId: string; TagKeyList: string[] }>(
  'UntagResource',
  sender(UntagResourceCommand),
  invalidationsFor.untagResource,
);
