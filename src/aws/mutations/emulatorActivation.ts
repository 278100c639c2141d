/**
 * Emulator mode only: `POST /api/emulator/activate-cluster` does what `cloudhsm-cli cluster activate` does
 * (there is no HSM for the CLI to talk to). Not an AWS operation, so it is not sent through the SDK client;
 * its failures still become AwsRequestError so the page shows them like any other.
 */
import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import { AwsRequestError } from '../errors';
import { invalidationsFor } from './invalidation';

export function useActivateClusterInEmulatorMutation(region: string): UseMutationResult<void, AwsRequestError, { ClusterId: string }> {
  const { clients } = useAwsSettings();
  const queryClient = useQueryClient();
  const baseUrl = (clients.baseUrl ?? window.location.origin).replace(/\/+$/, '');
  return useMutation<void, AwsRequestError, { ClusterId: string }>({
    mutationKey: ['emulator', region, 'ActivateCluster'],
    mutationFn: async ({ ClusterId }) => {
      const context = { operation: 'ActivateCluster (emulator)', region };
      let response: Response;
      try {
        response = await fetch(`${baseUrl}/api/emulator/activate-cluster`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify({ region, clusterId: ClusterId }),
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new AwsRequestError({ ...context, code: 'NetworkError', message, retryable: true, title: 'The dashboard server could not be reached' });
      }
      if (response.ok) return;
      const body = (await response.json().catch(() => ({}))) as { __type?: string; message?: string };
      throw new AwsRequestError({
        ...context,
        code: body.__type ?? 'UnknownError',
        message: body.message ?? `HTTP ${response.status}`,
        status: response.status,
        requestId: response.headers.get('x-amzn-RequestId') ?? undefined,
        retryable: response.status >= 500,
        title: 'The emulator refused to activate the cluster',
      });
    },
    onSuccess: async (_result, { ClusterId }) => {
      await Promise.all(invalidationsFor.activateClusterInEmulator(region, ClusterId).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });
}
