/** The shape every mutation hook shares: call through the region's client, map errors, invalidate on success. */
import type { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';
import { useMutation, useQueryClient, type QueryKey, type UseMutationResult } from '@tanstack/react-query';
import { useAwsSettings } from '../context';
import { withAwsErrors, type AwsRequestError } from '../errors';
import { patchBackupInWindows } from '../queries/backupWindow';
import { describeBackup } from '../queries/fetchers';
import { backupChangedBy } from './invalidation';

export interface CloudHsmMutationSpec<Variables, Result> {
  operation: string;
  region: string;
  call: (client: CloudHSMV2Client, variables: Variables) => Promise<Result>;
  /**
   * The keys this call changed (see invalidation.ts). Also refreshed when the call is refused: a refusal
   * usually means the page's view was stale (someone else changed the resource), so it must show the truth.
   */
  invalidates: (variables: Variables, result: Result | undefined) => QueryKey[];
}

export function useCloudHsmMutation<Variables, Result>(
  spec: CloudHsmMutationSpec<Variables, Result>,
): UseMutationResult<Result, AwsRequestError, Variables> {
  const { clients } = useAwsSettings();
  const queryClient = useQueryClient();
  const { operation, region, call, invalidates } = spec;
  const refreshInWindows = async (backupRegion: string, backupId: string): Promise<void> => {
    try {
      const fresh = await describeBackup(clients.forRegion(backupRegion), backupId);
      if (fresh) patchBackupInWindows(queryClient, backupRegion, fresh);
    } catch {
      // The call itself succeeded; the windows show the change on their next refresh.
    }
  };
  return useMutation<Result, AwsRequestError, Variables>({
    mutationKey: ['cloudhsm', region, operation],
    mutationFn: (variables) => withAwsErrors({ operation, region }, () => call(clients.forMutation(region), variables)),
    // Returned, so the mutation stays pending until the changed queries have refetched.
    onSuccess: async (result, variables) => {
      const changed = backupChangedBy(operation, region, variables as { BackupId?: string; ResourceId?: string });
      await Promise.all([
        ...invalidates(variables, result).map((queryKey) => queryClient.invalidateQueries({ queryKey })),
        // The windowed lists hold this backup somewhere in their pages: patch its new state in.
        changed && refreshInWindows(changed.region, changed.backupId),
      ]);
    },
    // Not awaited: the error shows at once while the views refetch behind it.
    onError: (_error, variables) => {
      for (const queryKey of invalidates(variables, undefined)) void queryClient.invalidateQueries({ queryKey });
      const changed = backupChangedBy(operation, region, variables as { BackupId?: string; ResourceId?: string });
      if (changed) void refreshInWindows(changed.region, changed.backupId);
    },
  });
}
