import { lazy, Suspense, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAllBackupsQuery, useShownRegions } from '../../../aws';
import { CopyBackupButton } from '../../backups/actions/CopyBackupButton';
import { CopyTrackerPanel } from '../../backups/actions/CopyTrackerPanel';
import { SelectedBackupPanel } from '../../backups/actions/SelectedBackupPanel';
import { dataExtent } from '../../backups/timeline';
import { timelineWindow } from '../../backups/timelineWindow';
import { formatTimestamp, nextSort, sortBackups, type BackupSortKey, type SortDirection } from './format';
import { AwsErrorMessage, StatusText } from './parts';


function SortHeader({ label, column, sort, onSort }: { label: string; column: BackupSortKey; sort: { key: BackupSortKey; direction: SortDirection }; onSort: (key: BackupSortKey) => void }) {
  const active = sort.key === column;
  return (
    <th scope="col" className="py-2 pr-4" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" className="font-semibold underline-offset-2 hover:underline" onClick={() => onSort(column)}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
      </button>
    </th>
  );
}

const BackupTimeline = lazy(() => import('../../backups/BackupTimeline'));
const HOUR = 3_600_000;

/**
 * The cluster's backups: its own region and the other shown regions, where its copies live (a copy keeps the
 * source cluster's id), on the backup timeline scoped to this cluster, and as a sortable list.
 */
export function BackupsTab({ region, clusterId, name }: { region: string; clusterId: string; name?: string }) {
  const { regions: shown, linkTo } = useShownRegions();
  const backupPath = (r: string, backupId: string) => linkTo(`/backups/${encodeURIComponent(r)}/${encodeURIComponent(backupId)}`);
  const timelineLink = linkTo('/backups', { params: { cluster: clusterId } });
  const regions = useMemo(() => [...new Set([region, ...shown])], [region, shown]);
  const { rows, isPending, errors } = useAllBackupsQuery(regions, { clusterIds: [clusterId] });
  const [sort, setSort] = useState<{ key: BackupSortKey; direction: SortDirection }>({ key: 'created', direction: 'descending' });
  const sorted = useMemo(() => sortBackups(rows, sort.key, sort.direction), [rows, sort]);
  const [selected, setSelected] = useState<string | null>(null);
  const navigate = useNavigate();
  const extent = useMemo(() => dataExtent(rows), [rows]);
  const now = useMemo(() => new Date(Math.max(Date.now(), (extent?.end.getTime() ?? 0) + HOUR)), [extent]);
  const window = useMemo(() => timelineWindow('all', null, now, extent), [now, extent]);
  const names = useMemo(() => new Map(name ? [[clusterId, name]] : []), [clusterId, name]);
  const selectedRow = useMemo(() => (selected ? rows.find((row) => `${row.region}/${row.backup.BackupId ?? ''}` === selected) : undefined), [rows, selected]);
  return (
    <div>
      <CopyTrackerPanel />
      {rows.length > 0 && (
        <div className="mb-4">
          <p className="mb-2 text-sm">
            <Link className="underline" to={timelineLink}>
              Open on the full backup timeline
            </Link>{' '}
            (zoom, pan and filters)
          </p>
          <Suspense fallback={<p aria-live="polite">Loading the timeline…</p>}>
            <BackupTimeline
              backups={rows}
              window={window}
              now={now}
              clusterNames={names}
              selectedId={selected}
              onSelect={setSelected}
              onOpen={(mark) => navigate(backupPath(mark.region, mark.backupId))}
              onZoomInto={() => navigate(timelineLink)}
            />
          </Suspense>
          {selectedRow && (
            <SelectedBackupPanel region={selectedRow.region} backup={selectedRow.backup} clusterName={name} />
          )}
        </div>
      )}
      {errors.map(({ region: r, error }) => (
        <AwsErrorMessage key={r} error={error} what="Could not load the backups" />
      ))}
      {isPending && <p aria-live="polite">Loading backups…</p>}
      {!isPending && rows.length === 0 && errors.length === 0 && <p>No backups: this cluster has no backups in {region}.</p>}
      {rows.length > 0 && (
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">Backups of {clusterId}; press a column heading to sort</caption>
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              <SortHeader label="Backup" column="id" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
              <th scope="col" className="py-2 pr-4">
                Region
              </th>
              <SortHeader label="State" column="state" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
              <SortHeader label="Created" column="created" sort={sort} onSort={(k) => setSort(nextSort(sort, k))} />
              <th scope="col" className="py-2 pr-4">Never expires</th>
              <th scope="col" className="py-2 pr-4">Copied from</th>
              <th scope="col" className="py-2 pr-4">Copy</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ region: r, backup }) => (
              <tr key={backup.BackupId} data-testid="backup-row" className="border-b border-slate-200 dark:border-slate-800">
                <td className="py-2 pr-4 font-mono">
                  <Link className="underline" to={backupPath(r, backup.BackupId ?? '')}>
                    {backup.BackupId}
                  </Link>
                </td>
                <td className="py-2 pr-4" data-testid="backup-region">
                  {r}
                  {r !== region && <span className="ml-1 text-xs text-slate-600 dark:text-slate-300">(copy)</span>}
                </td>
                <td className="py-2 pr-4">
                  <StatusText state={backup.BackupState} />
                </td>
                <td className="py-2 pr-4">{formatTimestamp(backup.CreateTimestamp)}</td>
                <td className="py-2 pr-4">{backup.NeverExpires ? 'Yes' : 'No'}</td>
                <td className="py-2 pr-4">
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
                <td className="py-2 pr-4">
                  <CopyBackupButton region={r} backup={backup} compact />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
