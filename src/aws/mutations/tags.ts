/** Tag mutations (clusters and backups, by resource id); invalidation in invalidation.ts. */
import { TagResourceCommand, UntagResourceCommand, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import { resourceChange, sender, type ResourceRule, type Send } from './useCloudHsmMutation';

/** Tagging a cluster or a backup (by id); it answers nothing worth keeping: the hooks resolve to nothing. */
/*#__NO_SIDE_EFFECTS__*/
function tagChange<Variables extends { ResourceId: string }>(operation: string, send: Send<Variables, unknown>, rule: ResourceRule) {
  return resourceChange({ member: 'ResourceId', pick: (): void => undefined }, operation, send, rule);
}

export const useTagResourceMutation = tagChange<{ ResourceId: string; TagList: Tag[] }>(
  'TagResource',
  sender(TagResourceCommand),
  'tagResource',
);
export const useUntagResourceMutation = tagChange<{ ResourceId: string; TagKeyList: string[] }>(
  'UntagResource',
  sender(UntagResourceCommand),
  'untagResource',
);
