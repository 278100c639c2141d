/**
 * The list's "Expires" cell: the date the cluster's retention purges the backup (the kit's UTC date, relative
 * on hover) and the retention it comes from; "never", "no retention (copy)", "unknown" (why, on hover); for a
 * backup awaiting deletion its purge countdown and date, for a deleted one when it went. One line or two, to
 * fit the row's fixed height.
 */
import { DateTime, Hint } from '../../../ui';
import { PurgeCountdown } from '../actions/lifecycle/PurgeCountdown';
import type { BackupRow } from '../filterBackups';
import { ONE_LINE } from '../list/columns';
import { expiryCellWords, expiryView, retentionSourceOf, type RetentionIndex } from './expiryWords';

const MUTED = 'block text-slate-600 dark:text-slate-400';

export function ExpiryCell({ row, retention, now }: { row: BackupRow; retention: RetentionIndex; now: Date }) {
  const b = row.backup;
  const words = expiryCellWords(expiryView(b, retentionSourceOf(b, row.region, retention)), now);
  switch (words.kind) {
    case 'purge':
      return (
        <span className="block" data-testid="purge-at">
          <PurgeCountdown deleteAt={b.DeleteTimestamp} className={`${ONE_LINE} font-semibold`} />
          <span className={ONE_LINE}>
            <span className="sr-only">purge </span>
            <DateTime value={b.DeleteTimestamp} focusable={false} />
          </span>
        </span>
      );
    case 'deleted':
      return (
        <>
          <span className={MUTED}>deleted</span>
          <span className={ONE_LINE}>
            <DateTime value={b.DeleteTimestamp} focusable={false} />
          </span>
        </>
      );
    case 'date':
      return (
        <>
          <span className={ONE_LINE}>
            <DateTime value={words.at} format="date" focusable={false} />
          </span>
          <Hint hint={words.hint} focusable={false} className={`${MUTED} truncate`}>
            {words.detail}
          </Hint>
        </>
      );
    case 'words':
      return (
        <Hint hint={words.hint} focusable={false} className={ONE_LINE}>
          {words.text}
        </Hint>
      );
  }
}
