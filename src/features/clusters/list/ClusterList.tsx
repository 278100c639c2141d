/**
 * The cluster list: every cluster of the chosen regions in one virtualised table, with filters and sort in
 * the URL, CSV/JSON export of what is shown, and loading, empty and error states. Transitional clusters
 * update by themselves (the data layer polls while any is in transition).
 */
import { useCallback, useMemo } from 'react';
import { useClustersQuery, useShownRegions } from '../../../aws';
import { ClusterFilters, type FilterChoices } from './ClusterFilters';
import { ClusterTable } from './ClusterTable';
import { CreateClusterLink } from './CreateClusterLink';
import { downloadText, exportFilename, toCsv, toJson } from './exportRows';
import { filterClusters } from './filterClusters';
import { nextSort } from './params';
import { sortClusters } from './sortClusters';
import { clusterStateInfo } from './state';
import type { ClusterRow, ListFilters, SortColumn } from './types';
import { useListParams } from './useListParams';

const STATE_ORDER = ['ACTIVE', 'DEGRADED', 'INITIALIZED', 'UNINITIALIZED', 'CREATE_IN_PROGRESS', 'INITIALIZE_IN_PROGRESS', 'MODIFY_IN_PROGRESS', 'UPDATE_IN_PROGRESS', 'ROLLBACK_IN_PROGRESS', 'DELETE_IN_PROGRESS', 'DELETED'];

function choicesOf(rows: readonly ClusterRow[], regions: readonly string[]): FilterChoices {
  const present = new Set(rows.map((r) => r.cluster.State).filter((s): s is string => Boolean(s)));
  const states = [...STATE_ORDER, ...[...present].filter((s) => !STATE_ORDER.includes(s)).sort()];
  const vpcs = [...new Set(rows.map((r) => r.cluster.VpcId).filter((v): v is string => Boolean(v)))].sort();
  const tags = [...new Set(rows.flatMap((r) => (r.cluster.TagList ?? []).filter((t) => t.Key && t.Key !== 'Name').map((t) => `${t.Key}=${t.Value ?? ''}`)))].sort();
  return { states, regions: [...regions], vpcs, tags };
}

const BUTTON = 'rounded border border-slate-400 px-2 py-1 text-sm disabled:opacity-60 dark:border-slate-500';

export function ClusterList() {
  const { regions } = useShownRegions();
  const { rows, isPending, isFetching, errors, refetch } = useClustersQuery(regions);
  const { params, setParams } = useListParams();

  const shown = useMemo(() => sortClusters(filterClusters(rows, params.filters), params.sort), [rows, params]);
  const choices = useMemo(() => choicesOf(rows, regions), [rows, regions]);
  const transitional = useMemo(() => rows.filter((r) => clusterStateInfo(r.cluster.State).transitional).length, [rows]);

  const onFilters = useCallback((filters: ListFilters) => setParams({ filters, sort: params.sort }), [setParams, params.sort]);
  const onSort = useCallback((column: SortColumn) => setParams({ filters: params.filters, sort: nextSort(params.sort, column) }), [setParams, params]);

  const filtered = shown.length !== rows.length;
  return (
    <section aria-labelledby="clusters-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="clusters-heading" className="text-lg font-medium">
          Clusters
        </h2>
        <div className="flex items-center gap-2">
          <CreateClusterLink />
          <button type="button" className={BUTTON} disabled={shown.length === 0} onClick={() => downloadText(toCsv(shown), exportFilename('csv'), 'text/csv;charset=utf-8')}>
            Export CSV
          </button>
          <button type="button" className={BUTTON} disabled={shown.length === 0} onClick={() => downloadText(toJson(shown), exportFilename('json'), 'application/json')}>
            Export JSON
          </button>
        </div>
      </div>

      {errors.map(({ region, error }) => (
        <div key={region} role="alert" className="mb-2 flex flex-wrap items-center gap-2 rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
          <span>
            {error.info.operation} in {region} failed: <code>{error.info.code}</code>: {error.info.message}
            {error.info.requestId && <span className="ml-1 text-xs">(request {error.info.requestId})</span>}
          </span>
          <button type="button" className="rounded border border-red-400 px-2 py-0.5 text-sm" onClick={() => void refetch()}>
            Try again
          </button>
        </div>
      ))}

      <ClusterFilters filters={params.filters} choices={choices} onChange={onFilters} />

      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" role="status" data-testid="cluster-count">
        {isPending && rows.length === 0
          ? 'Loading clusters…'
          : `${filtered ? `Showing ${shown.length} of ${rows.length}` : `${rows.length}`} cluster${rows.length === 1 ? '' : 's'} in ${regions.join(', ')}`}
        {isPending && rows.length > 0 && ' (still loading some regions…)'}
        {!isPending && transitional > 0 && ` · ${transitional} in transition, refreshing automatically`}
        {!isPending && isFetching && <span aria-hidden="true"> · updating…</span>}
      </p>

      {!isPending && rows.length === 0 && errors.length === 0 && (
        <p className="rounded border border-dashed border-slate-300 p-4 text-center dark:border-slate-700" data-testid="cluster-list-empty">
          No clusters in {regions.join(', ')}. Pick other regions above, or create a cluster.
        </p>
      )}
      {rows.length > 0 && shown.length === 0 && (
        <p className="rounded border border-dashed border-slate-300 p-4 text-center dark:border-slate-700" data-testid="cluster-list-no-match">
          No clusters match these filters.{' '}
          <button type="button" className="underline" onClick={() => setParams({ filters: { state: [], region: [], vpc: '', tag: '', q: '' }, sort: params.sort })}>
            Clear filters
          </button>
        </p>
      )}
      {shown.length > 0 && <ClusterTable rows={shown} sort={params.sort} onSort={onSort} />}
    </section>
  );
}
