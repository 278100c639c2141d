/**
 * The cluster list on a narrow screen: stacked cards in a scrolling box instead of a wide table (nothing
 * scrolls sideways at 390 px), a sort picker instead of column headers, and the same virtualisation as
 * the table for long lists.
 */
import { lazy, Suspense, useId } from 'react';
import { inputClass } from '../../../ui/buttons';
import { SkeletonList } from '../../../ui/Skeleton';
import { PlainCards } from './ClusterCard';
import { useColumns } from './ClusterRow';
import { useClusterListBody } from './ClusterTable';
import { parseSort } from './params';
import type { ClusterRow, SortSpec } from './types';

const VirtualCards = lazy(() => import('./VirtualCards'));

export interface ClusterCardsProps {
  rows: readonly ClusterRow[];
  loading?: boolean;
  sort: SortSpec | null;
  onSortChange: (sort: SortSpec | null) => void;
  now: number;
}

function SortPicker({ sort, onSortChange }: Pick<ClusterCardsProps, 'sort' | 'onSortChange'>) {
  const id = useId();
  return (
    <div className="mb-2 flex items-center gap-2 text-sm">
      <label htmlFor={id} className="font-medium">
        Sort by
      </label>
      <select
        id={id}
        className={`${inputClass} min-w-0 flex-1`}
        value={sort ? `${sort.column}:${sort.direction}` : ''}
        onChange={(e) => onSortChange(parseSort(e.target.value))}
        data-testid="sort-select"
      >
        <option value="">Default order</option>
        {useColumns().flatMap((c) => [
          <option key={`${c.id}:asc`} value={`${c.id}:asc`}>
            {c.header}, ascending
          </option>,
          <option key={`${c.id}:desc`} value={`${c.id}:desc`}>
            {c.header}, descending
          </option>,
        ])}
      </select>
    </div>
  );
}

export function ClusterCards({ rows, loading = false, sort, onSortChange, now }: ClusterCardsProps) {
  const { scrollRef, href, long } = useClusterListBody(rows);
  return (
    <>
      <SortPicker sort={sort} onSortChange={onSortChange} />
      <div
        ref={scrollRef}
        className="max-h-[70vh] overflow-x-hidden overflow-y-auto rounded border border-slate-200 dark:border-slate-800"
        aria-busy={loading || undefined}
        data-testid="cluster-table-scroll"
      >
        {loading && <SkeletonList rows={6} columns={2} className="p-3" />}
        {!loading && !long && (
          <ul className="m-0 list-none p-0" aria-labelledby="clusters-heading" data-testid="cluster-cards">
            <PlainCards rows={rows} href={href} now={now} />
          </ul>
        )}
        {!loading && long && (
          <Suspense
            fallback={
              <ul className="m-0 list-none p-0">
                <PlainCards rows={rows.slice(0, 30)} href={href} now={now} />
              </ul>
            }
          >
            <VirtualCards rows={rows} href={href} now={now} scrollRef={scrollRef} />
          </Suspense>
        )}
      </div>
    </>
  );
}
