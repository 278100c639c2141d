/**
 * The split button that copies a backup to another region. The main part copies to the last-used (or
 * default) destination in one click, no dialog; with no destination to pick without guessing (nothing used
 * yet, no other region shown) it is "Copy to…" and opens the menu. The menu part lists every other region of
 * the partition (the shown ones first) and "Copy with different tags…". Progress, the copy's arrival and
 * refusals show in the copy tracker panel (CopyTrackerPanel); in a list row a short note beside the control
 * answers the click too (copyStatusNote). A backup that is not READY, a read-only session, or no destination
 * turn the whole control off, with the reason.
 */
import * as Menu from '@radix-ui/react-dropdown-menu';
import { lazy, Suspense, useRef, useState } from 'react';
import { ActionButton, useReadOnlyReason } from '../../../../ui/actions';
import { copyBlockedReason, type BackupFacts } from '../backupRules';
import { copyStatusNote } from './copyStatusNote';
import { useCopyBackup } from './useCopyBackup';
import { useCopyDestinations } from './useCopyDestinations';
import { useCopyTracks } from './useCopyTracks';

// The dialog carries the tag editor: loaded when first opened.
const CopyWithTagsDialog = lazy(() => import('./CopyWithTagsDialog'));

const SOURCE_TAGS_NOTE = "with the source's tags";
const itemClass =
  'cursor-pointer rounded px-2 py-1 text-sm outline-none select-none data-[highlighted]:bg-blue-700 data-[highlighted]:text-white dark:data-[highlighted]:bg-blue-600';
const triggerClass =
  '-ml-px inline-flex items-center rounded-r border border-slate-300 bg-white px-2 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 dark:border-slate-600 dark:bg-slate-900 dark:hover:bg-slate-800';
const labelClass = 'px-2 pt-1 pb-0.5 text-xs font-semibold text-slate-600 dark:text-slate-400';

export interface CopyBackupButtonProps {
  region: string;
  backup: BackupFacts;
  /** A smaller control for list rows; its accessible names carry the backup id. */
  compact?: boolean;
}

export function CopyBackupButton({ region, backup, compact = false }: CopyBackupButtonProps) {
  const backupId = backup.BackupId ?? '';
  const destinations = useCopyDestinations(region);
  const readOnly = useReadOnlyReason();
  const { copy, isPending } = useCopyBackup(region, backupId);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  // The dialog opens once the menu has closed and given focus back to its trigger, so that the dialog
  // returns focus there (it remembers what had focus when it opened: not a menu item that is gone).
  const dialogNext = useRef(false);
  const preferred = destinations.preferred;
  const tracks = useCopyTracks();
  const note = compact ? copyStatusNote(tracks, region, backupId) : null;
  const reason =
    readOnly ?? copyBlockedReason(backup) ?? (destinations.all.length === 0 ? `There is no other CloudHSM region to copy to from ${region}` : null);
  // No destination to pick without guessing: the main part asks (opens the menu) instead of copying.
  const label = preferred ? `Copy to ${preferred}` : 'Copy to…';
  const size = compact ? 'px-2 py-0.5 text-xs' : '';
  const forBackup = compact ? ` (${backupId})` : '';
  const menuName = compact ? `More copy destinations for ${backupId}` : 'More copy destinations';

  const copyTo = (destination: string) => {
    // Closed here, not only through Radix: the copy turns `open` off at once (pending), so Radix sees the menu
    // closed already and never reports it, and it would open again when the copy settles.
    setMenuOpen(false);
    void copy({ destination, tagsNote: SOURCE_TAGS_NOTE, failuresInPanel: true });
  };

  const main = (
    <ActionButton
      className={`rounded-r-none ${size}`}
      disabledReason={reason}
      pending={isPending}
      pendingLabel={compact ? 'Copying…' : `Copying to ${preferred ?? ''}…`}
      aria-label={compact ? `${label}${forBackup}` : undefined}
      aria-haspopup={reason === null && !preferred ? 'menu' : undefined}
      data-testid="copy-backup"
      onClick={() => (preferred ? copyTo(preferred) : setMenuOpen(true))}
    >
      {label}
    </ActionButton>
  );

  if (reason !== null) {
    // Off: the trigger is a plain button that says why (Radix would open its menu on key or pointer down).
    return (
      <span className="inline-flex flex-wrap items-center gap-x-2" data-testid="copy-control">
        <span className="inline-flex items-center">
          {main}
          <button type="button" aria-label={menuName} aria-disabled="true" title={reason} className={`${triggerClass} ${size}`}>
            <span aria-hidden="true">▾</span>
          </button>
        </span>
        {/* Seen, not read twice: the button's description already says it. */}
        {!compact && (
          <span aria-hidden="true" className="text-xs text-slate-600 dark:text-slate-400" data-testid="copy-disabled-reason">
            {reason}
          </span>
        )}
      </span>
    );
  }

  const shown = destinations.shown;
  const others = destinations.all.filter((r) => !shown.includes(r));
  return (
    <span className={compact ? 'flex min-w-0 flex-col items-start' : 'inline-flex items-center'} data-testid="copy-control">
      <span className="inline-flex items-center">
        {main}
        {/* Not modal: a modal menu leaves pointer-events off on <body> when a dialog opens from one of its items. */}
        <Menu.Root modal={false} open={menuOpen && !isPending} onOpenChange={(open) => setMenuOpen(open && !isPending)}>
          <Menu.Trigger asChild>
            <button ref={trigger} type="button" aria-label={menuName} aria-disabled={isPending || undefined} className={`${triggerClass} ${size}`}>
              <span aria-hidden="true">▾</span>
            </button>
          </Menu.Trigger>
          <Menu.Portal>
            <Menu.Content
              align="end"
              sideOffset={4}
              onCloseAutoFocus={(event) => {
                if (!dialogNext.current) return;
                event.preventDefault();
                dialogNext.current = false;
                trigger.current?.focus();
                setDialogOpen(true);
              }}
              className="z-50 max-h-80 min-w-56 overflow-y-auto rounded border border-slate-300 bg-white p-1 text-slate-900 shadow-lg dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
              data-testid="copy-menu"
            >
              {shown.length > 0 && (
                <Menu.Group>
                  <Menu.Label className={labelClass}>Shown regions</Menu.Label>
                  {shown.map((r) => (
                    <Menu.Item key={r} className={itemClass} onSelect={() => copyTo(r)}>
                      Copy to {r}
                      {r === destinations.lastUsed ? ' (last used)' : ''}
                    </Menu.Item>
                  ))}
                </Menu.Group>
              )}
              {others.length > 0 && (
                <Menu.Group>
                  <Menu.Label className={labelClass}>Other regions</Menu.Label>
                  {others.map((r) => (
                    <Menu.Item key={r} className={itemClass} onSelect={() => copyTo(r)}>
                      Copy to {r}
                      {r === destinations.lastUsed ? ' (last used)' : ''}
                    </Menu.Item>
                  ))}
                </Menu.Group>
              )}
              <Menu.Separator className="my-1 h-px bg-slate-200 dark:bg-slate-700" />
              <Menu.Item className={itemClass} onSelect={() => (dialogNext.current = true)}>
                Copy with different tags…
              </Menu.Item>
            </Menu.Content>
          </Menu.Portal>
        </Menu.Root>
      </span>
      {note && (
        <span
          className={`max-w-full truncate text-[11px] leading-tight ${note.failed ? 'text-red-700 dark:text-red-400' : 'text-slate-600 dark:text-slate-400'}`}
          title={note.title}
          data-testid="copy-row-status"
        >
          {note.text}
          <span className="sr-only">: {note.title}</span>
        </span>
      )}
      {dialogOpen && (
        <Suspense fallback={null}>
          <CopyWithTagsDialog
            open={dialogOpen}
            onOpenChange={setDialogOpen}
            region={region}
            backupId={backupId}
            destinations={destinations.all}
            preferred={preferred ?? destinations.all[0] ?? ''}
            copy={copy}
          />
        </Suspense>
      )}
    </span>
  );
}
