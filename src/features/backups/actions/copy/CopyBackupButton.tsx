/**
 * The split button that copies a backup to another region. The main part copies to the last-used (or
 * default) destination in one click, no dialog; with no destination to pick without guessing (nothing used
 * yet, no other region shown) it is "Copy to…" and opens the menu. The menu part lists every other region of
 * the partition (the shown ones first) and "Copy with different tags…". Progress, the copy's arrival and
 * refusals show in the copy tracker panel (CopyTrackerPanel); in a list row a short note beside the control
 * answers the click too (copyStatusNote). A backup that is not READY, a read-only session, or no destination
 * turn the whole control off, with the reason.
 */
import { lazy, Suspense, useState } from 'react';
import { ActionButton, useReadOnlyReason } from '../../../../ui/actions';
import type { BackupWithExtras } from '../../../../aws';
import { copyBlockedReason, type BackupFacts } from '../backupRules';
import { CopyMenu, triggerClass } from './CopyMenu';
import { copyAccountNote } from './copyDestinations';
import { copyStatusNote, type CopyStatusNote } from './copyStatusNote';
import { useCopyBackup } from './useCopyBackup';
import { useCopyDestinations } from './useCopyDestinations';
import { useCopyTracks } from './useCopyTracks';
import { backupClusterRegion } from '../../../../cloudhsm/backupCluster';
import type { CopySource } from './guard/copyChecks';
import { useCopyGuard } from './guard/useCopyGuard';

// The dialog carries the tag editor: loaded when first opened.
const CopyWithTagsDialog = lazy(() => import('./CopyWithTagsDialog'));

const SOURCE_TAGS_NOTE = "with the source's tags";

/** What the control reads of the backup: its state, and its cluster for the guardrails. */
export type CopyBackupFacts = BackupFacts & Pick<BackupWithExtras, 'ClusterId' | 'SourceRegion'>;

export const copySourceOf = (region: string, backup: CopyBackupFacts, account?: string): CopySource => ({
  region,
  backupId: backup.BackupId ?? '',
  clusterId: backup.ClusterId,
  clusterRegion: backupClusterRegion(backup, region),
  ...(account && { account }),
});

export interface CopyBackupButtonProps {
  region: string;
  backup: CopyBackupFacts;
  /** A smaller control for list rows; its accessible names carry the backup id. */
  compact?: boolean;
  /** The backup's account (undefined: the base account); the copy lands in that same account. */
  account?: string;
}

/** The control's state: where it copies, whether it can (and why not), the menu and the dialog. */
function useCopyControl(region: string, backup: CopyBackupFacts, compact: boolean, account: string | undefined) {
  const backupId = backup.BackupId ?? '';
  const destinations = useCopyDestinations(region);
  const readOnly = useReadOnlyReason();
  const { copy, isPending: copying } = useCopyBackup(region, backupId, account);
  // The first copy to a region and residency-tagged backups ask first (guard/).
  const { guard, checking, dialog: guardDialog } = useCopyGuard(copySourceOf(region, backup, account));
  const isPending = copying || checking;
  const [dialogOpen, setDialogOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const tracks = useCopyTracks();
  const reason =
    readOnly ??
    copyBlockedReason(backup) ??
    (destinations.all.length === 0 ? `There is no other CloudHSM region to copy to from ${region}` : null);
  const copyTo = (destination: string) => {
    // Closed here, not only through Radix: the copy turns `open` off at once (pending), so Radix sees the menu
    // closed already and never reports it, and it would open again when the copy settles.
    setMenuOpen(false);
    void (async () => {
      if (await guard(destination)) await copy({ destination, tagsNote: SOURCE_TAGS_NOTE, failuresInPanel: true });
    })();
  };
  return {
    backupId,
    destinations,
    preferred: destinations.preferred,
    copy,
    copyTo,
    isPending,
    checking,
    guardDialog,
    reason,
    readOnly,
    note: compact ? copyStatusNote(tracks, region, backupId, account) : null,
    dialog: { open: dialogOpen, setOpen: setDialogOpen },
    menu: { open: menuOpen, setOpen: setMenuOpen },
  };
}

export function CopyBackupButton({ region, backup, compact = false, account }: CopyBackupButtonProps) {
  const { backupId, destinations, preferred, copy, copyTo, isPending, checking, guardDialog, reason, readOnly, note, dialog, menu } =
    useCopyControl(region, backup, compact, account);
  // No destination to pick without guessing: the main part asks (opens the menu) instead of copying.
  const label = preferred ? `Copy to ${preferred}` : 'Copy to…';
  const menuName = compact ? `More copy destinations for ${backupId}` : 'More copy destinations';

  const main = (
    <ActionButton
      className={`rounded-r-none ${compact ? 'px-2 py-0.5 text-xs' : ''}`}
      disabledReason={reason}
      pending={isPending}
      pendingLabel={checking ? 'Checking…' : compact ? 'Copying…' : `Copying to ${preferred ?? ''}…`}
      aria-label={compact ? `${label} (${backupId})` : undefined}
      aria-haspopup={reason === null && !preferred ? 'menu' : undefined}
      data-testid="copy-backup"
      onClick={() => (preferred ? copyTo(preferred) : menu.setOpen(true))}
    >
      {label}
    </ActionButton>
  );

  const off = reason !== null;
  // One tree whether the control is on or off, so the main button stays the same element (and keeps focus)
  // when the control turns on or off.
  const outer = off
    ? 'inline-flex flex-wrap items-center gap-x-2'
    : compact
      ? 'flex min-w-0 flex-col items-start'
      : 'inline-flex items-center';
  return (
    <span className={outer} data-testid="copy-control">
      <span className="inline-flex items-center">
        {main}
        {off ? (
          // Off: the menu part is a plain button that says why (Radix would open its menu on key or pointer down).
          <button type="button" aria-label={menuName} aria-disabled="true" title={reason} className={triggerClass(compact)}>
            <span aria-hidden="true">▾</span>
          </button>
        ) : (
          <CopyMenu
            name={menuName}
            compact={compact}
            open={menu.open && !isPending}
            onOpenChange={(open) => menu.setOpen(open && !isPending)}
            busy={isPending}
            destinations={destinations}
            onCopy={copyTo}
            onCopyWithTags={() => dialog.setOpen(true)}
          />
        )}
      </span>
      {/* Seen, not read twice: the button's description already says it. A read-only session is said once, by the page's banner. */}
      {off && !compact && reason !== readOnly && (
        <span aria-hidden="true" className="text-xs text-slate-600 dark:text-slate-400" data-testid="copy-disabled-reason">
          {reason}
        </span>
      )}
      {!off && note && <RowNote note={note} />}
      {/* CopyBackupToRegion copies into the caller's account: another account's backup stays in that account. */}
      {!compact && account && (
        <span className="text-xs text-slate-600 dark:text-slate-400" data-testid="copy-account-note">
          {copyAccountNote(account)}
        </span>
      )}
      {guardDialog}
      {!off && dialog.open && (
        <Suspense fallback={null}>
          <CopyWithTagsDialog
            open={dialog.open}
            onOpenChange={dialog.setOpen}
            region={region}
            source={copySourceOf(region, backup, account)}
            destinations={destinations.all}
            preferred={preferred ?? destinations.all[0] ?? ''}
            copy={copy}
            account={account}
          />
        </Suspense>
      )}
    </span>
  );
}

/** In a list row: the latest copy of this backup started here, in a few words (details in the tracker panel). */
function RowNote({ note }: { note: CopyStatusNote }) {
  return (
    <span
      className={`max-w-full truncate text-[11px] leading-tight ${note.failed ? 'text-red-700 dark:text-red-300' : 'text-slate-600 dark:text-slate-400'}`}
      title={note.title}
      data-testid="copy-row-status"
    >
      {note.text}
      <span className="sr-only">: {note.title}</span>
    </span>
  );
}
