/**
 * `/recovery`: for each cluster of the shown regions, what it would be restored from and how old that is: the
 * newest local backup and the newest copy in each DR region, judged against targets kept in this browser;
 * its health, certificate expiry and last restore drill; and below, the orphaned backups. Backups are read
 * newest first only back to the largest target (useRecoveryData), so the view stays quick at any scale; a row
 * whose backups are older asks for its own newest one when someone presses "Find newest".
 */
import { useCallback, useMemo, useState } from 'react';
import type { RegionalBackup } from '../../aws';
import { countPostures, nextRecoverySort, orderRows, summarySentence, targetWords, type RecoverySortColumn } from '../../cloudhsm/recovery';
import { buttonClass, EmptyState, StatusIndicator, useNow } from '../../ui';
import { Button } from '../../ui';
import { accountLinkParams, useShownAccounts, useShownRegions } from '../../aws';
import { AccountAlerts } from '../common/accounts/AccountAlerts';
import { AccountFilter } from '../common/accounts/AccountFilter';
import { ListAccountsProvider, rowAccountId } from '../common/accounts/listAccounts';
import { RegionLoadErrors } from '../backups/page/RegionLoadErrors';
import { RegionErrors } from '../clusters/list/RegionErrors';
import { CopyNewestButton, type CopyNewestSelection } from './copy';
import { OrphanedBackups } from './orphans';
import type { RowActions } from './RecoveryRowView';
import { RecoveryTable } from './RecoveryTable';
import { StatusFilter } from './StatusFilter';
import { TargetsDialog } from './TargetsDialog';
import { useRecoveryData, type RecoveryRow } from './useRecoveryData';
import { useClearRecoveryFilters, useRecoveryAccountFilter, useRecoveryParams } from './useRecoveryParams';

type Editing = { kind: 'none' } | { kind: 'all' } | { kind: 'cluster'; row: RecoveryRow };

export default function RecoveryPage() {
  const now = useNow();
  const data = useRecoveryData(now);
  const { rows, regions, settings, window: backups, clusters } = data;
  const { linkTo } = useShownRegions();
  const { params, setParams } = useRecoveryParams();
  const accounts = useShownAccounts();
  const accountFilter = useRecoveryAccountFilter();
  const clearFilters = useClearRecoveryFilters();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });

  const shown = useMemo(() => {
    // The account filter (several accounts only), then the status filter and the order.
    const wanted = accountFilter.accounts;
    const ofAccounts = wanted.length > 0 ? rows.filter((r) => wanted.includes(rowAccountId(r.account, accounts))) : rows;
    return orderRows(ofAccounts, params);
  }, [rows, params, accountFilter.accounts, accounts]);
  const own = Object.keys(settings.perCluster).length;
  const counts = useMemo(() => countPostures(rows.map((r) => r.posture)), [rows]);
  const backupsFailed = backups.errors.filter((e) => !e.stale).map((e) => e.region);
  const summary = summarySentence({ counts, clustersFailed: data.clustersFailed, clustersLoading: data.clustersLoading, backupsFailed });

  const actions = useMemo<RowActions>(
    () => ({
      now,
      clusterHref: (region, id, account) =>
        linkTo(`/clusters/${encodeURIComponent(region)}/${encodeURIComponent(id)}`, { params: accountLinkParams(account) }),
      backupHref: (region, id, account) =>
        linkTo(`/backups/${encodeURIComponent(region)}/${encodeURIComponent(id)}`, { params: accountLinkParams(account) }),
      isSelected: (key) => selected.has(key),
      onToggle: (row) =>
        setSelected((current) => {
          const next = new Set(current);
          if (!next.delete(row.key)) next.add(row.key);
          return next;
        }),
      onFindNewest: data.findNewest,
      onEditTargets: (row) => setEditing({ kind: 'cluster', row }),
    }),
    [now, linkTo, selected, data.findNewest],
  );
  const onSort = useCallback(
    (column: RecoverySortColumn) => setParams({ ...params, sort: nextRecoverySort(params.sort, column) }),
    [params, setParams],
  );
  const onSelectAll = useCallback((all: boolean) => setSelected(all ? new Set(shown.map((r) => r.key)) : new Set()), [shown]);

  const selection = useMemo<CopyNewestSelection[]>(
    () =>
      rows
        .filter((r) => selected.has(r.key))
        .map((r) => ({
          // The cluster's account (issue 15): Copy newest copies within it.
          cluster: { region: r.region, ...(r.account && { account: r.account }), cluster: r.cluster },
          newest:
            r.posture.local.kind === 'found'
              ? ({ region: r.region, ...(r.account && { account: r.account }), backup: r.posture.local.backup } satisfies RegionalBackup)
              : undefined,
        })),
    [rows, selected],
  );

  const firstLoad = (clusters.isPending || regions.length === 0) && rows.length === 0;
  const answeredEmpty = !clusters.isPending && rows.length === 0 && data.answered.length > 0;
  const nothingRead = !clusters.isPending && rows.length === 0 && data.answered.length === 0 && data.clustersFailed.length > 0;
  return (
    <ListAccountsProvider value={accounts}>
      <section aria-labelledby="recovery-heading">
        <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="recovery-heading" className="text-lg font-medium">
            Recovery
          </h2>
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-sm text-slate-700 dark:text-slate-300" data-testid="recovery-default-targets">
              Targets: local {targetWords(settings.defaults.localHours)}, DR {targetWords(settings.defaults.drHours)}
              {own > 0 && ` (${own === 1 ? '1 cluster has its own' : `${own} clusters have their own`})`}
            </span>
            <Button size="sm" onClick={() => setEditing({ kind: 'all' })}>
              Set targets for all
            </Button>
          </div>
        </div>
        <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
          What each cluster would be restored from, and how old it is: its newest backup, and its newest copy in every other region shown.
        </p>

        <AccountAlerts what="clusters" />
        <RegionErrors errors={clusters.errors} />
        <RegionLoadErrors
          errors={backups.errors}
          what="backups"
          onRetry={(region) => void backups.errors.find((e) => e.region === region)?.retry()}
        />

        <p className="mb-2 text-sm text-slate-700 dark:text-slate-300" role="status">
          <span data-testid="recovery-summary">{summary}</span>
          {backups.isFetching && !backups.isPending && (
            <StatusIndicator icon="in-progress" aria-hidden="true" className="ml-2 font-normal">
              Updating…
            </StatusIndicator>
          )}
        </p>

        <AccountFilter value={accountFilter.accounts} onChange={accountFilter.setAccounts} />
        <StatusFilter value={params.status} onChange={(status) => setParams({ ...params, status })} />

        <div className="mb-2">
          <CopyNewestButton selected={selection} regions={regions} />
        </div>

        {answeredEmpty && (
          <EmptyState
            title={`No clusters in ${data.answered.join(', ')}.`}
            description="Deleted clusters are not listed here; their backups show under Orphaned backups. Pick other regions above."
            data-testid="recovery-empty"
          />
        )}
        {nothingRead && (
          <EmptyState
            variant="error"
            title={`Could not load the clusters of ${data.clustersFailed.join(', ')}.`}
            description="Nothing could be read, so this is not an empty list: the error above says why and what to do."
            action={
              <button type="button" className={buttonClass.normal} onClick={() => void clusters.refetch()}>
                Try again
              </button>
            }
          />
        )}
        {rows.length > 0 && shown.length === 0 && (
          <EmptyState
            variant="no-match"
            title="No clusters match this filter."
            action={
              <button type="button" className={buttonClass.normal} onClick={() => clearFilters(params)}>
                Clear filters
              </button>
            }
          />
        )}
        {(shown.length > 0 || firstLoad) && (
          <RecoveryTable
            rows={shown}
            loading={firstLoad}
            sort={params.sort}
            onSort={onSort}
            actions={actions}
            allSelected={shown.length > 0 && shown.every((r) => selected.has(r.key))}
            onSelectAll={onSelectAll}
          />
        )}

        <TargetsDialog
          open={editing.kind !== 'none'}
          onOpenChange={(open) => !open && setEditing({ kind: 'none' })}
          settings={settings}
          cluster={
            editing.kind === 'cluster' ? { id: editing.row.id, name: editing.row.name, targets: editing.row.posture.targets } : undefined
          }
        />

        <div className="mt-6">
          <OrphanedBackups regions={regions} clusters={data.allClusters} answeredRegions={data.answered} />
        </div>
      </section>
    </ListAccountsProvider>
  );
}
