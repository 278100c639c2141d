/** Resource-policy mutations (backups, by ARN), through the extension commands; invalidation in invalidation.ts. */
import {
  DeleteResourcePolicyCommand,
  PutResourcePolicyCommand,
  sendResourcePolicyCommand,
  type DeleteResourcePolicyInput,
  type PutResourcePolicyInput,
} from '../extensions/resourcePolicyCommands';
import { invalidationsFor } from './invalidation';
import { resourceChange } from './useCloudHsmMutation';

/** Both answer with a policy document: the one put, or the one removed (if there was one). */
const policyChange = resourceChange('ResourceArn', (output: { Policy?: string }) => output.Policy);

export const usePutResourcePolicyMutation = policyChange<PutResourcePolicyInput>(
  'PutResourcePolicy',
  (client, input) => sendResourcePolicyCommand(client, new PutResourcePolicyCommand(input)),
  invalidationsFor.putResourcePolicy,
);
export const useDeleteResourcePolicyMutation = policyChange<DeleteResourcePolicyInput>(
  'DeleteResourcePolicy',
  (client, input) => sendResourcePolicyCommand(client, new DeleteResourcePolicyCommand(input)),
  invalidationsFor.deleteResourcePolicy,
);
