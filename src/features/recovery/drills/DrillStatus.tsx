/**
 * Where a drill stands, in words: "Restoring… 3 min 10 s: cluster Active, HSM Create in progress", then
 * "Restored in 14 min 20 s" (the measured RTO), or the AWS error of the step that failed with what to do and
 * "Try again", or why it cannot go on. The states' words come from the status model.
 */
import { clusterStatus, hsmStatus } from '../../../cloudhsm/status';
import { drillElapsed, drillPhase, formatDuration, type DrillRecord, type DrillStep } from '../../../cloudhsm/drills';
import type { ClusterWithExtras } from '../../../aws';
import { Alert, AwsErrorMessage, Button, StatusIndicator } from '../../../ui';
import { errorAdvice } from '../../common/errorAdvice';
import { drillStore } from './drillStore';
import { useTick } from './useTick';

/** "cluster Active, HSM Create in progress" (or "no HSM yet"). */
export function resourceWords(cluster: ClusterWithExtras | null | undefined): string {
  if (cluster === undefined) return 'reading the drill cluster';
  if (cluster === null) return 'the drill cluster is no longer listed';
  const hsm = cluster.Hsms?.[0];
  return `cluster ${clusterStatus(cluster.State).label}, ${hsm ? `HSM ${hsmStatus(hsm.State).label}` : 'no HSM yet'}`;
}

export interface DrillStatusProps {
  record: DrillRecord;
  cluster: ClusterWithExtras | null | undefined;
  step: DrillStep;
}

export function DrillStatus({ record, cluster, step }: DrillStatusProps) {
  const phase = drillPhase(record);
  const now = useTick(1_000, phase === 'restoring' || phase === 'deleting');
  const elapsed = formatDuration(drillElapsed(record, now));
  const retry = () => drillStore.dispatch({ type: 'retry', sourceClusterId: record.sourceClusterId });
  if (record.failure) {
    const error = { info: record.failure };
    return (
      <div data-testid="drill-status" data-phase="failed">
        <AwsErrorMessage error={error} what="The restore drill stopped" advice={errorAdvice(record.failure)} />
        <Button size="sm" onClick={retry}>
          Try again
        </Button>
      </div>
    );
  }
  if (step.kind === 'stuck') {
    return (
      <Alert type="warning" data-testid="drill-status" data-phase="stuck" header="The drill cannot go on">
        {step.reason} Delete the drill cluster, then start a new drill.
      </Alert>
    );
  }
  const words = resourceWords(cluster);
  const counting = phase === 'restoring' || phase === 'deleting';
  const line =
    phase === 'restoring' ? `Restoring… ${elapsed}: ${words}` : `Deleting the drill cluster (${elapsedSinceDelete(record, now)}): ${words}`;
  return (
    <div data-testid="drill-status" data-phase={phase} className="text-sm">
      {record.durationMs !== undefined && phase !== 'restored' && (
        <StatusIndicator icon="success" tone="ok">
          Restored in {formatDuration(record.durationMs)}
        </StatusIndicator>
      )}
      {/* One live region, always there: states are spoken as they change, the counting time is not (it would be read every second). */}
      <div role="status">
        {counting && (
          <span className="sr-only">{phase === 'restoring' ? `Restoring: ${words}` : `Deleting the drill cluster: ${words}`}</span>
        )}
        {phase === 'restored' && (
          <StatusIndicator icon="success" tone="ok">
            Restored in {formatDuration(record.durationMs ?? 0)}
          </StatusIndicator>
        )}
        {phase === 'deleted' && (
          <StatusIndicator icon="stopped" tone="neutral">
            Drill cluster deleted
          </StatusIndicator>
        )}
      </div>
      {counting && (
        <div aria-hidden="true">
          <StatusIndicator icon="in-progress" tone="progress">
            {line}
          </StatusIndicator>
        </div>
      )}
    </div>
  );
}

function elapsedSinceDelete(record: DrillRecord, localNow: number): string {
  const now = localNow + record.clockSkewMs;
  return formatDuration(now - (record.deleteRequestedAt ?? now));
}
