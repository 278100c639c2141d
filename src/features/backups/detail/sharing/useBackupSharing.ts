/**
 * A backup's sharing as its page reads it: the policy (GetResourcePolicy) read into accounts, and whether the
 * shown account may change it. The changes (useSendPolicyChange) rebuild the document from the policy as last
 * read; their invalidation reads it again afterwards.
 */
import { useMemo } from 'react';
import { useResourcePolicyQuery, useSessionQuery, type BackupWithExtras } from '../../../../aws';
import { useDeleteResourcePolicyMutation, usePutResourcePolicyMutation } from '../../../../aws/actions';
import { parseBackupArn } from '../../../../cloudhsm/ids';
import { readSharePolicy, sharingBlockedReason, type PolicyChange } from '../../../../cloudhsm/sharing';

export interface BackupSharingTarget {
  region: string;
  backup: BackupWithExtras;
  /** The shown account whose backup this is (undefined: the base account). */
  account?: string;
}

export function useBackupSharing({ region, backup, account }: BackupSharingTarget) {
  const arn = backup.BackupArn ?? '';
  const session = useSessionQuery();
  const shownAccount = account ?? session.data?.accountId;
  const owner = parseBackupArn(arn)?.account;
  // Only the owner may read the policy: another account's backup is not asked about (AWS would refuse).
  const ownedElsewhere = owner !== undefined && shownAccount !== undefined && owner !== shownAccount;
  const policy = useResourcePolicyQuery(region, arn === '' || ownedElsewhere ? undefined : arn, account);
  const read = useMemo(() => readSharePolicy(policy.data), [policy.data]);
  const blockedReason =
    arn === '' ? 'The service did not give this backup’s ARN, which a resource policy names.' : sharingBlockedReason(backup, shownAccount);
  return { region, account, arn, backup, owner: owner ?? shownAccount, ownedElsewhere, policy, read, blockedReason };
}

export type BackupSharing = ReturnType<typeof useBackupSharing>;

/** Sends a change: PutResourcePolicy with the new document, or DeleteResourcePolicy when nothing is left. */
export function useSendPolicyChange({ region, account, arn }: Pick<BackupSharing, 'region' | 'account' | 'arn'>) {
  const put = usePutResourcePolicyMutation(region, account);
  const remove = useDeleteResourcePolicyMutation(region, account);
  return {
    /** Resolves once the change is made and the policy read again; rejects with the AWS error. */
    send: async (change: Exclude<PolicyChange, { kind: 'refused' }>): Promise<void> => {
      if (change.kind === 'delete') await remove.mutateAsync({ ResourceArn: arn });
      else await put.mutateAsync({ ResourceArn: arn, Policy: change.policy });
    },
    pending: put.isPending || remove.isPending,
    error: put.error ?? remove.error,
    reset: () => {
      put.reset();
      remove.reset();
    },
  };
}
