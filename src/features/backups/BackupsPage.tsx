/**
 * `/backups`: the timeline (lazy chunk) over the backups of the chosen regions, loaded newest first down to the
 * window's start (useBackupsData), a line saying how far they are loaded, and under it the filtered, ordered,
 * virtualised list. Filters, order, zoom, pan and the selection live in the URL; the timeline and the
 * list share the selection. The parts are in page/: the data (useBackupsData, the one place the page fetches),
 * what the controls do (useTimelineControls), the bulk selection, the toolbar, the filters and the list.
 */
import { lazy, Suspense } from 'react';
import { useShownRegions } from '../../aws';
import { AwsErrorMessage, EmptyState, StatusIndicator } from '../../ui';
import { CopyTrackerPanel } from './actions/copy/CopyTrackerPanel';
import { SelectedBackupPanel } from './actions/SelectedBackupPanel';
import { BackupWindowStatus } from './BackupWindowStatus';
import { BackupListSection } from './page/BackupListSection';
import { BackupsLoading, TimelineLoading } from './page/BackupsLoading';
import { TimelineToolbar } from './page/TimelineToolbar';
import { useBackupsData, type BackupsData } from './page/useBackupsData';
import { useBulkSelection } from './page/useBulkSelection';
import { useTimelineControls } from './page/useTimelineControls';
import { hasFilters } from './params';
import { useBackupPageParams } from './useBackupPageParams';

const BackupTimeline = lazy(() => import('./BackupTimeline'));

export function BackupsPage() {
  const { regions, linkTo } = useShownRegions();
  const { params, setParams } = useBackupPageParams();
  const data = useBackupsData(regions, params);
  const controls = useTimelineControls({ params, setParams, window: data.window, now: data.now, extent: data.extent, linkTo });
  const bulk = useBulkSelection(data.rows, data.sorted);
  const { backups, rows, selectedRow } = data;
  const firstLoad = backups.isPending && rows.length === 0;
  // With filters the API may answer nothing: that is "no match" (the list says so, with a way back), not "no backups".
  const noData = !backups.isPending && rows.length === 0 && backups.errors.length === 0 && !hasFilters(params.filters);

  return (
    <section aria-labelledby="backups-heading">
      <BackupsHeading regions={regions} data={data} />
      {backups.errors.map(({ region, error }) => (
        <AwsErrorMessage key={region} error={error} what={`Could not load the backups of ${region}`} />
      ))}
      {data.clusterErrors.map(({ region, error }) => (
        <AwsErrorMessage key={`c-${region}`} error={error} what={`Could not load the cluster names of ${region}`} />
      ))}
      <BackupWindowStatus window={backups} />
      <CopyTrackerPanel shownRegions={regions} />
      <div aria-busy={firstLoad || undefined}>
        {firstLoad ? (
          <BackupsLoading regions={regions} />
        ) : noData ? (
          <EmptyState
            data-testid="backups-empty"
            title={`There are no backups in ${regions.join(', ')}.`}
            description="AWS takes a backup of each active cluster at least once a day."
          />
        ) : (
          <>
            <TimelineToolbar params={params} controls={controls} />
            <Suspense fallback={<TimelineLoading />}>
              <BackupTimeline backups={data.filtered} scope={data.scope} actions={controls.markActions} />
            </Suspense>
            {selectedRow && (
              <SelectedBackupPanel
                region={selectedRow.region}
                backup={selectedRow.backup}
                clusterName={selectedRow.backup.ClusterId ? data.clusterNames.get(selectedRow.backup.ClusterId) : undefined}
              />
            )}
            <BackupListSection params={params} regions={regions} data={data} bulk={bulk} controls={controls} />
          </>
        )}
      </div>
    </section>
  );
}

/** The heading, how many backups the filters show, and a quiet "Updating…" while a refresh runs. */
function BackupsHeading({ regions, data }: { regions: readonly string[]; data: BackupsData }) {
  const { backups, filtered, rows } = data;
  return (
    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
      <h2 id="backups-heading" className="text-xl font-semibold">
        Backups
      </h2>
      <div className="flex flex-wrap items-baseline gap-x-3 text-sm text-slate-600 dark:text-slate-300">
        {backups.isFetching && !backups.isPending && <StatusIndicator icon="in-progress">Updating…</StatusIndicator>}
        <p aria-live="polite" data-testid="backup-count">
          {backups.isPending ? 'Loading…' : `${filtered.length} of ${rows.length} loaded backups in ${regions.join(', ')}`}
        </p>
      </div>
    </div>
  );
}

/** The route's view (App loads it on demand). */
export default BackupsPage;
