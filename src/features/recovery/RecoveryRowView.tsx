/** One row of the recovery table, shared by the plain body (short lists) and the virtualised one (long lists). */
import type { Ref } from 'react';
import { Link, type To } from 'react-router';
import type { RegionalBackup } from '../../aws';
import { regionName } from '../../cloudhsm/regions';
import { Button } from '../../ui';
import { CertificateExpiry } from '../certificates';
import { StateCell } from '../clusters/list/StateCell';
import { AccountName } from '../common/accounts/AccountName';
import { useListAccounts } from '../common/accounts/listAccounts';
import { DrCopiesCell, LocalStatusCell, NewestBackupCell, type BackupHref } from './cells';
import { LastDrill, TestRestoreButton } from './drills';
import type { RecoveryRow } from './useRecoveryData';

export const CELL = 'px-2 py-2 align-top';
/** The cluster column stays in view while the table scrolls sideways (phones). */
export const STICKY_CELL = 'sticky left-0 z-[1] bg-white dark:bg-slate-950';

export const COLUMN_COUNT = 10;
/** The columns drawn: one more (Account) when several accounts are shown. */
export const columnCount = (multiAccount: boolean): number => COLUMN_COUNT + (multiAccount ? 1 : 0);

export interface RowActions {
  /** A cluster's page; `account` for another account's cluster (issue 15). */
  clusterHref: (region: string, clusterId: string, account?: string) => To;
  backupHref: BackupHref;
  now: number;
  isSelected: (key: string) => boolean;
  onToggle: (row: RecoveryRow) => void;
  onFindNewest: (clusterId: string) => void;
  onEditTargets: (row: RecoveryRow) => void;
}

/** Restore candidates, best first: the newest copy in each DR region, then the newest local backup. */
export function restoreCandidates(row: RecoveryRow): RegionalBackup[] {
  const copies = row.posture.dr.flatMap((d) => (d.newest ? [{ region: d.region, backup: d.newest }] : []));
  const local = row.posture.local.kind === 'found' ? [{ region: row.region, backup: row.posture.local.backup }] : [];
  return [...copies, ...local];
}

export function RecoveryRowView({
  row,
  index,
  measure,
  actions,
}: {
  row: RecoveryRow;
  index: number;
  measure?: Ref<HTMLTableRowElement>;
  actions: RowActions;
}) {
  const { region, account, cluster, id, name } = row;
  const { now } = actions;
  const { multi } = useListAccounts();
  // The backups shown in a row are its cluster's, so they are of the row's account.
  const backupHref: BackupHref = (at, backupId) => actions.backupHref(at, backupId, account);
  return (
    <tr
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
      className="border-t border-slate-200 dark:border-slate-800"
      data-testid="recovery-row"
      data-cluster-id={id}
      data-status={row.posture.status}
    >
      <td className={CELL}>
        <input
          type="checkbox"
          className="size-4"
          checked={actions.isSelected(row.key)}
          onChange={() => actions.onToggle(row)}
          aria-label={`Select ${name}`}
        />
      </td>
      <th scope="row" className={`${CELL} ${STICKY_CELL} text-left font-normal`}>
        <Link to={actions.clusterHref(region, id, account)} className="font-medium text-sky-800 underline dark:text-sky-300">
          {name}
        </Link>
        {name !== id && <div className="font-mono text-xs text-slate-600 dark:text-slate-400">{id}</div>}
      </th>
      <td className={CELL}>
        <div>{regionName(region)}</div>
        <div className="text-xs text-slate-600 dark:text-slate-400">{region}</div>
      </td>
      {multi && (
        <td className={CELL} data-testid="recovery-account">
          <AccountName account={account} />
        </td>
      )}
      <td className={`${CELL} whitespace-nowrap`}>
        <StateCell cluster={cluster} now={now} />
      </td>
      <td className={CELL}>
        <NewestBackupCell row={row} now={now} href={backupHref} onFindNewest={actions.onFindNewest} />
      </td>
      <td className={`${CELL} whitespace-nowrap`}>
        <LocalStatusCell row={row} />
      </td>
      <td className={CELL}>
        <DrCopiesCell row={row} now={now} href={backupHref} onFindNewest={actions.onFindNewest} />
      </td>
      <td className={CELL}>
        <CertificateExpiry cluster={cluster} />
      </td>
      <td className={CELL}>
        <div className="flex flex-col gap-1">
          <TestRestoreButton cluster={row} candidates={restoreCandidates(row)} />
          <LastDrill clusterId={id} />
        </div>
      </td>
      <td className={CELL}>
        <Button size="sm" onClick={() => actions.onEditTargets(row)} aria-label={`Edit the recovery targets of ${name}`}>
          Targets
        </Button>
      </td>
    </tr>
  );
}

export function PlainRecoveryRows({ rows, actions }: { rows: readonly RecoveryRow[]; actions: RowActions }) {
  return rows.map((row, i) => <RecoveryRowView key={row.key} row={row} index={i} actions={actions} />);
}
