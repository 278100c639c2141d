/**
 * Follows the copies started in this tab. CopyBackupToRegion returns no id, so each tracker looks in the
 * destination region with DescribeBackups (`sourceBackupIds` = the source) until the copy made by its click
 * appears (findCopy), then follows it (the query polls while it is CREATE_IN_PROGRESS) until READY, with a
 * link to it. On the backups page it also says when the destination is not among the shown regions, and
 * offers to show it so the copy appears on the timeline.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useAllBackupsQuery, useAwsSettings, useShownRegions } from '../../../../aws';
import { ActionError } from '../../../../ui/actions';
import { buttonClass } from '../../../../ui/buttons';
import { copyTracker, type CopyTrack } from './copyTrackerStore';
import { findCopy } from './findCopy';
import { useCopyTracks } from './useCopyTracks';

export interface CopyTrackerPanelProps {
  /** The regions the page shows; given on pages with a timeline, so a copy outside them can be brought in. */
  shownRegions?: readonly string[];
}

export function CopyTrackerPanel({ shownRegions }: CopyTrackerPanelProps) {
  const tracks = useCopyTracks();
  if (tracks.length === 0) return null;
  return (
    <section aria-label="Backup copies" className="mb-4 flex flex-col gap-2" data-testid="copy-trackers">
      {tracks.map((track) => (
        <CopyTrackerItem key={track.id} track={track} shownRegions={shownRegions} />
      ))}
    </section>
  );
}

const boxClass = 'rounded border border-sky-400 bg-sky-50 p-2 text-sm text-sky-950 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-100';

function CopyTrackerItem({ track, shownRegions }: { track: CopyTrack; shownRegions: readonly string[] | undefined }) {
  const { pollIntervalMs } = useAwsSettings();
  const { linkTo, regions: chosen } = useShownRegions();
  const location = useLocation();
  const accepted = track.status === 'tracking';
  const regions = useMemo(() => (accepted ? [track.destinationRegion] : []), [accepted, track.destinationRegion]);
  const options = useMemo(() => ({ filters: { sourceBackupIds: [track.sourceBackupId] } }), [track.sourceBackupId]);
  const copies = useAllBackupsQuery(regions, options);
  const found = useMemo(
    () => findCopy(copies.rows.map((row) => row.backup), { sourceBackupId: track.sourceBackupId, sourceRegion: track.sourceRegion, since: track.startedAt }),
    [copies.rows, track],
  );

  // Until the copy is listed, look again every poll period (once listed, the query polls by itself while it is
  // CREATE_IN_PROGRESS, and stops once it is READY).
  const refetch = useRef(copies.refetch);
  refetch.current = copies.refetch;
  const waiting = accepted && !found;
  useEffect(() => {
    if (!waiting) return;
    // Like the data layer's polling, not while the tab is hidden.
    const timer = setInterval(() => document.visibilityState !== 'hidden' && void refetch.current(), pollIntervalMs);
    return () => clearInterval(timer);
  }, [waiting, pollIntervalMs]);

  const dest = track.destinationRegion;
  const source = <span className="font-mono">{track.sourceBackupId}</span>;
  const dismiss = (
    <button type="button" className={`${buttonClass.link} ml-2`} onClick={() => copyTracker.dismiss(track.id)} aria-label={`Dismiss the copy of ${track.sourceBackupId} to ${dest}`}>
      Dismiss
    </button>
  );

  if (track.status === 'failed' && track.error) {
    return (
      <div data-testid="copy-tracker" data-state="failed">
        <ActionError error={track.error} what={`Could not copy ${track.sourceBackupId} to ${dest}`} />
        {dismiss}
      </div>
    );
  }

  const notShown = shownRegions !== undefined && !shownRegions.includes(dest);
  const showRegion = notShown && (
    <p className="mt-1" data-testid="copy-region-hidden">
      {dest} is not among the shown regions, so the timeline does not show the copy.{' '}
      <Link className="underline" to={linkTo(location.pathname, { regions: [...(shownRegions ?? []), dest], keepParams: true })} data-testid="show-copy-region">
        Show {dest} too
      </Link>
    </p>
  );

  const copyId = found?.BackupId ?? '';
  const copyLink = (
    <Link className="font-mono underline" to={linkTo(`/backups/${dest}/${copyId}`)} data-testid="copy-link">
      {copyId}
    </Link>
  );
  const state = track.status === 'requesting' ? 'requesting' : !found ? 'waiting' : found.BackupState === 'READY' ? 'ready' : found.BackupState === 'DELETED' ? 'failed-copy' : 'copying';
  let body: ReactNode;
  if (state === 'requesting') body = <>Asking AWS to copy {source} from {track.sourceRegion} to {dest}…</>;
  else if (state === 'waiting') {
    body = (
      <>
        Copying {source} to {dest} — waiting for it to appear
        {copies.errors.map(({ error }) => (
          <ActionError key={error.info.requestId ?? error.message} error={error} what={`Could not look for the copy in ${dest} (looking again)`} />
        ))}
      </>
    );
  } else if (state === 'ready') {
    body = (
      <>
        <span aria-hidden="true">✓ </span>
        {copyLink} in {dest} is READY: a copy of {source} from {track.sourceRegion}, {track.tagsNote}.
        {location.pathname !== '/backups' && (
          <>
            {' '}
            <Link className="underline" to={linkTo('/backups', { regions: [...chosen, dest], params: { sel: `${dest}/${copyId}` } })}>
              Show it on the timeline
            </Link>
          </>
        )}
      </>
    );
  } else if (state === 'failed-copy') {
    body = (
      <>
        The copy of {source} to {dest} failed: {copyLink} is DELETED. The source backup is unchanged; try again.
      </>
    );
  } else {
    body = (
      <>
        Copying {source} to {dest}: {copyLink} in {dest} is {found?.BackupState ?? 'being created'}
      </>
    );
  }

  // One live region per tracker whose text changes, so each step is announced.
  return (
    <div role="status" className={STATE_CLASS[state]} data-testid="copy-tracker" data-state={state} data-copy-id={copyId || undefined}>
      {body}
      {track.status !== 'requesting' && dismiss}
      {showRegion}
    </div>
  );
}

const STATE_CLASS: Record<string, string> = {
  requesting: boxClass,
  waiting: boxClass,
  copying: boxClass,
  ready: 'rounded border border-green-400 bg-green-50 p-2 text-sm text-green-900 dark:border-green-700 dark:bg-green-950 dark:text-green-100',
  'failed-copy': 'rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200',
};
