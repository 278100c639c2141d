import type { OperationContext } from '../context';
import { EmulatorError, invalidRequest, notFound } from '../errors';
import type { OperationInputs } from '../model/inputs';
import type { BackupRecord } from '../types';

/** Only backups support resource policies, and only the owner can manage them. */
function policyTarget(ctx: OperationContext, arn: string | undefined): BackupRecord {
  if (arn === undefined) throw invalidRequest('ResourceArn is required.');
  const match = /^arn:[^:]+:cloudhsm:([^:]+):(\d{12}):(backup|cluster|hsm)\/([a-z]+-[2-7a-zA-Z]+)$/.exec(arn);
  if (!match) throw invalidRequest(`ResourceArn ${arn} is not a CloudHSM ARN.`);
  const [, region, account, type, id] = match as unknown as [string, string, string, string, string];
  if (type !== 'backup') throw invalidRequest(`Resource policies are supported on backups only; ${arn} is a ${type}.`);
  if (account !== ctx.account) {
    throw new EmulatorError(
      'CloudHsmAccessDeniedException',
      `Backup ${id} belongs to account ${account}; only its owner can manage its resource policy.`,
    );
  }
  const backup = ctx.store.peekRegion(account, region)?.backups.get(id);
  if (region !== ctx.region || !backup) throw notFound(`Backup ${id} was not found in ${ctx.region}.`);
  return backup;
}

function checkPolicyDocument(policy: string): void {
  let document: unknown;
  try {
    document = JSON.parse(policy);
  } catch {
    throw invalidRequest('Policy is not valid JSON.');
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document) || !('Statement' in document)) {
    throw invalidRequest('Policy must be a JSON policy document with a Statement.');
  }
}

export function putResourcePolicy(
  ctx: OperationContext,
  input: OperationInputs['PutResourcePolicy'],
): { ResourceArn: string; Policy: string } {
  const backup = policyTarget(ctx, input.ResourceArn);
  if (input.Policy === undefined) throw invalidRequest('Policy is required.');
  checkPolicyDocument(input.Policy);
  if (backup.BackupState !== 'READY') {
    throw invalidRequest(`Backup ${backup.BackupId} is ${backup.BackupState}; a resource policy can only be put on a READY backup.`);
  }
  backup.Policy = input.Policy;
  ctx.store.putBackup(ctx.state, backup);
  return { ResourceArn: input.ResourceArn!, Policy: input.Policy };
}

/** What the real service answers for a backup without a policy (recorded in Cloud Custodian's test data). */
export const NO_POLICY = '{}';

export function getResourcePolicy(ctx: OperationContext, input: OperationInputs['GetResourcePolicy']): { Policy: string } {
  const backup = policyTarget(ctx, input.ResourceArn);
  return { Policy: backup.Policy ?? NO_POLICY };
}

export function deleteResourcePolicy(
  ctx: OperationContext,
  input: OperationInputs['DeleteResourcePolicy'],
): { ResourceArn: string; Policy?: string } {
  const backup = policyTarget(ctx, input.ResourceArn);
  const removed = backup.Policy;
  delete backup.Policy;
  ctx.store.putBackup(ctx.state, backup);
  return removed === undefined ? { ResourceArn: input.ResourceArn! } : { ResourceArn: input.ResourceArn!, Policy: removed };
}
