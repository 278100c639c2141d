/**
 * One row of the backup list. A click on the row selects the backup (and shows it on the timeline); the
 * controls in it (checkbox, links, the copy control) act on their own. States read as everywhere (the status
 * model), dates are the kit's DateTime (UTC, the relative time on hover and to screen readers).
 */
import { memo, type MouseEvent } from 'react';
import { Link } from 'react-router';
import { accountLinkParams, type useShownRegions } from '../../../aws';
import { Button, DateTime, NONE, ResourceStatus } from '../../../ui';
import { CopyBackupButton } from '../actions/copy/CopyBackupButton';
import { ExpiryCell } from '../expiry/ExpiryCell';
import type { RetentionIndex } from '../expiry/expiryWords';
import { rowAccount, type BackupRow } from '../filterBackups';
import { AccountName } from '../../common/accounts/AccountName';
import { useListAccounts } from '../../common/accounts/listAccounts';
import { CARD, CARD_CELL, gridFor, ONE_LINE, type CellName } from './columns';

/**
 * A click on the row selects it; its controls act on their own: links, buttons and inputs, the cells marked
 * `data-own-clicks` (the checkbox's and the copy control's), and the menus and dialogs those open (rendered
 * elsewhere in the page, in portals, but their events pass through the row).
 */
function isRowClick(event: MouseEvent<HTMLElement>): boolean {
  const target = event.target;
  if (!(target instanceof Element) || !event.currentTarget.contains(target)) return false;
  return target.closest('a, button, input, [data-own-clicks]') === null;
}

const MUTED = 'block text-slate-600 dark:text-slate-400';

/** What a row's controls do; one stable object for the whole list (see useRowActions in BackupList). */
export interface RowActions {
  select: (row: BackupRow) => void;
  check: (row: BackupRow, checked: boolean) => void;
}

type LinkTo = ReturnType<typeof useShownRegions>['linkTo'];

interface RowContent {
  row: BackupRow;
  clusterName: string | undefined;
  selected: boolean;
  checked: boolean;
  /** The shell's link builder (keeps the shown regions), handed down by the list: rows do not each subscribe to it. */
  linkTo: LinkTo;
  actions: RowActions;
  /** The clusters' retention (one object for the whole list), for the Expires cell. */
  retention: RetentionIndex;
  /** The list's clock (to the minute), for whether an expiry date has passed. */
  now: Date;
  /** A phone: the row is a card (columns.ts). */
  narrow: boolean;
}

export interface BackupListRowProps extends RowContent {
  /** Position among all rows (for aria-rowindex) and where the virtualiser puts it. */
  index: number;
  top: number;
  height: number;
}

/** The row itself: cheap, so it can follow the virtualiser on every scroll; its cells re-render only when they change. */
export function BackupListRow({ index, top, height, ...content }: BackupListRowProps) {
  const { row, selected, actions } = content;
  const { columns } = gridFor(useListAccounts().multi);
  return (
    // The row's click is a pointer shortcut: keyboard users select it with its "Show … on the timeline" button.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/interactive-supports-focus
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-current={selected ? 'true' : undefined}
      data-testid="backup-row"
      data-backup-id={row.backup.BackupId}
      data-region={row.region}
      data-selected={selected ? 'true' : undefined}
      onClick={(event) => isRowClick(event) && actions.select(row)}
      className={`${content.narrow ? CARD : columns} absolute top-0 left-0 w-full cursor-pointer border-b border-slate-100 dark:border-slate-800 ${
        selected
          ? 'bg-blue-50 outline outline-2 -outline-offset-2 outline-blue-600 dark:bg-blue-950'
          : 'hover:bg-slate-50 dark:hover:bg-slate-900'
      }`}
      style={{ height, transform: `translateY(${top}px)` }}
    >
      <RowCells {...content} />
    </div>
  );
}

/**
 * The cells, memoised: a page of backups arriving, a scroll or a change elsewhere on the page re-renders only
 * the rows whose backup (the query keeps unchanged backups as the same objects), selection or tick changed.
 */
const RowCells = memo(
  function RowCells({ row, clusterName, selected, checked, linkTo, actions, retention, now, narrow }: RowContent) {
    const b = row.backup;
    const { multi } = useListAccounts();
    const at = (cell: CellName) => (narrow ? CARD_CELL[cell] : '');
    // On a card the dates need their names (a table has its header).
    const label = (text: string) => narrow && <span className={MUTED}>{text}</span>;
    return (
      <>
        <span role="cell" className={at('check')} data-own-clicks>
          <input
            type="checkbox"
            aria-label={`Select ${b.BackupId} in ${row.region}`}
            checked={checked}
            onChange={(e) => actions.check(row, e.target.checked)}
            data-testid="select-backup"
          />
        </span>
        <IdCell row={row} selected={selected} onSelect={() => actions.select(row)} linkTo={linkTo} className={at('id')} />
        <span role="cell" className={`${ONE_LINE} text-xs ${at('region')}`} title={row.region}>
          {row.region}
          {/* A card has no room for a column: the account goes under its region. */}
          {multi && narrow && (
            <span className="block truncate" data-testid="backup-account">
              <span className="sr-only">Account: </span>
              <AccountName account={rowAccount(row)} inline />
            </span>
          )}
        </span>
        {multi && !narrow && (
          <span role="cell" className="min-w-0 truncate text-xs leading-tight" data-testid="backup-account">
            <AccountName account={rowAccount(row)} />
          </span>
        )}
        <span
          role="cell"
          className={`truncate ${at('cluster')}`}
          title={clusterName ? `${clusterName} (${b.ClusterId ?? NONE})` : b.ClusterId}
        >
          {clusterName ?? <span className="font-mono text-xs">{b.ClusterId ?? NONE}</span>}
        </span>
        <span role="cell" className={`min-w-0 text-xs ${at('state')}`}>
          <ResourceStatus kind="backup" state={b.BackupState} wrap={false} data-testid="backup-state" />
        </span>
        <span role="cell" className={`min-w-0 text-xs leading-tight ${at('created')}`}>
          {b.CopyTimestamp ? <span className={MUTED}>copied</span> : label('created')}
          <span className={ONE_LINE}>
            <DateTime value={b.CopyTimestamp ?? b.CreateTimestamp} focusable={false} />
          </span>
        </span>
        <span role="cell" className={at('never')}>
          {b.NeverExpires ? <span data-testid="never-expires">∞ Yes</span> : 'No'}
        </span>
        <SourceCell row={row} linkTo={linkTo} className={at('source')} />
        <span role="cell" className={`min-w-0 text-xs leading-tight ${at('expires')}`} data-testid="backup-expires">
          {label('expires')}
          <ExpiryCell row={row} retention={retention} now={now} />
        </span>
        <span role="cell" className={`min-w-0 ${at('copy')}`} data-own-clicks>
          <CopyBackupButton region={row.region} backup={b} compact account={row.account} />
        </span>
      </>
    );
  },
  // Rows are rebuilt ({ region, backup }) on every answer; what they show is the backup object and the rest.
  (a, b) =>
    a.row.backup === b.row.backup &&
    a.row.region === b.row.region &&
    a.clusterName === b.clusterName &&
    a.selected === b.selected &&
    a.checked === b.checked &&
    a.linkTo === b.linkTo &&
    a.actions === b.actions &&
    a.retention === b.retention &&
    a.now === b.now &&
    a.narrow === b.narrow,
);

interface IdCellProps {
  row: BackupRow;
  selected: boolean;
  onSelect: () => void;
  linkTo: LinkTo;
  className: string;
}

function IdCell({ row, selected, onSelect, linkTo, className }: IdCellProps) {
  const id = row.backup.BackupId;
  return (
    <span role="cell" className={`flex min-w-0 items-center gap-1 font-mono text-xs ${className}`} title={id}>
      <Link to={linkTo(`/backups/${row.region}/${id}`, { params: accountLinkParams(row.account) })} className="truncate underline">
        {id}
      </Link>
      <Button
        variant="icon"
        size="sm"
        className="shrink-0"
        aria-label={`Show ${id} on the timeline`}
        aria-pressed={selected}
        onClick={onSelect}
      >
        <span aria-hidden="true">↑</span>
      </Button>
    </span>
  );
}

function SourceCell({ row, linkTo, className }: { row: BackupRow; linkTo: LinkTo; className: string }) {
  const b = row.backup;
  const source = b.SourceBackup ? `${b.SourceBackup}${b.SourceRegion ? ` (${b.SourceRegion})` : ''}` : null;
  return (
    <span role="cell" className={`${ONE_LINE} font-mono text-xs ${className}`} title={source ?? undefined}>
      {source && b.SourceRegion ? (
        // A link, so keyboard and screen-reader users get the whole (truncated) id and can open it.
        <Link
          to={linkTo(`/backups/${b.SourceRegion}/${b.SourceBackup}`, { params: accountLinkParams(row.account) })}
          className="underline"
          aria-label={`Source backup ${source}`}
        >
          {source}
        </Link>
      ) : (
        (source ?? NONE)
      )}
    </span>
  );
}
