/** One cluster as a stacked card (narrow screens): name or id as the link, region, health, HSMs and AZs. */
import type { Ref } from 'react';
import { Link } from 'react-router';
import { AccountName } from '../../common/accounts/AccountName';
import { useListAccounts } from '../../common/accounts/listAccounts';
import type { ClusterHref } from './ClusterRow';
import { rowKey } from './ClusterRow';
import { clusterName } from './fields';
import { HsmCell } from './HsmCell';
import { StateCell } from './StateCell';
import type { ClusterRow } from './types';

export interface ClusterCardProps {
  row: ClusterRow;
  /** Position in the whole list (0-based). */
  index: number;
  href: ClusterHref;
  now: number;
  /** The virtualiser's measuring ref (long lists only). */
  measure?: Ref<HTMLLIElement>;
}

export function ClusterCard({ row, index, href, now, measure }: ClusterCardProps) {
  const { region, account, cluster } = row;
  const { multi } = useListAccounts();
  const id = cluster.ClusterId ?? '';
  const name = clusterName(cluster);
  return (
    <li
      ref={measure}
      data-index={index}
      className="border-b border-slate-200 px-3 py-2 focus-within:bg-slate-50 dark:border-slate-800 dark:focus-within:bg-slate-900"
      data-testid="cluster-row"
      data-state={cluster.State}
    >
      <div className="flex min-w-0 items-baseline justify-between gap-2">
        <Link to={href(region, id, account)} className="min-w-0 truncate font-medium text-sky-800 underline dark:text-sky-300">
          {name || <span className="font-mono">{id}</span>}
        </Link>
        <span className="shrink-0 text-xs text-slate-600 dark:text-slate-300">{region}</span>
      </div>
      {name && <div className="truncate font-mono text-xs text-slate-600 dark:text-slate-300">{id}</div>}
      {multi && (
        <div className="truncate text-xs text-slate-600 dark:text-slate-300" data-testid="cluster-account">
          <span className="sr-only">Account: </span>
          <AccountName account={account} inline />
        </div>
      )}
      <div className="mt-1 flex min-w-0 flex-wrap items-start justify-between gap-x-3 gap-y-1 text-sm">
        <StateCell cluster={cluster} now={now} />
        <span className="text-slate-700 dark:text-slate-300">
          <span className="sr-only">HSMs: </span>
          <HsmCell cluster={cluster} />
        </span>
      </div>
    </li>
  );
}

/** Every card, for lists short enough to draw whole. */
export function PlainCards({ rows, href, now }: { rows: readonly ClusterRow[]; href: ClusterHref; now: number }) {
  return rows.map((row, i) => <ClusterCard key={rowKey(row, i)} row={row} index={i} href={href} now={now} />);
}
