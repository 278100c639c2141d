/** One row of the cluster table, shared by the plain body (short lists) and the virtualised one (long lists). */
import type { Ref } from 'react';
import { Link, type To } from 'react-router';
import { DateTime } from '../../../ui/DateTime';
import { AccountName } from '../../common/accounts/AccountName';
import { useListAccounts } from '../../common/accounts/listAccounts';
import { clusterName, retentionLabel } from './fields';
import { HsmCell } from './HsmCell';
import { StateCell } from './StateCell';
import type { ClusterRow as Row, SortColumn } from './types';

interface Column {
  id: SortColumn;
  header: string;
}

/** Every column; `account` is drawn only when several accounts are shown (columnsFor). */
export const ALL_COLUMNS: readonly Column[] = [
  { id: 'id', header: 'Cluster' },
  { id: 'name', header: 'Name' },
  { id: 'region', header: 'Region' },
  { id: 'account', header: 'Account' },
  { id: 'state', header: 'State' },
  { id: 'hsms', header: 'HSMs' },
  { id: 'hsmType', header: 'HSM type' },
  { id: 'mode', header: 'Mode' },
  { id: 'vpc', header: 'VPC' },
  { id: 'retention', header: 'Backup retention' },
  { id: 'created', header: 'Created' },
];

/** The columns of a one-account list (as before accounts existed). */
export const COLUMNS: readonly Column[] = ALL_COLUMNS.filter((c) => c.id !== 'account');

/** The columns drawn: with the Account column when several accounts are shown. */
export const columnsFor = (multiAccount: boolean): readonly Column[] => (multiAccount ? ALL_COLUMNS : COLUMNS);

/** The columns the list draws now (the list's accounts say whether the Account column is one). */
export const useColumns = (): readonly Column[] => columnsFor(useListAccounts().multi);

export const CELL = 'px-2 py-2 align-top';

/** The path of a cluster's page (the shell's `linkTo`, which keeps the regions in view; another account's adds `?account=`). */
export type ClusterHref = (region: string, clusterId: string, account?: string) => To;

export interface ClusterRowProps {
  row: Row;
  /** Position in the whole list (0-based): aria-rowindex counts the header as row 1. */
  index: number;
  href: ClusterHref;
  /** The virtualiser's measuring ref (long lists only). */
  measure?: Ref<HTMLTableRowElement>;
  /** The time health is judged at (epoch ms, to the minute). */
  now: number;
}

export function ClusterRowView({ row, index, href, measure, now }: ClusterRowProps) {
  const { region, account, cluster } = row;
  const { multi } = useListAccounts();
  const id = cluster.ClusterId ?? '';
  return (
    <tr
      data-index={index}
      ref={measure}
      aria-rowindex={index + 2}
      className="border-t border-slate-200 focus-within:bg-slate-50 hover:bg-slate-50 dark:border-slate-800 dark:focus-within:bg-slate-900 dark:hover:bg-slate-900"
      data-testid="cluster-row"
      data-state={cluster.State}
    >
      <td className={`${CELL} font-mono whitespace-nowrap`}>
        <Link to={href(region, id, account)} className="text-sky-800 underline dark:text-sky-300">
          {id}
        </Link>
      </td>
      <td className={CELL}>{clusterName(cluster)}</td>
      <td className={`${CELL} whitespace-nowrap`}>{region}</td>
      {multi && (
        <td className={`${CELL} whitespace-nowrap`} data-testid="cluster-account">
          <AccountName account={account} />
        </td>
      )}
      <td className={`${CELL} whitespace-nowrap`}>
        <StateCell cluster={cluster} now={now} />
      </td>
      <td className={`${CELL} whitespace-nowrap`}>
        <HsmCell cluster={cluster} />
      </td>
      <td className={`${CELL} whitespace-nowrap`}>{cluster.HsmType}</td>
      <td className={CELL} data-testid="cluster-mode">
        {cluster.Mode}
      </td>
      <td className={`${CELL} font-mono text-xs whitespace-nowrap`}>{cluster.VpcId}</td>
      <td className={`${CELL} whitespace-nowrap`}>{retentionLabel(cluster)}</td>
      <td className={`${CELL} whitespace-nowrap`}>
        <DateTime value={cluster.CreateTimestamp} />
      </td>
    </tr>
  );
}

export const rowKey = (row: Row, index: number): string =>
  row.cluster.ClusterId ? `${row.account ?? ''}/${row.region}/${row.cluster.ClusterId}` : String(index);

/** Every row, for lists short enough to draw whole. */
export function PlainRows({ rows, href, now, from = 0 }: { rows: readonly Row[]; href: ClusterHref; now: number; from?: number }) {
  return rows.map((row, i) => <ClusterRowView key={rowKey(row, from + i)} row={row} index={from + i} href={href} now={now} />);
}
