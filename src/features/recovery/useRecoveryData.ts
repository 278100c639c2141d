/**
 * Everything the Recovery view reads, in one place: the clusters of the shown regions, their backups since
 * the largest target in force (newest first, stopping there: useBackupWindow), the exact newest backup of the
 * clusters a person asked about ("Find newest"), and the targets; and from them a posture per cluster.
 */
import { useCallback, useMemo, useState } from 'react';
import {
  useBackupWindow,
  useClustersQuery,
  useNewestBackups,
  useShownRegions,
  type BackupWithExtras,
  type NewestBackupAnswer,
  type NewestBackupAsk,
  type RegionalCluster,
} from '../../aws';
import { clusterPosture, indexBackups, targetsFor, windowStart, type ClusterPosture, type RegionCoverage } from '../../cloudhsm/recovery';
import { resourceName } from '../../cloudhsm/names';
import { answeredRegions } from '../clusters/list/countSentence';
import { useTargetSettings } from './targetsStore';

export interface RecoveryRow extends RegionalCluster {
  key: string;
  id: string;
  /** The Name tag, or the id when there is none. */
  name: string;
  posture: ClusterPosture<BackupWithExtras>;
  /** The exact newest backups, once asked for. */
  answer: NewestBackupAnswer | undefined;
}

export function useRecoveryData(now: number) {
  const { regions } = useShownRegions();
  const clusters = useClustersQuery(regions);
  const settings = useTargetSettings();

  const live = useMemo(() => clusters.rows.filter((r) => r.cluster.State !== 'DELETED'), [clusters.rows]);
  const since = windowStart(
    settings,
    live.map((r) => r.cluster.ClusterId ?? ''),
    now,
  );
  const window = useBackupWindow(regions, { since: new Date(since), enabled: regions.length > 0 });

  const [asked, setAsked] = useState<readonly string[]>([]);
  const findNewest = useCallback((clusterId: string) => setAsked((ids) => (ids.includes(clusterId) ? ids : [...ids, clusterId])), []);
  const regionOf = useMemo(() => new Map(live.map((r) => [r.cluster.ClusterId ?? '', r.region])), [live]);
  const asks = useMemo<NewestBackupAsk[]>(
    () =>
      asked.flatMap((clusterId) => {
        const home = regionOf.get(clusterId);
        // Its own region for the local backup, the others for copies older than the window.
        return home ? [{ clusterId, regions: [home, ...regions.filter((r) => r !== home)] }] : [];
      }),
    [asked, regionOf, regions],
  );
  const answers = useNewestBackups(asks);

  const index = useMemo(() => indexBackups(window.rows, (id) => regionOf.get(id)), [window.rows, regionOf]);
  const coverage = useMemo(
    () =>
      new Map<string, RegionCoverage>(
        window.regions.map((p) => [p.region, { region: p.region, status: p.status, loadedSince: p.loadedSince?.getTime() ?? null }]),
      ),
    [window.regions],
  );

  const rows = useMemo<RecoveryRow[]>(
    () =>
      live.map(({ region, cluster }) => {
        const id = cluster.ClusterId ?? '';
        const answer = answers.get(id);
        return {
          region,
          cluster,
          key: `${region}/${id}`,
          id,
          name: resourceName(cluster) ?? id,
          answer,
          posture: clusterPosture({
            region,
            cluster,
            backups: index.get(id),
            coverage,
            targets: targetsFor(settings, id),
            now,
            lookup: answer?.byRegion,
          }),
        };
      }),
    [live, answers, index, coverage, settings, now],
  );

  const clustersFailed = clusters.errors.filter((e) => !e.stale).map((e) => e.region);
  const clustersLoading = clusters.pending.map((p) => p.region);
  return {
    regions,
    rows,
    /** Every listed cluster (DELETED included), for the orphaned backups. */
    allClusters: clusters.rows,
    answered: answeredRegions({ regions, failed: clustersFailed, loading: clustersLoading }),
    clusters,
    clustersFailed,
    clustersLoading,
    window,
    since,
    settings,
    findNewest,
  };
}

export type RecoveryData = ReturnType<typeof useRecoveryData>;
