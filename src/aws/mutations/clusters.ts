/** Cluster mutations; each hook's invalidation is in invalidation.ts. */
import { DeleteClusterCommand, InitializeClusterCommand, type InitializeClusterResponse } from '@aws-sdk/client-cloudhsm-v2';
import type { ClusterWithExtras } from '../extensions/extras';
import { createClusterCommand, modifyClusterCommand, type CreateClusterInput, type ModifyClusterInput } from '../extensions/inputs';
import { invalidationsFor } from './invalidation';
import { mutationFor, ofResource, resourceChange, sender, type ResourceRule, type Send } from './useCloudHsmMutation';

// The extension (clients.ts) puts the members 3.332 drops back on every Cluster output.
const clusterOf = (output: { Cluster?: object }): ClusterWithExtras | undefined => output.Cluster as ClusterWithExtras | undefined;

/** A change to one cluster; the hook resolves to the cluster as it is now. */
/*#__NO_SIDE_EFFECTS__*/
function clusterChange<Variables extends { ClusterId: string }>(
  operation: string,
  send: Send<Variables, { Cluster?: object }>,
  rule: ResourceRule,
) {
  return resourceChange({ member: 'ClusterId', pick: clusterOf }, operation, send, rule);
}

export const useCreateClusterMutation = mutationFor<CreateClusterInput, ClusterWithExtras | undefined>({
  operation: 'CreateCluster',
  call: async (client, input) => clusterOf(await client.send(createClusterCommand(input))),
  invalidates: (region) => invalidationsFor.createCluster(region),
});

export interface InitializeClusterInput {
  ClusterId: string;
  /** The cluster's CSR signed by your issuing CA (PEM). */
  SignedCert: string;
  /** The issuing CA's certificate (PEM). */
  TrustAnchor: string;
}

export const useInitializeClusterMutation = mutationFor<InitializeClusterInput, InitializeClusterResponse>({
  operation: 'InitializeCluster',
  call: async (client, input) => {
    const { $metadata: _, ...result } = await client.send(new InitializeClusterCommand(input));
    return result;
  },
  invalidates: ofResource('ClusterId', 'initializeCluster'),
});

export const useModifyClusterMutation = clusterChange<ModifyClusterInput>(
  'ModifyCluster',
  (client, input) => client.send(modifyClusterCommand(input)),
  'modifyCluster',
);
export const useDeleteClusterMutation = clusterChange<{ ClusterId: string }>(
  'DeleteCluster',
  sender(DeleteClusterCommand),
  'deleteCluster',
);
