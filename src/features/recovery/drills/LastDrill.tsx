/**
 * The last restore drill of a cluster, in its recovery row: "Drill running · 2 min" while it runs; then when,
 * from which backup and how long ("Restored in 14 min 20 s"), and whether the drill cluster still exists
 * (a link to it and "Delete drill cluster"). It follows the drill too, so the drill goes on with the dialog closed.
 */
import { drillElapsed, drillPhase, formatDuration } from '../../../cloudhsm/drills';
import { DateTime, StatusIndicator } from '../../../ui';
import { DeleteDrillButton } from './DeleteDrillButton';
import { DrillBackupLink, DrillClusterLink } from './DrillCluster';
import { DrillStatus } from './DrillStatus';
import { useDrillRecord } from './drillStore';
import { useDrillFollower } from './useDrillFollower';
import { useTick } from './useTick';

export interface LastDrillProps {
  clusterId: string;
}

/** "40 s" under a minute, then whole minutes ("2 min"): a row need not count seconds. */
const roughly = (ms: number): string => formatDuration(ms < 60_000 ? ms : Math.floor(ms / 60_000) * 60_000);

export function LastDrill({ clusterId }: LastDrillProps) {
  const record = useDrillRecord(clusterId);
  const follow = useDrillFollower(record);
  const running = record !== undefined && drillPhase(record) === 'restoring' && !record.failure;
  const now = useTick(1_000, running);
  if (!record) return <span className="text-sm text-slate-600 dark:text-slate-300">No restore drill yet</span>;
  const phase = drillPhase(record);
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="last-drill" data-phase={phase}>
      {running && follow.step.kind !== 'stuck' ? (
        <StatusIndicator icon="in-progress" tone="progress">
          Drill running · {roughly(drillElapsed(record, now))}
        </StatusIndicator>
      ) : (
        <DrillStatus record={record} cluster={follow.cluster} step={follow.step} />
      )}
      <span>
        Drill <DateTime value={record.startedAt} focusable={false} /> from <DrillBackupLink record={record} />
      </span>
      <span className="flex flex-wrap items-center gap-2">
        <span>
          Drill cluster: <DrillClusterLink record={record} />
        </span>
        <DeleteDrillButton record={record} />
      </span>
    </div>
  );
}
