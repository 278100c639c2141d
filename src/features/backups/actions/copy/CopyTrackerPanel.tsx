/**
 * Follows the copies started in this tab. CopyBackupToRegion returns no id, so each tracker looks in the
 * destination region with DescribeBackups (`sourceBackupIds` = the source) until the copy made by its click
 * appears (findCopy), then follows it (the query polls while it is CREATE_IN_PROGRESS) until READY, with a
 * link to it. On the backups page it also says when the destination is not among the shown regions, and
 * offers to show it so the copy appears on the timeline. Each tracker is a kit Alert (info while it runs,
 * success, or error), inside one polite live region per tracker whose text changes, so each step is announced.
 */
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import {
  accountLinkParams,
  useAllBackupsQuery,
  useAwsSettings,
  useShownRegions,
  type AwsRequestError,
  type BackupWithExtras,
} from '../../../../aws';
import { Alert, Button, ResourceStatus, type AlertType } from '../../../../ui';
import { ActionError } from '../../../../ui/actions';
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

type TrackerState = 'requesting' | 'waiting' | 'copying' | 'ready' | 'failed-copy';

const ALERT_TYPE: Record<TrackerState, AlertType> = {
  requesting: 'info',
  waiting: 'info',
  copying: 'info',
  ready: 'success',
  'failed-copy': 'error',
};

function trackerState(track: CopyTrack, found: BackupWithExtras | null): TrackerState {
  if (track.status === 'requesting') return 'requesting';
  if (!found) return 'waiting';
  if (found.BackupState === 'READY') return 'ready';
  return found.BackupState === 'DELETED' ? 'failed-copy' : 'copying';
}

/** The copy this tracker's click made, once the destination lists it; looked for again every poll period until then. */
function useTrackedCopy(track: CopyTrack) {
  const { pollIntervalMs } = useAwsSettings();
  const accepted = track.status === 'tracking';
  const regions = useMemo(() => (accepted ? [track.destinationRegion] : []), [accepted, track.destinationRegion]);
  // The copy lands in the source's account (CopyBackupToRegion copies into the caller's account).
  const options = useMemo(
    () => ({ filters: { sourceBackupIds: [track.sourceBackupId] }, accounts: [track.account] }),
    [track.sourceBackupId, track.account],
  );
  const copies = useAllBackupsQuery(regions, options);
  const found = useMemo(
    () =>
      findCopy(
        copies.rows.map((row) => row.backup),
        { sourceBackupId: track.sourceBackupId, sourceRegion: track.sourceRegion, since: track.startedAt },
      ),
    [copies.rows, track],
  );

  // Until the copy is listed, look again every poll period (once listed, the query polls by itself while it is
  // CREATE_IN_PROGRESS, and stops once it is READY).
  const refetch = useRef(copies.refetch);
  useEffect(() => {
    refetch.current = copies.refetch;
  });
  const waiting = accepted && !found;
  useEffect(() => {
    if (!waiting) return;
    // Like the data layer's polling, not while the tab is hidden.
    const timer = setInterval(() => document.visibilityState !== 'hidden' && void refetch.current(), pollIntervalMs);
    return () => clearInterval(timer);
  }, [waiting, pollIntervalMs]);
  return { found, errors: copies.errors };
}

function CopyTrackerItem({ track, shownRegions }: { track: CopyTrack; shownRegions: readonly string[] | undefined }) {
  const { found, errors } = useTrackedCopy(track);
  const dest = track.destinationRegion;
  const dismiss = () => copyTracker.dismiss(track.id);
  const dismissLabel = `Dismiss the copy of ${track.sourceBackupId} to ${dest}`;

  if (track.status === 'failed' && track.error) {
    return (
      <div data-testid="copy-tracker" data-state="failed">
        <ActionError error={track.error} what={`Could not copy ${track.sourceBackupId} to ${dest}`} />
        <Button variant="link" onClick={dismiss} aria-label={dismissLabel}>
          Dismiss
        </Button>
      </div>
    );
  }

  const state = trackerState(track, found);
  const copyId = found?.BackupId ?? '';
  return (
    <div role="status" data-testid="copy-tracker" data-state={state} data-copy-id={copyId || undefined}>
      <Alert
        type={ALERT_TYPE[state]}
        live={false}
        onDismiss={track.status === 'requesting' ? undefined : dismiss}
        dismissLabel={dismissLabel}
      >
        <div>
          <TrackerMessage state={state} track={track} found={found} errors={errors} />
        </div>
        {shownRegions !== undefined && !shownRegions.includes(dest) && <RegionNotShown dest={dest} shownRegions={shownRegions} />}
      </Alert>
    </div>
  );
}

interface MessageProps {
  state: TrackerState;
  track: CopyTrack;
  found: BackupWithExtras | null;
  errors: readonly { region: string; error: AwsRequestError }[];
}

function TrackerMessage({ state, track, found, errors }: MessageProps): ReactNode {
  const { linkTo, regions: chosen } = useShownRegions();
  const location = useLocation();
  const dest = track.destinationRegion;
  const source = <span className="font-mono">{track.sourceBackupId}</span>;
  const copyId = found?.BackupId ?? '';
  const copyLink = (
    <Link
      className="font-mono underline"
      to={linkTo(`/backups/${dest}/${copyId}`, { params: accountLinkParams(track.account) })}
      data-testid="copy-link"
    >
      {copyId}
    </Link>
  );
  switch (state) {
    case 'requesting':
      return (
        <>
          Asking AWS to copy {source} from {track.sourceRegion} to {dest}…
        </>
      );
    case 'waiting':
      return (
        <>
          Copying {source} to {dest} — waiting for it to appear
          {errors.map(({ error }) => (
            <ActionError
              key={error.info.requestId ?? error.message}
              error={error}
              what={`Could not look for the copy in ${dest} (looking again)`}
            />
          ))}
        </>
      );
    case 'ready':
      // "is READY" quotes the API's state on purpose: the copy can now be used (restored, copied on).
      return (
        <>
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
    case 'failed-copy':
      return (
        <>
          The copy of {source} to {dest} failed: {copyLink} is DELETED. The source backup is unchanged; try again.
        </>
      );
    case 'copying':
      return (
        <>
          Copying {source} to {dest}: {copyLink} in {dest} is <ResourceStatus kind="backup" state={found?.BackupState} />
        </>
      );
  }
}

function RegionNotShown({ dest, shownRegions }: { dest: string; shownRegions: readonly string[] }) {
  const { linkTo } = useShownRegions();
  const location = useLocation();
  return (
    <p className="mt-1" data-testid="copy-region-hidden">
      {dest} is not among the shown regions, so the timeline does not show the copy.{' '}
      <Link
        className="underline"
        to={linkTo(location.pathname, { regions: [...shownRegions, dest], keepParams: true })}
        data-testid="show-copy-region"
      >
        Show {dest} too
      </Link>
    </p>
  );
}
