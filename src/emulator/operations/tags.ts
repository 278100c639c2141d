import type { OperationContext } from '../context';
import { EmulatorError, notFound } from '../errors';
import type { OperationInputs } from '../model/inputs';
import { decodeToken, encodeToken, fingerprint } from '../pagination';
import type { BackupRecord, ClusterRecord, Tag } from '../types';
import { MAX_TAGS, mergeTags, rejectReservedKeys, validateNewTags } from './common';

/** Tags live on clusters and backups, addressed by id (not ARN); HSMs cannot be tagged. */
function taggable(ctx: OperationContext, resourceId: string): { record: ClusterRecord | BackupRecord; save: () => void } {
  if (resourceId.startsWith('cluster-')) {
    const cluster = ctx.state.clusters.get(resourceId);
    if (cluster) return { record: cluster, save: () => ctx.store.putCluster(ctx.state, cluster) };
  } else {
    const backup = ctx.state.backups.get(resourceId);
    if (backup) return { record: backup, save: () => ctx.store.putBackup(ctx.state, backup) };
  }
  throw notFound(`Resource ${resourceId} was not found in ${ctx.region}.`);
}

export function tagResource(ctx: OperationContext, input: OperationInputs['TagResource']): Record<string, never> {
  const { record, save } = taggable(ctx, input.ResourceId);
  const incoming = validateNewTags(input.TagList);
  const merged = mergeTags(record.Tags, incoming);
  if (merged.length > MAX_TAGS) {
    throw new EmulatorError(
      'CloudHsmResourceLimitExceededException',
      `Resource ${input.ResourceId} would have ${merged.length} tags; a resource can have at most ${MAX_TAGS}.`,
    );
  }
  record.Tags = merged;
  save();
  return {};
}

export function untagResource(ctx: OperationContext, input: OperationInputs['UntagResource']): Record<string, never> {
  const { record, save } = taggable(ctx, input.ResourceId);
  rejectReservedKeys(input.TagKeyList);
  const remove = new Set(input.TagKeyList);
  // Keys that are not present are ignored.
  record.Tags = record.Tags.filter((t) => !remove.has(t.Key));
  save();
  return {};
}

export function listTags(ctx: OperationContext, input: OperationInputs['ListTags']): { TagList: Tag[]; NextToken?: string } {
  const { record } = taggable(ctx, input.ResourceId);
  const fp = fingerprint(['tags', input.ResourceId]);
  let start = 0;
  if (input.NextToken !== undefined) {
    const [index, key] = decodeToken(input.NextToken, fp);
    // Continue after the key last returned. If it was removed meanwhile, the tag that followed it has moved
    // up into its old position, so continue there.
    const found = record.Tags.findIndex((t) => t.Key === key);
    start = found >= 0 ? found + 1 : index;
  }
  const limit = input.MaxResults ?? 100;
  const page = record.Tags.slice(start, start + limit).map((t) => ({ ...t }));
  const out: { TagList: Tag[]; NextToken?: string } = { TagList: page };
  const lastIndex = start + page.length - 1;
  if (lastIndex < record.Tags.length - 1 && page.length > 0) out.NextToken = encodeToken([lastIndex, page[page.length - 1]!.Key], fp);
  return out;
}
