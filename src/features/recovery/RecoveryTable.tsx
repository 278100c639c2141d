/**
 * The recovery table: a real <table> captioned "Recovery posture", in a box that scrolls both ways with its
 * header and the cluster column sticky (at 390 px it scrolls sideways, the cluster's name staying in view).
 * Sortable headers write the URL; a long list renders only the rows in view.
 */
import { lazy, Suspense, useRef } from 'react';
import type { RecoverySort, RecoverySortColumn } from '../../cloudhsm/recovery';
import { SkeletonRows, SortableHeader } from '../../ui';
import { useListAccounts } from '../common/accounts/listAccounts';
import { CELL, columnCount, PlainRecoveryRows, type RowActions } from './RecoveryRowView';
import type { RecoveryRow } from './useRecoveryData';

const VirtualRecoveryRows = lazy(() => import('./VirtualRecoveryRows'));

/** Up to this many rows the table draws them all; above, only the rows in view. */
export const PLAIN_ROWS_MAX = 100;

const HEADERS: readonly { header: string; sort?: RecoverySortColumn; sticky?: boolean }[] = [
  { header: 'Cluster', sort: 'name', sticky: true },
  { header: 'Region', sort: 'region' },
  { header: 'Health' },
  { header: 'Newest backup', sort: 'age' },
  { header: 'Status', sort: 'status' },
  { header: 'DR copies', sort: 'dr' },
  { header: 'Certificate' },
  { header: 'Restore drill' },
  { header: 'Targets' },
];
/** With several accounts (issue 15): an Account column after Region. */
const HEADERS_WITH_ACCOUNT = [...HEADERS.slice(0, 2), { header: 'Account' }, ...HEADERS.slice(2)];

export interface RecoveryTableProps {
  rows: readonly RecoveryRow[];
  loading: boolean;
  sort: RecoverySort | null;
  onSort: (column: RecoverySortColumn) => void;
  actions: RowActions;
  /** Every row shown is selected. */
  allSelected: boolean;
  onSelectAll: (select: boolean) => void;
}

function Header({
  sort,
  onSort,
  allSelected,
  onSelectAll,
  disabled,
}: Pick<RecoveryTableProps, 'sort' | 'onSort' | 'allSelected' | 'onSelectAll'> & { disabled: boolean }) {
  return (
    <tr aria-rowindex={1}>
      <th scope="col" className="px-2 py-2">
        <input
          type="checkbox"
          className="size-4"
          checked={allSelected}
          disabled={disabled}
          onChange={(e) => onSelectAll(e.target.checked)}
          aria-label="Select every cluster shown"
        />
      </th>
      {(useListAccounts().multi ? HEADERS_WITH_ACCOUNT : HEADERS).map(({ header, sort: column, sticky }) => {
        const cls = `px-2 py-2 font-medium whitespace-nowrap ${sticky ? 'sticky left-0 z-[1] bg-slate-100 dark:bg-slate-900' : ''}`;
        if (!column)
          return (
            <th key={header} scope="col" className={cls}>
              {header}
            </th>
          );
        return (
          <SortableHeader
            key={header}
            direction={sort?.column === column ? sort.direction : null}
            onSort={() => onSort(column)}
            className={cls}
          >
            {header}
          </SortableHeader>
        );
      })}
    </tr>
  );
}

export function RecoveryTable({ rows, loading, sort, onSort, actions, allSelected, onSelectAll }: RecoveryTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const long = rows.length > PLAIN_ROWS_MAX;
  const { multi } = useListAccounts();
  return (
    <div
      ref={scrollRef}
      className="relative max-h-[70vh] overflow-auto rounded border border-slate-200 dark:border-slate-800"
      data-testid="recovery-table-scroll"
    >
      <table
        className="w-full min-w-[64rem] border-collapse text-left text-sm"
        aria-rowcount={rows.length + 1}
        aria-busy={loading || undefined}
      >
        <caption className="sr-only">Recovery posture</caption>
        <thead className="sticky top-0 z-10 bg-slate-100 dark:bg-slate-900">
          <Header sort={sort} onSort={onSort} allSelected={allSelected} onSelectAll={onSelectAll} disabled={loading || rows.length === 0} />
        </thead>
        <tbody>
          {loading && <SkeletonRows rows={6} columns={columnCount(multi)} cellClassName={CELL} />}
          {!loading && !long && <PlainRecoveryRows rows={rows} actions={actions} />}
          {!loading && long && (
            <Suspense fallback={<PlainRecoveryRows rows={rows.slice(0, 30)} actions={actions} />}>
              <VirtualRecoveryRows rows={rows} actions={actions} scrollRef={scrollRef} />
            </Suspense>
          )}
        </tbody>
      </table>
    </div>
  );
}
