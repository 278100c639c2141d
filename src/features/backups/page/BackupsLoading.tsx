/**
 * The first load of the backups page: a status line in words, and placeholders shaped like the timeline and
 * the list (the kit's skeletons: hidden from assistive tech, shown only if the answer takes a moment).
 */
import { Skeleton, SkeletonList } from '../../../ui';

export function BackupsLoading({ regions }: { regions: readonly string[] }) {
  return (
    <div>
      <p aria-live="polite" data-testid="backups-loading" className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        Loading backups of {regions.join(', ')}…
      </p>
      {/* The timeline's place: still (a large pulsing area costs every frame while the data is parsed). */}
      <div aria-hidden="true" className="mb-6 h-48 rounded border border-dashed border-slate-300 dark:border-slate-700" />
      <Skeleton className="mb-3 h-6 w-40" />
      <SkeletonList rows={6} columns={5} />
    </div>
  );
}

/**
 * While the timeline's own code loads (its chunk, fetched as the page opens): the words only. Not a pulsing
 * placeholder: React may hold this fallback until the backups have all arrived, and a placeholder animating
 * that long costs more than it tells.
 */
export function TimelineLoading() {
  return (
    <p aria-live="polite" className="mb-2 text-sm text-slate-700 dark:text-slate-300">
      Loading the timeline…
    </p>
  );
}
