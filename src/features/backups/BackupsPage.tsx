/**
 * `/backups`: the timeline (lazy chunk) over the backups of the chosen regions, and under it the filtered,
 * ordered, virtualised list. Filters, order, zoom, pan and the selection live in the URL; the timeline and the
 * list share the selection.
 */
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useAllBackupsQuery, useClustersQuery, useShownRegions } from '../../aws';
import { BulkActionsBar } from './actions/bulk/BulkActionsBar';
import { CopyTrackerPanel } from './actions/copy/CopyTrackerPanel';
import { SelectedBackupPanel } from './actions/SelectedBackupPanel';
import { BackupList, type ListSelection } from './BackupList';
import { filterBackups, filterOptions, rowId, rowTime, sortBackups, type BackupRow } from './filterBackups';
import { BACKUP_STATES, EMPTY_BACKUP_FILTERS, hasFilters, type BackupListFilters, type BackupPageParams, type NeverExpiresFilter } from './params';
import { AwsErrorMessage } from './parts';
import { dataExtent, ZOOM_DURATION_MS, ZOOM_LEVELS, type BackupMark, type ClusterMark, type ZoomLevel } from './timeline';
import { centredEnd, panEnd, timelineWindow } from './timelineWindow';
import { useBackupPageParams } from './useBackupPageParams';

const BackupTimeline = lazy(() => import('./BackupTimeline'));

const ZOOM_LABELS: Record<ZoomLevel, string> = { '7d': '7 days', '30d': '30 days', '90d': '90 days', '1y': '1 year', all: 'All' };
const HOUR = 3_600_000;

const chip = 'rounded border px-2 py-1 text-sm disabled:cursor-not-allowed disabled:opacity-40';
const chipOn = 'border-blue-700 bg-blue-700 text-white dark:border-blue-400 dark:bg-blue-400 dark:text-slate-950';
const chipOff = 'border-slate-300 bg-white hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800';

export function BackupsPage() {
  const { regions, linkTo } = useShownRegions();
  const { params, setParams } = useBackupPageParams();
  const navigate = useNavigate();
  const backups = useAllBackupsQuery(regions);
  const clusters = useClustersQuery(regions);

  const clusterNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const { cluster } of clusters.rows) {
      const name = cluster.TagList?.find((t) => t.Key === 'Name')?.Value;
      if (cluster.ClusterId && name) names.set(cluster.ClusterId, name);
    }
    return names;
  }, [clusters.rows]);

  const rows = backups.rows;
  const filtered = useMemo(() => filterBackups(rows, params.filters), [rows, params.filters]);
  const sorted = useMemo(() => sortBackups(filtered, params.order), [filtered, params.order]);
  const extent = useMemo(() => dataExtent(filtered), [filtered]);
  // Now, or the newest backup when the server's clock runs ahead (the emulator's can).
  const now = useMemo(() => new Date(Math.max(Date.now(), (extent?.end.getTime() ?? 0) + HOUR)), [extent]);
  const window = useMemo(() => timelineWindow(params.zoom, params.end, now, extent), [params.zoom, params.end, now, extent]);
  const options = useMemo(() => filterOptions(rows, clusterNames), [rows, clusterNames]);

  const update = useCallback((change: Partial<BackupPageParams>, replace = false) => setParams((current) => ({ ...current, ...change }), { replace }), [setParams]);
  const setFilters = (change: Partial<BackupListFilters>, replace = false) => setParams((current) => ({ ...current, filters: { ...current.filters, ...change } }), { replace });

  const selectFromTimeline = useCallback((id: string) => update({ selected: id }, true), [update]);
  const open = useCallback(
    (mark: BackupMark) => navigate(linkTo(`/backups/${mark.region}/${mark.backupId}`)),
    [navigate, linkTo],
  );
  const zoomInto = useCallback(
    (mark: ClusterMark) => {
      const span = mark.end.getTime() - mark.start.getTime();
      const level = (['7d', '30d', '90d', '1y'] as const).find((l) => ZOOM_DURATION_MS[l] > span * 4) ?? '7d';
      const next = ZOOM_LEVELS.indexOf(level) < ZOOM_LEVELS.indexOf(params.zoom) ? level : '7d';
      const end = centredEnd(next, (mark.start.getTime() + mark.end.getTime()) / 2, now, extent);
      setParams((current) => ({ ...current, zoom: next, end }));
    },
    [params.zoom, now, extent, setParams],
  );
  const selectFromList = (row: BackupRow) => {
    const id = `${row.region}/${row.backup.BackupId}`;
    const t = rowTime(row);
    let end = params.end;
    if (params.zoom !== 'all' && Number.isFinite(t) && (t < window.start.getTime() || t > window.end.getTime())) {
      // Bring the backup into view: centre the window on it.
      end = centredEnd(params.zoom, t, now, extent);
    }
    update({ selected: id, end }, true);
  };
  const pan = (direction: 'earlier' | 'later') => update({ end: panEnd(window, direction, now, extent) });

  const selectedBackupId = params.selected;
  const selectedRow = useMemo(() => (selectedBackupId ? rows.find((row) => rowId(row) === selectedBackupId) : undefined), [rows, selectedBackupId]);

  // Ticked for bulk actions. Kept while filters change; backups that are gone (purged) simply drop out.
  const [checked, setChecked] = useState<ReadonlySet<string>>(() => new Set());
  const checkedRows = useMemo(() => rows.filter((row) => checked.has(rowId(row))), [rows, checked]);
  const hiddenChecked = useMemo(() => {
    const shown = new Set(filtered.map(rowId));
    return checkedRows.filter((row) => !shown.has(rowId(row))).length;
  }, [filtered, checkedRows]);
  const selection: ListSelection = {
    checked,
    onCheck: (row, on) =>
      setChecked((current) => {
        const next = new Set(current);
        if (on) next.add(rowId(row));
        else next.delete(rowId(row));
        return next;
      }),
    onCheckAll: (on) =>
      setChecked((current) => {
        const next = new Set(current);
        for (const row of sorted) {
          if (on) next.add(rowId(row));
          else next.delete(rowId(row));
        }
        return next;
      }),
  };
  const uncheck = (done: BackupRow[]) =>
    setChecked((current) => {
      const next = new Set(current);
      for (const row of done) next.delete(rowId(row));
      return next;
    });

  const noData = !backups.isPending && rows.length === 0 && backups.errors.length === 0;

  return (
    <section aria-labelledby="backups-heading">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="backups-heading" className="text-xl font-semibold">
          Backups
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-300" aria-live="polite" data-testid="backup-count">
          {backups.isPending ? 'Loading…' : `${filtered.length} of ${rows.length} backups in ${regions.join(', ')}`}
          {backups.isFetching && !backups.isPending ? ' · updating' : ''}
        </p>
      </div>

      {backups.errors.map(({ region, error }) => (
        <AwsErrorMessage key={region} error={error} what={`Could not load the backups of ${region}`} />
      ))}
      {clusters.errors.map(({ region, error }) => (
        <AwsErrorMessage key={`c-${region}`} error={error} what={`Could not load the cluster names of ${region}`} />
      ))}
      <CopyTrackerPanel shownRegions={regions} />

      {backups.isPending && rows.length === 0 ? (
        <p aria-live="polite" data-testid="backups-loading">
          Loading backups of {regions.join(', ')}…
        </p>
      ) : noData ? (
        <p data-testid="backups-empty" className="rounded border border-slate-200 p-4 dark:border-slate-800">
          There are no backups in {regions.join(', ')}. AWS takes a backup of each active cluster at least once a day.
        </p>
      ) : (
        <>
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <div role="group" aria-label="Zoom" className="flex gap-1">
              {ZOOM_LEVELS.map((level) => (
                <button
                  key={level}
                  type="button"
                  aria-pressed={params.zoom === level}
                  className={`${chip} ${params.zoom === level ? chipOn : chipOff}`}
                  onClick={() => update({ zoom: level, end: null })}
                >
                  {ZOOM_LABELS[level]}
                </button>
              ))}
            </div>
            <div role="group" aria-label="Pan" className="flex gap-1">
              <button type="button" className={`${chip} ${chipOff}`} onClick={() => pan('earlier')} disabled={params.zoom === 'all'}>
                ← Earlier
              </button>
              <button type="button" className={`${chip} ${chipOff}`} onClick={() => pan('later')} disabled={params.zoom === 'all' || params.end === null}>
                Later →
              </button>
              <button type="button" className={`${chip} ${chipOff}`} onClick={() => update({ end: null })} disabled={params.end === null}>
                Now
              </button>
            </div>
            <Legend />
          </div>
          <Suspense fallback={<p aria-live="polite">Loading the timeline…</p>}>
            <BackupTimeline
              backups={filtered}
              window={window}
              now={now}
              clusterNames={clusterNames}
              selectedId={selectedBackupId}
              onSelect={selectFromTimeline}
              onOpen={open}
              onZoomInto={zoomInto}
            />
          </Suspense>
          {selectedRow && (
            <SelectedBackupPanel
              region={selectedRow.region}
              backup={selectedRow.backup}
              clusterName={selectedRow.backup.ClusterId ? clusterNames.get(selectedRow.backup.ClusterId) : undefined}
            />
          )}

          <h3 className="mt-6 mb-2 text-lg font-semibold">Backup list</h3>
          <Filters
            filters={params.filters}
            order={params.order}
            regions={regions}
            clusters={options.clusters}
            onChange={setFilters}
            onOrder={(order) => update({ order })}
          />
          <BulkActionsBar selected={checkedRows} hiddenCount={hiddenChecked} onClear={() => setChecked(new Set())} onDeleted={uncheck} />
          {sorted.length === 0 ? (
            <div data-testid="backups-no-match" className="rounded border border-slate-200 p-4 dark:border-slate-800">
              <p>No backup matches these filters.</p>
              <button type="button" className="mt-2 underline" onClick={() => update({ filters: EMPTY_BACKUP_FILTERS })}>
                Clear the filters
              </button>
            </div>
          ) : (
            <BackupList rows={sorted} clusterNames={clusterNames} selectedId={selectedBackupId} onSelect={selectFromList} selection={selection} />
          )}
        </>
      )}
    </section>
  );
}

function Legend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-3 text-xs text-slate-700 dark:text-slate-300">
      <li>
        <span aria-hidden="true" className="text-green-700 dark:text-green-400">●</span> READY
      </li>
      <li>
        <span aria-hidden="true" className="text-sky-700 dark:text-sky-400">◌</span> CREATE_IN_PROGRESS
      </li>
      <li>
        <span aria-hidden="true" className="text-amber-700 dark:text-amber-400">✕</span> PENDING_DELETION (dashes to the purge time)
      </li>
      <li>
        <span aria-hidden="true" className="opacity-50">●</span> DELETED
      </li>
      <li>
        <span aria-hidden="true">∞</span> never expires
      </li>
      <li>
        <span aria-hidden="true">⤵</span> copy link (source → copy)
      </li>
    </ul>
  );
}

function Filters({
  filters,
  order,
  regions,
  clusters,
  onChange,
  onOrder,
}: {
  filters: BackupListFilters;
  order: 'asc' | 'desc';
  regions: string[];
  clusters: { id: string; label: string }[];
  onChange: (change: Partial<BackupListFilters>, replace?: boolean) => void;
  onOrder: (order: 'asc' | 'desc') => void;
}) {
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  return (
    <form className="mb-3 flex flex-wrap items-end gap-4 text-sm" onSubmit={(e) => e.preventDefault()} aria-label="Backup filters">
      <fieldset className="flex flex-wrap gap-2">
        <legend className="font-medium">Region</legend>
        {regions.map((region) => (
          <label key={region} className="flex items-center gap-1">
            <input type="checkbox" checked={filters.region.includes(region)} onChange={() => onChange({ region: toggle(filters.region, region) })} />
            {region}
          </label>
        ))}
      </fieldset>
      <fieldset className="flex flex-wrap gap-2">
        <legend className="font-medium">State</legend>
        {BACKUP_STATES.map((state) => (
          <label key={state} className="flex items-center gap-1">
            <input type="checkbox" checked={filters.state.includes(state)} onChange={() => onChange({ state: toggle(filters.state, state) })} />
            {state}
          </label>
        ))}
      </fieldset>
      <div className="flex flex-col">
        <label htmlFor="backup-filter-cluster" className="font-medium">
          Cluster
        </label>
        <select
          id="backup-filter-cluster"
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          value={filters.cluster[0] ?? ''}
          onChange={(e) => onChange({ cluster: e.target.value ? [e.target.value] : [] })}
        >
          <option value="">All clusters</option>
          {clusters.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="backup-filter-never" className="font-medium">
          Never expires
        </label>
        <select
          id="backup-filter-never"
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          value={filters.neverExpires ?? ''}
          onChange={(e) => onChange({ neverExpires: (e.target.value || null) as NeverExpiresFilter })}
        >
          <option value="">Any</option>
          <option value="yes">Never expires</option>
          <option value="no">Expires</option>
        </select>
      </div>
      <div className="flex flex-col">
        <label htmlFor="backup-filter-source" className="font-medium">
          Source backup
        </label>
        <input
          id="backup-filter-source"
          type="search"
          placeholder="backup id, or any"
          className="rounded border border-slate-300 bg-white px-2 py-1 font-mono dark:border-slate-600 dark:bg-slate-900"
          value={filters.source}
          onChange={(e) => onChange({ source: e.target.value }, true)}
        />
      </div>
      <div className="flex flex-col">
        <label htmlFor="backup-order" className="font-medium">
          Order
        </label>
        <select
          id="backup-order"
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
          value={order}
          onChange={(e) => onOrder(e.target.value === 'asc' ? 'asc' : 'desc')}
        >
          <option value="desc">Newest first (descending)</option>
          <option value="asc">Oldest first (ascending)</option>
        </select>
      </div>
      {hasFilters(filters) && (
        <button type="button" className="underline" onClick={() => onChange(EMPTY_BACKUP_FILTERS)}>
          Clear filters
        </button>
      )}
    </form>
  );
}
