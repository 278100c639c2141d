/**
 * The TagList a copy is made with. Left out, AWS gives the copy the source backup's tags; given, the copy
 * gets exactly that list. So an unedited list is left out, and an edited one is sent as it is. TagList needs
 * at least one tag (TagList.min), so "no tags at all" cannot be asked for: leaving it out would copy the
 * source's tags, the opposite of what was meant. That case is refused with the way out (see the reason). Pure.
 */
import type { Tag } from '../../../../aws';
import { TagList } from '../../../../aws/constraints';
import { diffTags, isEmptyDiff } from '../../../tags/diffTags';

export type CopyTagsDecision = { ok: true; TagList?: Tag[] } | { ok: false; reason: string };

const MIN_TAGS = TagList.min ?? 1;

export const NO_TAGS_REASON =
  `A copy cannot be made without tags from here: CopyBackupToRegion takes at least ${MIN_TAGS} tag when a tag list is given, ` +
  "and without one AWS copies the source's tags. Keep at least one tag, or copy with the source's tags and remove them on the copy's page.";

export function copyTagsInput(sourceTags: readonly Tag[], editedTags: readonly Tag[]): CopyTagsDecision {
  if (isEmptyDiff(diffTags(sourceTags, editedTags))) return { ok: true };
  if (editedTags.length < MIN_TAGS) return { ok: false, reason: NO_TAGS_REASON };
  return { ok: true, TagList: editedTags.map((t) => ({ Key: t.Key, Value: t.Value })) };
}
