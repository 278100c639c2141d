/**
 * The Recovery view's "Orphaned backups" section: READY backups (and cross-region copies) whose cluster no
 * longer exists, grouped by former cluster and region, each group deletable after typing its former cluster
 * id. The scan reads each region's newest READY backups, page by page, without holding up the rest of the
 * view: groups appear as pages arrive, a status line says how far it got, older backups are read when asked
 * ("Scan the next 500 per region"), and "none" is said only once every region is read to its end.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import type { RegionalBackup, RegionalCluster } from '../../../aws';
import type { OrphanGroup } from '../../../cloudhsm/orphans';
import { Button, EmptyState, StatusIndicator, useNow } from '../../../ui';
import { RegionLoadErrors } from '../../backups/page/RegionLoadErrors';
import { OrphanGroupsTable } from './OrphanGroupsTable';
import { listWords, scannedRegions, scanProgressText } from './scanProgress';
import { SCAN_STEP, useOrphanScan } from './useOrphanScan';

const DeleteOrphansDialog = lazy(() => import('./DeleteOrphansDialog'));

export interface OrphanedBackupsProps {
  /** The regions shown (the page's ?regions=). */
  regions: readonly string[];
  /** Every listed cluster of the regions that answered (DELETED ones included). */
  clusters: readonly RegionalCluster[];
  /** Regions whose cluster list answered: only there can a backup's cluster be known to be gone. */
  answeredRegions: readonly string[];
}

type Group = OrphanGroup<RegionalBackup>;

const groupsText = (n: number): string =>
  n === 0 ? 'No orphaned backups found.' : `${n} ${n === 1 ? 'group' : 'groups'} of orphaned backups found.`;

export function OrphanedBackups({ regions, clusters, answeredRegions }: OrphanedBackupsProps) {
  const scan = useOrphanScan(regions, clusters, answeredRegions);
  const now = useNow();
  const [deleting, setDeleting] = useState<Group | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // After a delete the group's button goes (at once, or when the last backup's new state arrives): focus then
  // falls to the page's body, so it is brought back to the section.
  const keepFocus = useRef(false);
  const rescueFocus = () => {
    if (keepFocus.current && (document.activeElement === document.body || document.activeElement === null)) heading.current?.focus();
  };
  useEffect(rescueFocus, [scan.groups]);
  const openDialog = (group: Group) => {
    keepFocus.current = false;
    setDeleting(group);
  };
  const closeDialog = () => {
    keepFocus.current = true;
    setDeleting(null);
    requestAnimationFrame(rescueFocus);
  };
  const retry = (region: string) => {
    for (const failure of scan.errors) if (failure.region === region) void failure.retry();
  };
  // "None" only where every READY backup was read and the clusters could be listed to check them against.
  const clearRegions = scannedRegions(scan.regions).filter((region) => answeredRegions.includes(region));
  return (
    <section aria-labelledby="orphaned-backups-heading" data-testid="orphaned-backups">
      <h2 id="orphaned-backups-heading" ref={heading} tabIndex={-1} className="text-lg font-medium focus:outline-none">
        Orphaned backups
      </h2>
      <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">
        READY backups whose cluster no longer exists (not listed any more, or DELETED), and cross-region copies whose source cluster is
        gone. They keep the cluster's keys; a copy never expires.
      </p>
      {/* Not live: it changes with every page. The live line below speaks once, when the scan is done. */}
      <p className="mb-2 text-sm" data-testid="orphan-scan-progress">
        {scan.done ? (
          scanProgressText(scan)
        ) : scan.stopped ? (
          <StatusIndicator icon="info">{scanProgressText(scan)}</StatusIndicator>
        ) : (
          <StatusIndicator icon="in-progress">{scanProgressText(scan)}</StatusIndicator>
        )}
      </p>
      {scan.stopped && (
        <p className="mb-2">
          {/* Each step reads up to SCAN_STEP more per region: on a large account a whole history is many calls. */}
          <Button onClick={scan.scanFurther}>Scan the next {SCAN_STEP.toLocaleString('en-US')} per region</Button>
        </p>
      )}
      <p role="status" className="sr-only">
        {scan.done || scan.stopped ? `${scanProgressText(scan)} ${groupsText(scan.groups.length)}` : ''}
      </p>
      <RegionLoadErrors errors={scan.errors} what="READY backups for the orphan scan" onRetry={retry} />
      {/* Once the scan is done: while it runs, a region's cluster list may still be on its way. */}
      {scan.done &&
        scan.undetermined.map((u) => (
          <p key={u.clusterRegion} className="mb-2 text-sm" data-testid="orphan-undetermined">
            <StatusIndicator icon="info">
              Cannot tell whether {u.clusters === 1 ? 'the cluster' : `the ${u.clusters} clusters`} of {u.backups} READY{' '}
              {u.backups === 1 ? 'backup' : 'backups'} still {u.clusters === 1 ? 'exists' : 'exist'}: {u.clusterRegion}, where{' '}
              {u.clusters === 1 ? 'it' : 'they'} lived, is not shown or its clusters could not be listed.
            </StatusIndicator>
          </p>
        ))}
      {scan.groups.length > 0 ? (
        <OrphanGroupsTable groups={scan.groups} busy={!scan.done} now={now} onDelete={openDialog} />
      ) : (
        scan.done &&
        clearRegions.length > 0 && (
          <EmptyState
            title={`No orphaned backups in ${listWords(clearRegions)}`}
            description={
              scan.undetermined.length > 0
                ? 'Apart from the backups above whose cluster cannot be checked, every READY backup belongs to a cluster that still exists.'
                : 'Every READY backup there belongs to a cluster that still exists.'
            }
            icon="success"
            data-testid="orphan-empty"
          />
        )
      )}
      <Suspense fallback={null}>{deleting && <DeleteOrphansDialog group={deleting} onClose={closeDialog} />}</Suspense>
    </section>
  );
}
