/**
 * Follows a source cluster's drill: reads the drill cluster (the query polls while it or its HSM is in
 * transition) and runs the step the drill needs next (nextDrillStep): add the HSM once the cluster allows
 * it, note when the HSM is ACTIVE, and when deleting, remove the HSM and then the cluster. Every view of the
 * drill calls this; a step already running in this tab is not sent twice, and each step is decided from
 * what the service shows, so a reload picks up where it was.
 */
import { useEffect } from 'react';
import { useClusterQuery, type AwsRequestError, type ClusterWithExtras } from '../../../aws';
import { useCreateHsmMutation, useDeleteClusterMutation, useDeleteHsmMutation } from '../../../aws/actions';
import { nextDrillStep, type DrillFailure, type DrillRecord, type DrillStep } from '../../../cloudhsm/drills';
import { drillStore } from './drillStore';

/** Steps sent and not yet answered, in this tab: `<drill cluster>:<step>`. */
const inFlight = new Set<string>();

export const failureOf = (error: AwsRequestError): DrillFailure => {
  const { operation, region, code, message, title, requestId, status, retryable } = error.info;
  return { operation, region, code, message, title, requestId, status, retryable };
};

export interface DrillFollow {
  /** The drill cluster as last described: undefined until read, null once it is no longer listed. */
  cluster: ClusterWithExtras | null | undefined;
  step: DrillStep;
  /** Describing the drill cluster failed (the drill goes on; the next poll may work). */
  readError: AwsRequestError | null;
}

export function useDrillFollower(record: DrillRecord | undefined): DrillFollow {
  const region = record?.region ?? '';
  const query = useClusterQuery(region, record?.drillClusterId);
  const createHsm = useCreateHsmMutation(region);
  const deleteHsm = useDeleteHsmMutation(region);
  const deleteCluster = useDeleteClusterMutation(region);
  const step: DrillStep = record ? nextDrillStep(record, query.data) : { kind: 'wait' };
  const seenAt = query.dataUpdatedAt;
  const stepKey = record ? `${record.drillClusterId}:${step.kind}:${'hsmId' in step ? step.hsmId : ''}` : '';

  useEffect(() => {
    if (!record || inFlight.has(stepKey)) return;
    const id = record.sourceClusterId;
    const ClusterId = record.drillClusterId;
    const run = <T>(send: () => Promise<T>, done?: (result: T) => void) => {
      inFlight.add(stepKey);
      send()
        .then((result) => done?.(result))
        .catch((error: AwsRequestError) => drillStore.dispatch({ type: 'failed', sourceClusterId: id, failure: failureOf(error) }))
        .finally(() => inFlight.delete(stepKey));
    };
    switch (step.kind) {
      case 'createHsm':
        run(
          () => createHsm.mutateAsync({ ClusterId, AvailabilityZone: step.availabilityZone }),
          (hsm) => hsm?.HsmId && drillStore.dispatch({ type: 'hsmCreated', sourceClusterId: id, hsmId: hsm.HsmId }),
        );
        return;
      case 'adoptHsm':
        drillStore.dispatch({ type: 'hsmCreated', sourceClusterId: id, hsmId: step.hsmId });
        return;
      case 'restored':
        // When the poll that saw it ACTIVE answered, not when this effect ran.
        drillStore.dispatch({ type: 'restored', sourceClusterId: id, localNow: seenAt || Date.now() });
        return;
      case 'deleteHsm':
        run(() => deleteHsm.mutateAsync({ ClusterId, HsmId: step.hsmId }));
        return;
      case 'deleteCluster':
        run(() => deleteCluster.mutateAsync({ ClusterId }));
        return;
      case 'deleted':
        drillStore.dispatch({ type: 'deleted', sourceClusterId: id, localNow: seenAt || Date.now() });
        return;
      default:
        return;
    }
    // The step (and its key) says everything the effect acts on; the mutations' identities change each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stepKey]);

  return { cluster: query.data, step, readError: query.error };
}
