import { useTagsQuery } from '../../../aws';
import { TagChips } from '../../tags/TagChips';
import { AwsErrorMessage } from './parts';

export function TagsTab({ region, clusterId }: { region: string; clusterId: string }) {
  const tags = useTagsQuery(region, clusterId);
  if (tags.isPending) return <p aria-live="polite">Loading tags…</p>;
  if (tags.error) return <AwsErrorMessage error={tags.error} what="Could not load the tags" />;
  if (tags.data.length === 0) return <p>No tags: this cluster has no tags.</p>;
  return (
    <TagChips tags={tags.data} />
  );
}
