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
import { invalidationsFor } from './invalidation';
import { useCloudHsmMutation } from './useCloudHsmMutation';

// The extension (clients.ts) puts the members 3.332 drops back on every Backup output.
const backupOf = (output: { Backup?: object }): BackupWithExtras | undefined => output.Backup as BackupWithExtras | undefined;

export const useDeleteBackupMutation = (region: string) =>
  useCloudHsmMutation<{ BackupId: string }, BackupWithExtras | undefined>({
    operation: 'DeleteBackup',
    region,
    call: async (client, input) => backupOf(await client.send(new DeleteBackupCommand(input))),
    invalidates: (input) => invalidationsFor.deleteBackup(region, input.BackupId),
  });

export const useRestoreBackupMutation = (region: string) =>
  useCloudHsmMutation<{ BackupId: string }, BackupWithExtras | undefined>({
    operation: 'RestoreBackup',
    region,
    call: async (client, input) => backupOf(await client.send(new RestoreBackupCommand(input))),
    invalidates: (input) => invalidationsFor.restoreBackup(region, input.BackupId),
  });

export const useModifyBackupAttributesMutation = (region: string) =>
  useCloudHsmMutation<{ BackupId: string; NeverExpires: boolean }, BackupWithExtras | undefined>({
    operation: 'ModifyBackupAttributes',
    region,
    call: async (client, input) => backupOf(await client.send(new ModifyBackupAttributesCommand(input))),
    invalidates: (input) => invalidationsFor.modifyBackupAttributes(region, input.BackupId),
  });

export interface CopyBackupInput {
  BackupId: string;
  DestinationRegion: string;
  TagList?: Tag[];
}

/** Copies a backup of `region` to `DestinationRegion`; the copy is found there (sourceBackupIds filter). */
export const useCopyBackupMutation = (region: string) =>
  useCloudHsmMutation<CopyBackupInput, DestinationBackup | undefined>({
    operation: 'CopyBackupToRegion',
    region,
    call: async (client, input) => (await client.send(new CopyBackupToRegionCommand(input))).DestinationBackup,
    invalidates: (input) => invalidationsFor.copyBackupToRegion(input.DestinationRegion),
  });
