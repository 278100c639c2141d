import { useTagsQuery } from '../../../aws';
import { AwsErrorMessage } from './parts';

export function TagsTab({ region, clusterId }: { region: string; clusterId: string }) {
  const tags = useTagsQuery(region, clusterId);
  if (tags.isPending) return <p aria-live="polite">Loading tags…</p>;
  if (tags.error) return <AwsErrorMessage error={tags.error} what="Could not load the tags" />;
  if (tags.data.length === 0) return <p>No tags: this cluster has no tags.</p>;
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-2">
      {tags.data.map((tag) => (
        <li key={tag.Key} data-testid="tag-chip" className="rounded-full border border-slate-300 bg-slate-100 px-3 py-1 text-sm dark:border-slate-600 dark:bg-slate-800">
          <span className="font-medium">{tag.Key}</span>
          <span aria-hidden="true"> = </span>
          <span className="sr-only"> is </span>
          <span>{tag.Value === '' || tag.Value === undefined ? '(empty)' : tag.Value}</span>
        </li>
      ))}
    </ul>
  );
}
