/** Resource-policy mutations (backups, by ARN), through the extension commands; invalidation in invalidation.ts. */
import {
  DeleteResourcePolicyCommand,
  PutResourcePolicyCommand,
  sendResourcePolicyCommand,
  type DeleteResourcePolicyInput,
  type PutResourcePolicyInput,
} from '../extensions/resourcePolicyCommands';
import { resourceChange, type ResourceRule, type Send } from './useCloudHsmMutation';

/** Both answer with a policy document: the one put, or the one removed (if there was one). */
/*#__NO_SIDE_EFFECTS__*/
function policyChange<Variables extends { ResourceArn: string }>(
  operation: string,
  send: Send<Variables, { Policy?: string }>,
  rule: ResourceRule,
) {
  return resourceChange({ member: 'ResourceArn', pick: (output: { Policy?: string }) => output.Policy }, operation, send, rule);
}

export const usePutResourcePolicyMutation = policyChange<PutResourcePolicyInput>(
  'PutResourcePolicy',
  (client, input) => sendResourcePolicyCommand(client, new PutResourcePolicyCommand(input)),
  'putResourcePolicy',
);
export const useDeleteResourcePolicyMutation = policyChange<DeleteResourcePolicyInput>(
  'DeleteResourcePolicy',
  (client, input) => sendResourcePolicyCommand(client, new DeleteResourcePolicyCommand(input)),
  'deleteResourcePolicy',
);
