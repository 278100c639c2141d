/** Backup mutations; each hook's invalidation is in invalidation.ts. */
import {
  CopyBackupToRegionCommand,
  DeleteBackupCommand,
  ModifyBackupAttributesCommand,
  RestoreBackupCommand,
  type DestinationBackup,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import type { BackupWithExtras } from '../extensions/extras';
import { accountOf } from '../keys';
import { invalidationsFor } from './invalidation';
import { mutationFor, resourceChange, sender, type ResourceRule, type Send } from './useCloudHsmMutation';

// The extension (clients.ts) puts the members 3.332 drops back on every Backup output.
const backupOf = (output: { Backup?: object }): BackupWithExtras | undefined => output.Backup as BackupWithExtras | undefined;

type OneBackup = { BackupId: string };

/** A change to one backup in place; the hook resolves to the backup as it is now. */
/*#__NO_SIDE_EFFECTS__*/
function backupChange<Variables extends OneBackup>(operation: string, send: Send<Variables, { Backup?: object }>, rule: ResourceRule) {
  return resourceChange({ member: 'BackupId', pick: backupOf }, operation, send, rule);
}

export const useDeleteBackupMutation = backupChange<OneBackup>('DeleteBackup', sender(DeleteBackupCommand), 'deleteBackup');
export const useRestoreBackupMutation = backupChange<OneBackup>('RestoreBackup', sender(RestoreBackupCommand), 'restoreBackup');
export const useModifyBackupAttributesMutation = backupChange<OneBackup & { NeverExpires: boolean }>(
  'ModifyBackupAttributes',
  sender(ModifyBackupAttributesCommand),
  'modifyBackupAttributes',
);

export interface CopyBackupInput {
  BackupId: string;
  DestinationRegion: string;
  TagList?: Tag[];
}

/** Copies a backup of `region` to `DestinationRegion`; the copy is found there (sourceBackupIds filter). */
export const useCopyBackupMutation = mutationFor<CopyBackupInput, DestinationBackup | undefined>({
  operation: 'CopyBackupToRegion',
  call: async (client, input) => (await client.send(new CopyBackupToRegionCommand(input))).DestinationBackup,
  // The copy lands in the same account, in the destination region.
  invalidates: (where, input) => invalidationsFor.copyBackupToRegion({ region: input.DestinationRegion, account: accountOf(where) }),
});
