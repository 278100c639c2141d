import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { Link } from 'react-router';
import { useShownRegions } from '../../../aws';
import { createdLabel, clusterName, retentionLabel } from './fields';
import { HsmCell } from './HsmCell';
import { StateCell } from './StateCell';
import type { ClusterRow, SortColumn, SortSpec } from './types';

interface Column {
  id: SortColumn;
  header: string;
}

export const COLUMNS: Column[] = [
  { id: 'id', header: 'Cluster' },
  { id: 'name', header: 'Name' },
  { id: 'region', header: 'Region' },
  { id: 'state', header: 'State' },
  { id: 'hsms', header: 'HSMs' },
  { id: 'hsmType', header: 'HSM type' },
  { id: 'mode', header: 'Mode' },
  { id: 'vpc', header: 'VPC' },
  { id: 'retention', header: 'Backup retention' },
  { id: 'created', header: 'Created' },
];

const ROW_ESTIMATE_PX = 44;
const CELL = 'px-2 py-2 align-top';

export interface ClusterTableProps {
  rows: readonly ClusterRow[];
  sort: SortSpec | null;
  onSort: (column: SortColumn) => void;
}

/**
 * A real <table> whose body renders only the rows in view (plus overscan) between two spacer rows, inside a
 * scrolling container; the header stays visible (sticky). `aria-rowcount`/`aria-rowindex` tell assistive
 * technology how many rows there are in all.
 */
export function ClusterTable({ rows, sort, onSort }: ClusterTableProps) {
  const { linkTo } = useShownRegions();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 12,
    getItemKey: (index) => {
      const row = rows[index];
      return row ? `${row.region}/${row.cluster.ClusterId}` : index;
    },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;

  return (
    <div ref={scrollRef} className="max-h-[70vh] overflow-auto rounded border border-slate-200 dark:border-slate-800" data-testid="cluster-table-scroll">
      <table className="w-full border-collapse text-left text-sm" aria-rowcount={rows.length + 1} aria-labelledby="clusters-heading">
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-900">
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => {
              const active = sort?.column === column.id;
              const ariaSort = active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none';
              return (
                <th key={column.id} scope="col" aria-sort={ariaSort} className="px-2 py-2 font-medium whitespace-nowrap">
                  <button
                    type="button"
                    className="inline-flex items-center gap-1 rounded hover:underline focus-visible:outline-2 focus-visible:outline-sky-600"
                    onClick={() => onSort(column.id)}
                    data-testid={`sort-${column.id}`}
                  >
                    {column.header}
                    <span aria-hidden="true" className="w-3 text-xs">
                      {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: top, padding: 0 }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            const { region, cluster } = row;
            const id = cluster.ClusterId ?? '';
            return (
              <tr
                key={item.key}
                data-index={item.index}
                ref={virtualizer.measureElement}
                aria-rowindex={item.index + 2}
                className="border-t border-slate-200 hover:bg-slate-50 focus-within:bg-slate-50 dark:border-slate-800 dark:hover:bg-slate-900 dark:focus-within:bg-slate-900"
                data-testid="cluster-row"
                data-state={cluster.State}
              >
                <td className={`${CELL} font-mono whitespace-nowrap`}>
                  <Link
                    to={linkTo(`/clusters/${encodeURIComponent(region)}/${encodeURIComponent(id)}`)}
                    className="text-sky-800 underline dark:text-sky-300"
                  >
                    {id}
                  </Link>
                </td>
                <td className={CELL}>{clusterName(cluster)}</td>
                <td className={`${CELL} whitespace-nowrap`}>{region}</td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <StateCell cluster={cluster} />
                </td>
                <td className={`${CELL} whitespace-nowrap`}>
                  <HsmCell cluster={cluster} />
                </td>
                <td className={`${CELL} whitespace-nowrap`}>{cluster.HsmType}</td>
                <td className={CELL} data-testid="cluster-mode">
                  {cluster.Mode}
                </td>
                <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>{cluster.VpcId}</td>
                <td className={`${CELL} whitespace-nowrap`}>{retentionLabel(cluster)}</td>
                <td className={`${CELL} whitespace-nowrap`} title={cluster.CreateTimestamp?.toISOString()}>
                  {createdLabel(cluster.CreateTimestamp)}
                </td>
              </tr>
            );
          })}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={COLUMNS.length} style={{ height: bottom, padding: 0 }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
