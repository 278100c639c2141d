/** Resource-policy mutations (backups, by ARN), through the extension commands; invalidation in invalidation.ts. */
import {
  DeleteResourcePolicyCommand,
  PutResourcePolicyCommand,
  sendResourcePolicyCommand,
  type PutResourcePolicyInput,
} from '../extensions/resourcePolicyCommands';
import { invalidationsFor } from './invalidation';
import { useCloudHsmMutation } from './useCloudHsmMutation';

export const usePutResourcePolicyMutation = (region: string) =>
  useCloudHsmMutation<PutResourcePolicyInput, string | undefined>({
    operation: 'PutResourcePolicy',
    region,
    call: async (client, input) => (await sendResourcePolicyCommand(client, new PutResourcePolicyCommand(input))).Policy,
    invalidates: (input) => invalidationsFor.putResourcePolicy(region, input.ResourceArn),
  });

/** Resolves to the policy that was removed, if there was one. */
export const useDeleteResourcePolicyMutation = (region: string) =>
  useCloudHsmMutation<{ ResourceArn: string }, string | undefined>({
    operation: 'DeleteResourcePolicy',
    region,
    call: async (client, input) => (await sendResourcePolicyCommand(client, new DeleteResourcePolicyCommand(input))).Policy,
    invalidates: (input) => invalidationsFor.deleteResourcePolicy(region, input.ResourceArn),
  });
