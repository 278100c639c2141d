/**
 * `/backups`: the timeline (lazy chunk) over the backups of the chosen regions, loaded newest first down to the
 * window's start (useBackupsData), a line saying how far they are loaded, and under it the filtered, ordered,
 * virtualised list. Filters, order, zoom, pan and the selection live in the URL; the timeline and the
 * list share the selection. The parts are in page/: the data (useBackupsData, the one place the page fetches),
 * what the controls do (useTimelineControls), the bulk selection, the toolbar, the filters and the list.
 */
import { lazy, Suspense } from 'react';
import { useShownRegions } from '../../aws';
import { EmptyState, StatusIndicator } from '../../ui';
import { CopyTrackerPanel } from './actions/copy/CopyTrackerPanel';
import { SelectedBackupPanel } from './actions/SelectedBackupPanel';
import { BackupWindowStatus } from './BackupWindowStatus';
import { BackupListSection } from './page/BackupListSection';
import { BackupsLoading, TimelineLoading } from './page/BackupsLoading';
import { PhoneTimeline } from './page/PhoneTimeline';
import { RegionLoadErrors } from './page/RegionLoadErrors';
import { countText, emptyText, regionsRead, type RegionsRead } from './page/regionsRead';
import { TimelineToolbar } from './page/TimelineToolbar';
import { useBackupsData, type BackupsData } from './page/useBackupsData';
import { useBulkSelection } from './page/useBulkSelection';
import { useRegionRetry } from './page/useRegionRetry';
import { useTimelineControls } from './page/useTimelineControls';
import { hasFilters } from './params';
import { BackupsViewSwitch } from './shared/BackupsViewSwitch';
import { SharedBackupsView } from './shared/SharedBackupsView';
import { useIsSharedView } from './shared/sharedView';
import { useBackupPageParams } from './useBackupPageParams';

const BackupTimeline = lazy(() => import('./BackupTimeline'));

/** The account's own backups, or (`?view=shared`, shared/) the backups other accounts share with it. */
export function BackupsPage() {
  const shared = useIsSharedView();
  return (
    <>
      <BackupsViewSwitch />
      {shared ? <SharedBackupsView /> : <OwnBackupsPage />}
    </>
  );
}

function OwnBackupsPage() {
  const { regions, linkTo } = useShownRegions();
  const { params, setParams } = useBackupPageParams();
  const data = useBackupsData(regions, params);
  const controls = useTimelineControls({
    params,
    setParams,
    window: data.window,
    now: data.now,
    extent: data.extent,
    linkTo,
    rows: data.rows,
  });
  const bulk = useBulkSelection(data.rows, data.sorted);
  const { backups, rows, selectedRow } = data;
  const read = regionsRead(backups.regions);
  const retryBackups = useRegionRetry('backups');
  const retryClusters = useRegionRetry('clusters');
  const firstLoad = backups.isPending && rows.length === 0;
  // Nothing was read anywhere: no timeline or list to show, only what failed (never "no backups").
  const nothingRead = !backups.isPending && read.answered.length === 0 && read.loading.length === 0;
  // With filters the API may answer nothing: that is "no match" (the list says so, with a way back), not "no backups".
  const noData = !backups.isPending && read.loading.length === 0 && rows.length === 0 && !hasFilters(params.filters);
  const empty = emptyText(read);

  return (
    <section aria-labelledby="backups-heading">
      <BackupsHeading read={read} data={data} />
      <RegionLoadErrors errors={backups.errors} what="backups" onRetry={retryBackups.retry} retrying={retryBackups.retrying} />
      <RegionLoadErrors
        errors={data.clusterErrors}
        what="cluster names and retention"
        onRetry={retryClusters.retry}
        retrying={retryClusters.retrying}
      />
      <BackupWindowStatus window={backups} />
      <CopyTrackerPanel shownRegions={regions} />
      <div aria-busy={firstLoad || undefined}>
        {firstLoad ? (
          <BackupsLoading regions={regions} />
        ) : nothingRead || noData ? (
          <EmptyState data-testid="backups-empty" variant={empty.variant} title={empty.title} description={empty.description} />
        ) : (
          <>
            <PhoneTimeline>
              <TimelineToolbar params={params} controls={controls} />
              <Suspense fallback={<TimelineLoading />}>
                <BackupTimeline backups={data.filtered} scope={data.scope} actions={controls.markActions} />
              </Suspense>
            </PhoneTimeline>
            {selectedRow && (
              <SelectedBackupPanel
                region={selectedRow.region}
                backup={selectedRow.backup}
                account={selectedRow.account}
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

/**
 * The heading, how many backups the filters show (of the regions that answered, naming those that did not),
 * and a quiet "Updating…" while a refresh runs.
 */
function BackupsHeading({ read, data }: { read: RegionsRead; data: BackupsData }) {
  const { backups, filtered, rows } = data;
  return (
    <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
      <h2 id="backups-heading" className="text-xl font-semibold">
        Backups
      </h2>
      <div className="flex flex-wrap items-baseline gap-x-3 text-sm text-slate-600 dark:text-slate-300">
        {backups.isFetching && !backups.isPending && <StatusIndicator icon="in-progress">Updating…</StatusIndicator>}
        <p aria-live="polite" data-testid="backup-count">
          {countText(read, filtered.length, rows.length)}
        </p>
      </div>
    </div>
  );
}

/** The route's view (App loads it on demand). */
export default BackupsPage;
