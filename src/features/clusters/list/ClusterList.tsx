/**
 * The cluster list: every cluster of the chosen regions in one virtualised table, with filters and sort in
 * the URL, CSV/JSON export of what is shown, and loading, empty and error states. Transitional clusters
 * update by themselves (the data layer polls while any is in transition).
 */
import { useCallback, useMemo } from 'react';
import { useClustersQuery, useShownRegions } from '../../../aws';
import { clusterStatus } from '../../../cloudhsm/status';
import { buttonClass } from '../../../ui/buttons';
import { EmptyState } from '../../../ui/EmptyState';
import { useNarrowScreen } from '../../../ui/useMediaQuery';
import { useNow } from '../../../ui/useNow';
import { ClusterCards } from './ClusterCards';
import { ClusterFilters, type FilterChoices } from './ClusterFilters';
import { ClusterTable } from './ClusterTable';
import { answeredRegions } from './countSentence';
import { CountLine } from './CountLine';
import { CreateClusterLink } from './CreateClusterLink';
import { filterClusters } from './filterClusters';
import { needsAttention } from './health';
import { nextSort } from './params';
import { RegionErrors } from './RegionErrors';
import { sortClusters } from './sortClusters';
import { EMPTY_FILTERS, type ClusterRow, type ListFilters, type SortColumn, type SortSpec } from './types';
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
async function exportRows(rows: readonly ClusterRow[], format: 'csv' | 'json', now: number): Promise<void> {
  const { downloadText, exportFilename, toCsv, toJson } = await import('./exportRows');
  if (format === 'csv') downloadText(toCsv(rows, now), exportFilename('csv'), 'text/csv;charset=utf-8');
  else downloadText(toJson(rows, now), exportFilename('json'), 'application/json');
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

export function ClusterList() {
  const { regions } = useShownRegions();
  const { rows, isPending, isFetching, errors, pending, refetch } = useClustersQuery(regions);
  const { params, setParams } = useListParams();
  const now = useNow();
  const narrow = useNarrowScreen();

  const shown = useMemo(() => sortClusters(filterClusters(rows, params.filters, now), params.sort), [rows, params, now]);
  const choices = useMemo(() => choicesOf(rows, regions), [rows, regions]);
  const transitional = useMemo(() => rows.filter((r) => clusterStatus(r.cluster.State).transitional).length, [rows]);
  const attention = useMemo(() => rows.filter((r) => needsAttention(r.cluster, now)).length, [rows, now]);

  const onFilters = useCallback((filters: ListFilters) => setParams({ filters, sort: params.sort }), [setParams, params.sort]);
  const onSort = useCallback(
    (column: SortColumn) => setParams({ filters: params.filters, sort: nextSort(params.sort, column) }),
    [setParams, params],
  );
  const onSortChange = useCallback((sort: SortSpec | null) => setParams({ filters: params.filters, sort }), [setParams, params.filters]);

  // A failed refresh keeps the region's last answer on screen: it is counted, and said to be stale.
  const failed = errors.filter((e) => !e.stale).map((e) => e.region);
  const stale = errors.filter((e) => e.stale).map((e) => e.region);
  const loading = pending.map((p) => p.region);
  const answered = answeredRegions({ regions, failed, loading });
  const filtered = shown.length !== rows.length;
  // The first answer is not in yet: the table shows its shape (the status line says so in words).
  const firstLoad = (isPending || regions.length === 0) && rows.length === 0;
  return (
    <section aria-labelledby="clusters-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="clusters-heading" className="text-lg font-medium">
          Clusters
        </h2>
        <div className="flex flex-wrap items-center gap-2">
          <CreateClusterLink />
          <button
            type="button"
            className={buttonClass.normal}
            disabled={shown.length === 0}
            onClick={() => void exportRows(shown, 'csv', now)}
          >
            Export CSV
          </button>
          <button
            type="button"
            className={buttonClass.normal}
            disabled={shown.length === 0}
            onClick={() => void exportRows(shown, 'json', now)}
          >
            Export JSON
          </button>
        </div>
      </div>

      <RegionErrors errors={errors} />

      <ClusterFilters filters={params.filters} choices={choices} onChange={onFilters} />

      <CountLine
        total={rows.length}
        shown={shown.length}
        filtered={filtered}
        regions={regions}
        failed={failed}
        stale={stale}
        loading={loading}
        attention={attention}
        attentionOnly={params.filters.attention}
        onShowAttention={() => setParams({ filters: { ...params.filters, attention: true }, sort: params.sort })}
        transitional={transitional}
        updating={!isPending && isFetching}
      />

      {!isPending && rows.length === 0 && answered.length > 0 && (
        <EmptyState
          title={`No clusters in ${answered.join(', ')}.`}
          description={
            failed.length > 0
              ? `Could not load ${failed.join(', ')}: the error above says why. Pick other regions above, or create a cluster.`
              : 'Pick other regions above, or create a cluster.'
          }
          data-testid="cluster-list-empty"
        />
      )}
      {!isPending && rows.length === 0 && answered.length === 0 && failed.length > 0 && (
        <EmptyState
          variant="error"
          title={`Could not load the clusters of ${failed.join(', ')}.`}
          description="Nothing could be read, so this is not an empty list: the error above says why and what to do."
          action={
            <button type="button" className={buttonClass.normal} onClick={() => void refetch()}>
              Try again
            </button>
          }
          data-testid="cluster-list-unavailable"
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
      {(shown.length > 0 || firstLoad) &&
        (narrow ? (
          <ClusterCards rows={shown} loading={firstLoad} sort={params.sort} onSortChange={onSortChange} now={now} />
        ) : (
          <ClusterTable rows={shown} loading={firstLoad} sort={params.sort} onSort={onSort} now={now} />
        ))}
    </section>
  );
}
