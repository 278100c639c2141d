/** Cluster mutations; each hook's invalidation is in invalidation.ts. */
import { DeleteClusterCommand, InitializeClusterCommand, type InitializeClusterResponse } from '@aws-sdk/client-cloudhsm-v2';
import type { ClusterWithExtras } from '../extensions/extras';
import { createClusterCommand, modifyClusterCommand, type CreateClusterInput, type ModifyClusterInput } from '../extensions/inputs';
import { invalidationsFor } from './invalidation';
import { useCloudHsmMutation } from './useCloudHsmMutation';

// The extension (clients.ts) puts the members 3.332 drops back on every Cluster output.
const clusterOf = (output: { Cluster?: object }): ClusterWithExtras | undefined => output.Cluster as ClusterWithExtras | undefined;

export const useCreateClusterMutation = (region: string) =>
  useCloudHsmMutation<CreateClusterInput, ClusterWithExtras | undefined>({
    operation: 'CreateCluster',
    region,
    call: async (client, input) => clusterOf(await client.send(createClusterCommand(input))),
    invalidates: () => invalidationsFor.createCluster(region),
  });

export interface InitializeClusterInput {
  ClusterId: string;
  /** The cluster's CSR signed by your issuing CA (PEM). */
  SignedCert: string;
  /** The issuing CA's certificate (PEM). */
  TrustAnchor: string;
}

export const useInitializeClusterMutation = (region: string) =>
  useCloudHsmMutation<InitializeClusterInput, InitializeClusterResponse>({
    operation: 'InitializeCluster',
    region,
    call: async (client, input) => {
      const { $metadata: _, ...result } = await client.send(new InitializeClusterCommand(input));
      return result;
    },
    invalidates: (input) => invalidationsFor.initializeCluster(region, input.ClusterId),
  });

export const useModifyClusterMutation = (region: string) =>
  useCloudHsmMutation<ModifyClusterInput, ClusterWithExtras | undefined>({
    operation: 'ModifyCluster',
    region,
    call: async (client, input) => clusterOf(await client.send(modifyClusterCommand(input))),
    invalidates: (input) => invalidationsFor.modifyCluster(region, input.ClusterId),
  });

export const useDeleteClusterMutation = (region: string) =>
  useCloudHsmMutation<{ ClusterId: string }, ClusterWithExtras | undefined>({
    operation: 'DeleteCluster',
    region,
    call: async (client, input) => clusterOf(await client.send(new DeleteClusterCommand(input))),
    invalidates: (input) => invalidationsFor.deleteCluster(region, input.ClusterId),
  });
