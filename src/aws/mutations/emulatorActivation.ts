/**
 * Emulator mode only: `POST /api/emulator/activate-cluster` does what `cloudhsm-cli cluster activate` does
 * (there is no HSM for the CLI to talk to). Not an AWS operation, so it is not sent through the SDK client;
 * its failures still become AwsRequestError so the page shows them like any other.
 */
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import type { ActivateClusterRequest } from '../../cloudhsm/api';
import { AwsRequestError } from '../errors';
import { requestLocalApi } from '../localApi';
import { invalidationsFor } from './invalidation';

export function useActivateClusterInEmulatorMutation(region: string): UseMutationResult<void, AwsRequestError, { ClusterId: string }> {
  const { clients } = useAwsSettings();
  const queryClient = useQueryClient();
  return useMutation<void, AwsRequestError, { ClusterId: string }>({
    mutationKey: ['emulator', region, 'ActivateCluster'],
    mutationFn: async ({ ClusterId }) => {
      const body: ActivateClusterRequest = { region, clusterId: ClusterId };
      try {
        await requestLocalApi({
          baseUrl: clients.baseUrl,
          path: '/api/emulator/activate-cluster',
          method: 'POST',
          body,
          operation: 'ActivateCluster (emulator)',
          region,
        });
      } catch (error) {
        if (error instanceof AwsRequestError && error.info.code !== 'NetworkError') {
          throw new AwsRequestError({ ...error.info, title: 'The emulator refused to activate the cluster' }, { cause: error });
        }
        throw error;
      }
    },
    onSuccess: async (_result, { ClusterId }) => {
      await Promise.all(
        invalidationsFor.activateClusterInEmulator(region, ClusterId).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}
