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
  useShownAccounts,
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
  // Every shown account (issue 15); one account: the base account only, as before.
  const { callAccounts } = useShownAccounts();
  const clusters = useClustersQuery(regions, {}, callAccounts);
  const settings = useTargetSettings();

  const live = useMemo(() => clusters.rows.filter((r) => r.cluster.State !== 'DELETED'), [clusters.rows]);
  const since = windowStart(
    settings,
    live.map((r) => r.cluster.ClusterId ?? ''),
    now,
  );
  const window = useBackupWindow(regions, { since: new Date(since), enabled: regions.length > 0, accounts: callAccounts });

  const [asked, setAsked] = useState<readonly string[]>([]);
  const findNewest = useCallback((clusterId: string) => setAsked((ids) => (ids.includes(clusterId) ? ids : [...ids, clusterId])), []);
  const regionOf = useMemo(() => new Map(live.map((r) => [r.cluster.ClusterId ?? '', r.region])), [live]);
  const accountOf = useMemo(() => new Map(live.map((r) => [r.cluster.ClusterId ?? '', r.account])), [live]);
  const asks = useMemo<NewestBackupAsk[]>(
    () =>
      asked.flatMap((clusterId) => {
        const home = regionOf.get(clusterId);
        const account = accountOf.get(clusterId);
        // Its own region for the local backup, the others for copies older than the window (in its own account).
        return home ? [{ clusterId, regions: [home, ...regions.filter((r) => r !== home)], ...(account && { account }) }] : [];
      }),
    [asked, regionOf, accountOf, regions],
  );
  const answers = useNewestBackups(asks);

  const index = useMemo(() => indexBackups(window.rows, (id) => regionOf.get(id)), [window.rows, regionOf]);
  // Per account: a cluster's backups and copies are judged by how far its own account's regions are loaded.
  const coverage = useMemo(() => {
    const byAccount = new Map<string, Map<string, RegionCoverage>>();
    for (const p of window.regions) {
      const of = byAccount.get(p.account ?? '') ?? new Map<string, RegionCoverage>();
      of.set(p.region, { region: p.region, status: p.status, loadedSince: p.loadedSince?.getTime() ?? null });
      byAccount.set(p.account ?? '', of);
    }
    return byAccount;
  }, [window.regions]);

  const rows = useMemo<RecoveryRow[]>(
    () =>
      live.map(({ region, account, cluster }) => {
        const id = cluster.ClusterId ?? '';
        const answer = answers.get(id);
        return {
          region,
          ...(account && { account }),
          cluster,
          key: `${account ? `${account}/` : ''}${region}/${id}`,
          id,
          name: resourceName(cluster) ?? id,
          answer,
          posture: clusterPosture({
            region,
            cluster,
            backups: index.get(id),
            coverage: coverage.get(account ?? '') ?? new Map<string, RegionCoverage>(),
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
