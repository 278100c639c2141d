import { lazy, Suspense, useCallback, useRef } from 'react';
import { accountLinkParams, useShownRegions } from '../../../aws';
import { SkeletonRows } from '../../../ui/Skeleton';
import { SortableHeader } from '../../../ui/controls';
import { CELL, PlainRows, useColumns, type ClusterHref } from './ClusterRow';
import type { ClusterRow, SortColumn, SortSpec } from './types';

export { COLUMNS } from './ClusterRow';

const VirtualRows = lazy(() => import('./VirtualRows'));

/** Up to this many rows the table draws them all; above, it draws only the rows in view. */
export const PLAIN_ROWS_MAX = 100;

export interface ClusterTableProps {
  rows: readonly ClusterRow[];
  /** The first load: placeholder rows in the table's shape (the page's status line says "Loading" in words). */
  loading?: boolean;
  sort: SortSpec | null;
  onSort: (column: SortColumn) => void;
  /** The time health is judged at (epoch ms, to the minute). */
  now: number;
}

function SortHeaders({ sort, onSort }: Pick<ClusterTableProps, 'sort' | 'onSort'>) {
  return (
    <tr aria-rowindex={1}>
      {useColumns().map((column) => {
        const direction = sort?.column === column.id ? sort.direction : null;
        return (
          <SortableHeader
            key={column.id}
            direction={direction}
            onSort={() => onSort(column.id)}
            className="px-2 py-2 font-medium whitespace-nowrap"
            data-testid={`sort-${column.id}`}
          >
            {column.header}
          </SortableHeader>
        );
      })}
    </tr>
  );
}

/** What the table and the phone cards both need: their scrolling box, links that keep the regions, and whether to virtualise. */
export function useClusterListBody(rows: readonly ClusterRow[]) {
  const { linkTo } = useShownRegions();
  const scrollRef = useRef<HTMLDivElement>(null);
  const href: ClusterHref = useCallback(
    (region, id, account) =>
      linkTo(`/clusters/${encodeURIComponent(region)}/${encodeURIComponent(id)}`, { params: accountLinkParams(account) }),
    [linkTo],
  );
  return { scrollRef, href, long: rows.length > PLAIN_ROWS_MAX };
}

/**
 * A real <table> in a scrolling container whose header stays visible (sticky). A long list renders only the
 * rows in view (VirtualRows); `aria-rowcount`/`aria-rowindex` tell assistive technology how many rows there
 * are in all.
 */
export function ClusterTable({ rows, loading = false, sort, onSort, now }: ClusterTableProps) {
  const { scrollRef, href, long } = useClusterListBody(rows);
  const columns = useColumns();
  return (
    // Relative: the visually hidden texts in cells (position: absolute) stay inside the scrolling box instead of widening the page.
    <div
      ref={scrollRef}
      className="relative max-h-[70vh] overflow-auto rounded border border-slate-200 dark:border-slate-800"
      data-testid="cluster-table-scroll"
    >
      <table
        className="w-full border-collapse text-left text-sm"
        aria-rowcount={rows.length + 1}
        aria-labelledby="clusters-heading"
        aria-busy={loading || undefined}
      >
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-900">
          <SortHeaders sort={sort} onSort={onSort} />
        </thead>
        <tbody>
          {loading && <SkeletonRows rows={6} columns={columns.length} cellClassName={CELL} />}
          {!loading && !long && <PlainRows rows={rows} href={href} now={now} />}
          {!loading && long && (
            // While the virtualiser loads (once), the first rows stand in.
            <Suspense fallback={<PlainRows rows={rows.slice(0, 30)} href={href} now={now} />}>
              <VirtualRows rows={rows} href={href} scrollRef={scrollRef} now={now} />
            </Suspense>
          )}
        </tbody>
      </table>
    </div>
  );
}
