/**
 * The cluster list: every cluster of the chosen regions in one virtualised table, with filters and sort in
 * the URL, CSV/JSON export of what is shown, and loading, empty and error states. Transitional clusters
 * update by themselves (the data layer polls while any is in transition).
 */
import { useCallback, useMemo } from 'react';
import { useClustersQuery, useShownAccounts, useShownRegions, type ShownAccounts } from '../../../aws';
import { clusterStatus } from '../../../cloudhsm/status';
import { buttonClass } from '../../../ui/buttons';
import { EmptyState } from '../../../ui/EmptyState';
import { useNarrowScreen } from '../../../ui/useMediaQuery';
import { useNow } from '../../../ui/useNow';
import { AccountAlerts } from '../../common/accounts/AccountAlerts';
import { accountChoices, ListAccountsProvider, placeName } from '../../common/accounts/listAccounts';
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

function choicesOf(rows: readonly ClusterRow[], regions: readonly string[], accounts: ShownAccounts): FilterChoices {
  const present = new Set(rows.map((r) => r.cluster.State).filter((s): s is string => Boolean(s)));
  const states = [...STATE_ORDER, ...[...present].filter((s) => !STATE_ORDER.includes(s)).sort()];
  const vpcs = [...new Set(rows.map((r) => r.cluster.VpcId).filter((v): v is string => Boolean(v)))].sort();
  const tags = [
    ...new Set(
      rows.flatMap((r) => (r.cluster.TagList ?? []).filter((t) => t.Key && t.Key !== 'Name').map((t) => `${t.Key}=${t.Value ?? ''}`)),
    ),
  ].sort();
  return { states, regions: [...regions], accounts: accounts.multi ? accountChoices(accounts) : [], vpcs, tags };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function ClusterList() {
  const { regions } = useShownRegions();
  const accounts = useShownAccounts();
  const { rows, isPending, isFetching, errors, pending, refetch } = useClustersQuery(regions, {}, accounts.callAccounts);
  const { params, setParams } = useListParams();
  const now = useNow();
  const narrow = useNarrowScreen();

  const baseAccount = accounts.available[0]?.id;
  const shown = useMemo(
    () => sortClusters(filterClusters(rows, params.filters, now, baseAccount), params.sort),
    [rows, params, now, baseAccount],
  );
  const choices = useMemo(() => choicesOf(rows, regions, accounts), [rows, regions, accounts]);
  const transitional = useMemo(() => rows.filter((r) => clusterStatus(r.cluster.State).transitional).length, [rows]);
  const attention = useMemo(() => rows.filter((r) => needsAttention(r.cluster, now)).length, [rows, now]);

  const onFilters = useCallback((filters: ListFilters) => setParams({ filters, sort: params.sort }), [setParams, params.sort]);
  const onSort = useCallback(
    (column: SortColumn) => setParams({ filters: params.filters, sort: nextSort(params.sort, column) }),
    [setParams, params],
  );
  const onSortChange = useCallback((sort: SortSpec | null) => setParams({ filters: params.filters, sort }), [setParams, params.filters]);

  // A failed refresh keeps the region's last answer on screen: it is counted, and said to be stale. With
  // several accounts each part is a region of an account, named so ("us-east-1 (workload)").
  const place = (part: { region: string; account?: string }) => placeName(part.region, part.account, accounts);
  const places = accounts.callAccounts.flatMap((account) => regions.map((region) => place({ region, account })));
  const failed = errors.filter((e) => !e.stale).map(place);
  const stale = errors.filter((e) => e.stale).map(place);
  const loading = pending.map(place);
  const answered = answeredRegions({ regions: places, failed, loading });
  const filtered = shown.length !== rows.length;
  // The first answer is not in yet: the table shows its shape (the status line says so in words).
  const firstLoad = (isPending || regions.length === 0) && rows.length === 0;
  return (
    <ListAccountsProvider value={accounts}>
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

        <AccountAlerts what="clusters" />
        <RegionErrors errors={errors} />

        <ClusterFilters filters={params.filters} choices={choices} onChange={onFilters} />

        <CountLine
          total={rows.length}
          shown={shown.length}
          filtered={filtered}
          regions={places}
          allAnswered={
            accounts.multi ? `${plural(regions.length, 'region')} of ${plural(accounts.callAccounts.length, 'account')}` : undefined
          }
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
    </ListAccountsProvider>
  );
}
