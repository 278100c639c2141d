import type { Tag } from '../../aws';

/** Tags as key/value chips (read-only; the editor comes with the actions). */
export function TagChips({ tags }: { tags: readonly Tag[] }) {
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li
          key={tag.Key}
          data-testid="tag-chip"
          className="rounded-full border border-slate-300 bg-slate-100 px-3 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
        >
          <span className="font-medium">{tag.Key}</span>
          <span aria-hidden="true"> = </span>
          <span className="sr-only"> is </span>
          <span>{tag.Value === '' || tag.Value === undefined ? '(empty)' : tag.Value}</span>
        </li>
      ))}
    </ul>
  );
}
