import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate, type To } from 'react-router';
import { accountLinkParams, useBackupWindow, useShownRegions, type RegionalBackup } from '../../../aws';
import { BackupWindowStatus } from '../../backups/BackupWindowStatus';
import { CopyBackupButton } from '../../backups/actions/copy/CopyBackupButton';
import { CopyTrackerPanel } from '../../backups/actions/copy/CopyTrackerPanel';
import { SelectedBackupPanel } from '../../backups/actions/SelectedBackupPanel';
import { dataExtent } from '../../backups/timeline';
import { DEFAULT_ZOOM } from '../../backups/params';
import { timelineWindow, wantedSince } from '../../backups/timelineWindow';
import { AwsErrorMessage, DateTime, EmptyState, ResourceStatus, SkeletonRows, useNarrowScreen } from '../../../ui';
import { BackupCards } from './BackupCards';
import { nextSort, sortBackups, type BackupSortKey, type SortDirection } from './format';
import { PanelLoading } from './PanelLoading';
import { errorAdvice } from '../../common/errorAdvice';

const BackupTimeline = lazy(() => import('../../backups/BackupTimeline'));
const HOUR = 3_600_000;
const CELL = 'py-2 pr-4';

type Sort = { key: BackupSortKey; direction: SortDirection };
type BackupPath = (region: string, backupId: string) => To;

function SortHeader({
  label,
  column,
  sort,
  onSort,
}: {
  label: string;
  column: BackupSortKey;
  sort: Sort;
  onSort: (key: BackupSortKey) => void;
}) {
  const active = sort.key === column;
  return (
    <th scope="col" className={CELL} aria-sort={active ? sort.direction : 'none'}>
      <button
        type="button"
        className="rounded-sm font-semibold underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400"
        onClick={() => onSort(column)}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

/** The timeline above the list, scoped to this cluster, and the panel of the backup picked on it. */
function ClusterTimeline({
  rows,
  clusterId,
  name,
  account,
  backupPath,
  timelineLink,
}: {
  rows: readonly RegionalBackup[];
  clusterId: string;
  name?: string;
  account: string | undefined;
  backupPath: BackupPath;
  timelineLink: To;
}) {
  const [selected, setSelected] = useState<string | null>(null);
  const navigate = useNavigate();
  const extent = useMemo(() => dataExtent(rows), [rows]);
  // The timeline's "now": when the tab opened, or just after the newest backup (the emulator's clock may run ahead).
  const [openedAt] = useState(() => Date.now());
  const now = useMemo(() => new Date(Math.max(openedAt, (extent?.end.getTime() ?? 0) + HOUR)), [openedAt, extent]);
  const window = useMemo(() => timelineWindow('all', null, now, extent), [now, extent]);
  const scope = useMemo(() => ({ window, now, clusterNames: new Map(name ? [[clusterId, name]] : []) }), [window, now, clusterId, name]);
  const selectedRow = useMemo(
    () => (selected ? rows.find((row) => `${row.region}/${row.backup.BackupId ?? ''}` === selected) : undefined),
    [rows, selected],
  );
  return (
    <div className="mb-4">
      <p className="mb-2 text-sm">
        <Link className="underline" to={timelineLink}>
          Open on the full backup timeline
        </Link>{' '}
        (zoom, pan and filters)
      </p>
      <Suspense fallback={<PanelLoading what="the timeline" />}>
        <BackupTimeline
          backups={rows}
          scope={scope}
          actions={{
            selectedId: selected,
            onSelect: setSelected,
            onOpen: (mark) => void navigate(backupPath(mark.region, mark.backupId)),
            onZoomInto: () => void navigate(timelineLink),
          }}
          showFilters={false}
        />
      </Suspense>
      {selectedRow && <SelectedBackupPanel region={selectedRow.region} backup={selectedRow.backup} clusterName={name} account={account} />}
    </div>
  );
}

function BackupRow({
  row: { region: r, account, backup },
  region,
  backupPath,
}: {
  row: RegionalBackup;
  region: string;
  backupPath: BackupPath;
}) {
  return (
    <tr data-testid="backup-row" className="border-b border-slate-200 dark:border-slate-800">
      <td className={`${CELL} font-mono`}>
        <Link className="underline" to={backupPath(r, backup.BackupId ?? '')}>
          {backup.BackupId}
        </Link>
      </td>
      <td className={CELL} data-testid="backup-region">
        {r}
        {r !== region && <span className="ml-1 text-xs text-slate-600 dark:text-slate-300">(copy)</span>}
      </td>
      <td className={CELL}>
        <ResourceStatus kind="backup" state={backup.BackupState} />
      </td>
      <td className={CELL}>
        <DateTime value={backup.CreateTimestamp} />
      </td>
      <td className={CELL}>{backup.NeverExpires ? 'Yes' : 'No'}</td>
      <td className={CELL}>
        {backup.SourceRegion || backup.SourceBackup ? (
          <>
            {backup.SourceRegion ?? '?'} /{' '}
            {backup.SourceBackup && backup.SourceRegion ? (
              <Link className="font-mono underline" to={backupPath(backup.SourceRegion, backup.SourceBackup)}>
                {backup.SourceBackup}
              </Link>
            ) : (
              <span className="font-mono">{backup.SourceBackup ?? '?'}</span>
            )}
          </>
        ) : (
          <span className="text-slate-600 dark:text-slate-300">Not a copy</span>
        )}
      </td>
      <td className={CELL}>
        <CopyBackupButton region={r} account={account} backup={backup} compact />
      </td>
    </tr>
  );
}

const COLUMN_COUNT = 7;

/** The sortable list; on the first load, its shape (the status line says "Loading" in words). */
function BackupTable({
  rows,
  loading,
  region,
  clusterId,
  backupPath,
}: {
  rows: readonly RegionalBackup[];
  loading: boolean;
  region: string;
  clusterId: string;
  backupPath: BackupPath;
}) {
  const [sort, setSort] = useState<Sort>({ key: 'created', direction: 'descending' });
  const sorted = useMemo(() => sortBackups(rows, sort.key, sort.direction), [rows, sort]);
  const onSort = (key: BackupSortKey) => setSort(nextSort(sort, key));
  const narrow = useNarrowScreen();
  if (narrow) return <BackupCards rows={sorted} loading={loading} region={region} sort={sort} onSort={setSort} backupPath={backupPath} />;
  return (
    // Scrolls sideways in a narrow window rather than widening the page (phones get cards).
    <div className="relative overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm" aria-busy={loading || undefined}>
        <caption className="sr-only">Backups of {clusterId}; press a column heading to sort</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <SortHeader label="Backup" column="id" sort={sort} onSort={onSort} />
            <th scope="col" className={CELL}>
              Region
            </th>
            <SortHeader label="State" column="state" sort={sort} onSort={onSort} />
            <SortHeader label="Created" column="created" sort={sort} onSort={onSort} />
            <th scope="col" className={CELL}>
              Never expires
            </th>
            <th scope="col" className={CELL}>
              Copied from
            </th>
            <th scope="col" className={CELL}>
              Copy
            </th>
          </tr>
        </thead>
        <tbody>
          {loading ? (
            <SkeletonRows rows={4} columns={COLUMN_COUNT} cellClassName={CELL} />
          ) : (
            sorted.map((row) => (
              <BackupRow key={`${row.region}/${row.backup.BackupId}`} row={row} region={region} backupPath={backupPath} />
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

/**
 * The cluster's backups: its own region and the other shown regions, where its copies live (a copy keeps the
 * source cluster's id), on the backup timeline scoped to this cluster, and as a sortable list.
 */
export function BackupsTab({ region, account, clusterId, name }: { region: string; account?: string; clusterId: string; name?: string }) {
  const { regions: shown, linkTo } = useShownRegions();
  // The cluster's account: its backups are asked there, and every link names it (the backups page's ?account=).
  const accountParams = accountLinkParams(account);
  const backupPath: BackupPath = (r, backupId) =>
    linkTo(`/backups/${encodeURIComponent(r)}/${encodeURIComponent(backupId)}`, { params: accountParams });
  const timelineLink = linkTo('/backups', { params: { cluster: clusterId, ...accountParams } });
  const accounts = useMemo(() => [account], [account]);
  const regions = useMemo(() => [...new Set([region, ...shown])], [region, shown]);
  const filters = useMemo(() => ({ clusterIds: [clusterId] }), [clusterId]);
  // The backups page's default window (30 days) first, newest first; older backups a click away.
  const [since] = useState(() => wantedSince(DEFAULT_ZOOM, null, new Date()));
  const backups = useBackupWindow(regions, { filters, since, accounts });
  const { rows, isPending, errors } = backups;
  const firstLoad = isPending && rows.length === 0;
  return (
    <div>
      <BackupWindowStatus window={backups} />
      <CopyTrackerPanel />
      {rows.length > 0 && (
        <ClusterTimeline
          rows={rows}
          clusterId={clusterId}
          name={name}
          account={account}
          backupPath={backupPath}
          timelineLink={timelineLink}
        />
      )}
      {errors.map(({ region: r, error }) => (
        <AwsErrorMessage key={r} error={error} what="Could not load the backups" advice={errorAdvice(error.info)} />
      ))}
      {isPending && (
        <p role="status" className="mb-2 text-sm text-slate-600 dark:text-slate-300">
          Loading backups…
        </p>
      )}
      {!isPending && rows.length === 0 && errors.length === 0 && (
        <EmptyState title={`No backups: this cluster has no backups in ${region}.`} />
      )}
      {(rows.length > 0 || firstLoad) && (
        <BackupTable rows={rows} loading={firstLoad} region={region} clusterId={clusterId} backupPath={backupPath} />
      )}
    </div>
  );
}
