/**
 * The backups shared with the shown account: a table on wide screens, one card per backup on a phone (390 px
 * has no room for seven columns). Both say the same: backup, owner account, region, its cluster (in the
 * owner's account, so not a link), created, state, and "Create cluster from this backup".
 */
import type { SharedBackup } from '../../../aws/queries/sharedBackups';
import { DateTime, FieldList, NONE, ResourceStatus, SkeletonList, SkeletonRows, useNarrowScreen } from '../../../ui';
import { AccountName } from '../../common/accounts/AccountName';
import { useListAccounts } from '../../common/accounts/listAccounts';
import { CreateFromSharedLink } from './CreateFromSharedLink';

const COLUMNS = ['Backup', 'Owner account', 'Region', 'Cluster', 'Created', 'State', 'Actions'] as const;
/** With several accounts shown, which of them a backup is shared with comes after its owner. */
const MULTI_COLUMNS = ['Backup', 'Owner account', 'Shared with', 'Region', 'Cluster', 'Created', 'State', 'Actions'] as const;

const keyOf = (row: SharedBackup) => `${row.account ?? ''}/${row.region}/${row.backup.BackupArn ?? row.backup.BackupId}`;

export function SharedBackupRows({ rows, loading }: { rows: readonly SharedBackup[]; loading: boolean }) {
  const narrow = useNarrowScreen();
  const { multi } = useListAccounts();
  const columns = multi ? MULTI_COLUMNS : COLUMNS;
  if (narrow) {
    if (loading && rows.length === 0) return <SkeletonList rows={3} columns={2} />;
    return (
      <ul
        aria-label="Backups shared with you"
        aria-busy={loading || undefined}
        className="flex flex-col gap-3"
        data-testid="shared-backups"
      >
        {rows.map((row) => (
          <li key={keyOf(row)} className="rounded border border-slate-200 p-3 dark:border-slate-700" data-testid="shared-backup">
            <p className="mb-2 font-mono text-sm break-all">{row.backup.BackupId}</p>
            <FieldList
              fields={[
                { label: 'Owner account', value: row.owner, mono: true },
                ...(multi ? [{ label: 'Shared with', value: <AccountName account={row.account} inline /> }] : []),
                { label: 'Region', value: row.region },
                { label: 'Cluster', value: row.backup.ClusterId, mono: true },
                { label: 'Created', value: <DateTime value={row.backup.CreateTimestamp} /> },
                { label: 'State', value: <ResourceStatus kind="backup" state={row.backup.BackupState} /> },
              ]}
            />
            <div className="mt-2">
              <CreateFromSharedLink region={row.region} backup={row.backup} account={row.account} />
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" aria-busy={loading || undefined} data-testid="shared-backups">
        <caption className="sr-only">Backups shared with you</caption>
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            {columns.map((column) => (
              <th key={column} scope="col" className="px-2 py-2 font-medium">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {loading && rows.length === 0 ? (
            <SkeletonRows rows={3} columns={columns.length} />
          ) : (
            rows.map((row) => (
              <tr key={keyOf(row)} className="border-b border-slate-200 dark:border-slate-800" data-testid="shared-backup">
                <td className="px-2 py-2 font-mono">{row.backup.BackupId}</td>
                <td className="px-2 py-2 font-mono" data-testid="shared-owner">
                  {row.owner ?? NONE}
                </td>
                {multi && (
                  <td className="px-2 py-2">
                    <AccountName account={row.account} />
                  </td>
                )}
                <td className="px-2 py-2">{row.region}</td>
                <td className="px-2 py-2 font-mono">{row.backup.ClusterId ?? NONE}</td>
                <td className="px-2 py-2">
                  <DateTime value={row.backup.CreateTimestamp} focusable={false} />
                </td>
                <td className="px-2 py-2">
                  <ResourceStatus kind="backup" state={row.backup.BackupState} />
                </td>
                <td className="px-2 py-2">
                  <CreateFromSharedLink region={row.region} backup={row.backup} account={row.account} />
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
