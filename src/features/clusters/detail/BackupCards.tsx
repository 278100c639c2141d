/** The cluster's backups as stacked cards (narrow screens): the table's facts, nothing wider than the screen. */
import { useId } from 'react';
import { Link, type To } from 'react-router';
import type { RegionalBackup } from '../../../aws';
import { CopyBackupButton } from '../../backups/actions/copy/CopyBackupButton';
import { DateTime, inputClass, ResourceStatus, SkeletonList } from '../../../ui';
import type { BackupSortKey, SortDirection } from './format';

type Sort = { key: BackupSortKey; direction: SortDirection };

const SORTS: { value: string; label: string; sort: Sort }[] = [
  { value: 'created:descending', label: 'Newest first', sort: { key: 'created', direction: 'descending' } },
  { value: 'created:ascending', label: 'Oldest first', sort: { key: 'created', direction: 'ascending' } },
  { value: 'id:ascending', label: 'Backup id, ascending', sort: { key: 'id', direction: 'ascending' } },
  { value: 'id:descending', label: 'Backup id, descending', sort: { key: 'id', direction: 'descending' } },
  { value: 'state:ascending', label: 'State, ascending', sort: { key: 'state', direction: 'ascending' } },
  { value: 'state:descending', label: 'State, descending', sort: { key: 'state', direction: 'descending' } },
];

function BackupCard({
  row: { region: r, account, backup },
  region,
  backupPath,
}: {
  row: RegionalBackup;
  region: string;
  backupPath: (region: string, id: string) => To;
}) {
  return (
    <li data-testid="backup-row" className="rounded border border-slate-200 p-3 text-sm dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link className="font-mono break-all underline" to={backupPath(r, backup.BackupId ?? '')}>
          {backup.BackupId}
        </Link>
        <ResourceStatus kind="backup" state={backup.BackupState} />
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 text-slate-700 dark:text-slate-300">
        <span data-testid="backup-region">
          {r}
          {r !== region && <span className="ml-1 text-xs">(copy)</span>}
        </span>
        <DateTime value={backup.CreateTimestamp} className="whitespace-normal" />
        {backup.NeverExpires && <span>Never expires</span>}
      </div>
      {(backup.SourceRegion || backup.SourceBackup) && (
        <p className="mt-1 break-all">
          Copied from {backup.SourceRegion ?? '?'} / <span className="font-mono">{backup.SourceBackup ?? '?'}</span>
        </p>
      )}
      <div className="mt-2">
        <CopyBackupButton region={r} account={account} backup={backup} compact />
      </div>
    </li>
  );
}

export function BackupCards({
  rows,
  loading,
  region,
  sort,
  onSort,
  backupPath,
}: {
  rows: readonly RegionalBackup[];
  loading: boolean;
  region: string;
  sort: Sort;
  onSort: (sort: Sort) => void;
  backupPath: (region: string, id: string) => To;
}) {
  const id = useId();
  return (
    <div aria-busy={loading || undefined}>
      <div className="mb-2 flex items-center gap-2 text-sm">
        <label htmlFor={id} className="font-medium">
          Sort by
        </label>
        <select
          id={id}
          className={`${inputClass} min-w-0 flex-1`}
          value={`${sort.key}:${sort.direction}`}
          onChange={(e) => onSort(SORTS.find((s) => s.value === e.target.value)?.sort ?? sort)}
        >
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      {loading ? (
        <SkeletonList rows={4} columns={2} />
      ) : (
        <ul className="m-0 flex list-none flex-col gap-2 p-0" aria-label="Backups">
          {rows.map((row) => (
            <BackupCard key={`${row.region}/${row.backup.BackupId}`} row={row} region={region} backupPath={backupPath} />
          ))}
        </ul>
      )}
    </div>
  );
}
