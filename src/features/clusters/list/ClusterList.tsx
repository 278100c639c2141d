/**
 * The cluster list: every cluster of the chosen regions in one virtualised table, with filters and sort in
 * the URL, CSV/JSON export of what is shown, and loading, empty and error states. Transitional clusters
 * update by themselves (the data layer polls while any is in transition).
 */
import { useCallback, useMemo } from 'react';
import { useClustersQuery, useShownRegions } from '../../../aws';
import { clusterStatus } from '../../../cloudhsm/status';
import { Alert } from '../../../ui/Alert';
import { buttonClass } from '../../../ui/buttons';
import { EmptyState } from '../../../ui/EmptyState';
import { StatusIndicator } from '../../../ui/StatusIndicator';
import { ClusterFilters, type FilterChoices } from './ClusterFilters';
import { ClusterTable } from './ClusterTable';
import { CreateClusterLink } from './CreateClusterLink';
import { filterClusters } from './filterClusters';
import { nextSort } from './params';
import { sortClusters } from './sortClusters';
import { EMPTY_FILTERS, type ClusterRow, type ListFilters, type SortColumn } from './types';
import { useListParams } from './useListParams';

const STATE_ORDER = [
  'ACTIVE',
  'DEGRADED',
  'INITIALIZED',
  'UNINITIALIZED',
  'CREATE_IN_PROGRESS',
  'INITIALIZE_IN_PROGRESS',
  'MODIFY_IN_PROGRESS',
  'UPDATE_IN_PROGRESS',
  'ROLLBACK_IN_PROGRESS',
  'DELETE_IN_PROGRESS',
  'DELETED',
];

/** Downloads the rows shown as CSV or JSON. The export code loads on the first click: it is not part of the first view. */
async function exportRows(rows: readonly ClusterRow[], format: 'csv' | 'json'): Promise<void> {
  const { downloadText, exportFilename, toCsv, toJson } = await import('./exportRows');
  if (format === 'csv') downloadText(toCsv(rows), exportFilename('csv'), 'text/csv;charset=utf-8');
  else downloadText(toJson(rows), exportFilename('json'), 'application/json');
}

function choicesOf(rows: readonly ClusterRow[], regions: readonly string[]): FilterChoices {
  const present = new Set(rows.map((r) => r.cluster.State).filter((s): s is string => Boolean(s)));
  const states = [...STATE_ORDER, ...[...present].filter((s) => !STATE_ORDER.includes(s)).sort()];
  const vpcs = [...new Set(rows.map((r) => r.cluster.VpcId).filter((v): v is string => Boolean(v)))].sort();
  const tags = [
    ...new Set(
      rows.flatMap((r) => (r.cluster.TagList ?? []).filter((t) => t.Key && t.Key !== 'Name').map((t) => `${t.Key}=${t.Value ?? ''}`)),
    ),
  ].sort();
  return { states, regions: [...regions], vpcs, tags };
}

/** A region whose clusters could not be listed: the AWS error, and a way to ask again (the others still show). */
function RegionErrors({ errors, onRetry }: { errors: ReturnType<typeof useClustersQuery>['errors']; onRetry: () => void }) {
  return errors.map(({ region, error }) => (
    <Alert
      key={region}
      type="error"
      className="mb-2"
      header={error.info.title}
      action={
        <button type="button" className={buttonClass.normal} onClick={onRetry}>
          Try again
        </button>
      }
    >
      {error.info.operation} in {region} failed: <code>{error.info.code}</code>: {error.info.message}
      {error.info.requestId && <span className="ml-1 text-xs">(request {error.info.requestId})</span>}
    </Alert>
  ));
}

export function ClusterList() {
  const { regions } = useShownRegions();
  const { rows, isPending, isFetching, errors, refetch } = useClustersQuery(regions);
  const { params, setParams } = useListParams();

  const shown = useMemo(() => sortClusters(filterClusters(rows, params.filters), params.sort), [rows, params]);
  const choices = useMemo(() => choicesOf(rows, regions), [rows, regions]);
  const transitional = useMemo(() => rows.filter((r) => clusterStatus(r.cluster.State).transitional).length, [rows]);

  const onFilters = useCallback((filters: ListFilters) => setParams({ filters, sort: params.sort }), [setParams, params.sort]);
  const onSort = useCallback(
    (column: SortColumn) => setParams({ filters: params.filters, sort: nextSort(params.sort, column) }),
    [setParams, params],
  );

  const filtered = shown.length !== rows.length;
  // The first answer is not in yet: the table shows its shape (the status line says so in words).
  const firstLoad = isPending && rows.length === 0;
  return (
    <section aria-labelledby="clusters-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="clusters-heading" className="text-lg font-medium">
          Clusters
        </h2>
        <div className="flex items-center gap-2">
          <CreateClusterLink />
          <button type="button" className={buttonClass.normal} disabled={shown.length === 0} onClick={() => void exportRows(shown, 'csv')}>
            Export CSV
          </button>
          <button type="button" className={buttonClass.normal} disabled={shown.length === 0} onClick={() => void exportRows(shown, 'json')}>
            Export JSON
          </button>
        </div>
      </div>

      <RegionErrors errors={errors} onRetry={() => void refetch()} />

      <ClusterFilters filters={params.filters} choices={choices} onChange={onFilters} />

      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" role="status" data-testid="cluster-count">
        {firstLoad
          ? 'Loading clusters…'
          : `${filtered ? `Showing ${shown.length} of ${rows.length}` : `${rows.length}`} cluster${rows.length === 1 ? '' : 's'} in ${regions.join(', ')}`}
        {isPending && rows.length > 0 && ' (still loading some regions…)'}
        {!isPending && transitional > 0 && ` · ${transitional} in transition, refreshing automatically`}
        {!isPending && isFetching && (
          <StatusIndicator icon="in-progress" aria-hidden="true" className="ml-2 font-normal">
            Updating…
          </StatusIndicator>
        )}
      </p>

      {!isPending && rows.length === 0 && errors.length === 0 && (
        <EmptyState
          title={`No clusters in ${regions.join(', ')}.`}
          description="Pick other regions above, or create a cluster."
          data-testid="cluster-list-empty"
        />
      )}
      {rows.length > 0 && shown.length === 0 && (
        <EmptyState
          variant="no-match"
          title="No clusters match these filters."
          action={
            <button type="button" className={buttonClass.normal} onClick={() => setParams({ filters: EMPTY_FILTERS, sort: params.sort })}>
              Clear filters
            </button>
          }
          data-testid="cluster-list-no-match"
        />
      )}
      {(shown.length > 0 || firstLoad) && <ClusterTable rows={shown} loading={firstLoad} sort={params.sort} onSort={onSort} />}
    </section>
  );
}
