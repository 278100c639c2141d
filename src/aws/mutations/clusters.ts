/** Cluster mutations; each hook's invalidation is in invalidation.ts. */
import { DeleteClusterCommand, InitializeClusterCommand, type InitializeClusterResponse } from '@aws-sdk/client-cloudhsm-v2';
import type { ClusterWithExtras } from '../extensions/extras';
import { createClusterCommand, modifyClusterCommand, type CreateClusterInput, type ModifyClusterInput } from '../extensions/inputs';
import { invalidationsFor } from './invalidation';
import { mutationFor, ofResource, resourceChange, sender } from './useCloudHsmMutation';

// The extension (clients.ts) puts the members 3.332 drops back on every Cluster output.
const clusterOf = (output: { Cluster?: object }): ClusterWithExtras | undefined => output.Cluster as ClusterWithExtras | undefined;

/** A change to one cluster; the hook resolves to the cluster as it is now. */
const clusterChange = resourceChange('ClusterId', clusterOf);

export const useCreateClusterMutation = mutationFor<CreateClusterInput, ClusterWithExtras | undefined>({
  operation: 'CreateCluster',
  call: async (client, input) => clusterOf(await client.send(createClusterCommand(input))),
  invalidates: invalidationsFor.createCluster,
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
  invalidates: ofResource('ClusterId', invalidationsFor.initializeCluster),
});

export const useModifyClusterMutation = clusterChange<ModifyClusterInput>(
  'ModifyCluster',
  (client, input) => client.send(modifyClusterCommand(input)),
  invalidationsFor.modifyCluster,
);
export const useDeleteClusterMutation = clusterChange<{ ClusterId: string }>(
  'DeleteCluster',
  sender(DeleteClusterCommand),
  invalidationsFor.deleteCluster,
);
