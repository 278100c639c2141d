/** What the cluster starts from and how long its backups are kept. */
import { FormField } from '../../../ui';
import { backupMode } from './hsmTypes';
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from './retention';
import { RestoredClusterNote } from './prefill/PrefillNote';
import { RetentionDaysInput } from './RetentionDaysInput';
import { fieldError, type SectionProps } from './sections';
import { SourceBackupPicker } from './SourceBackupPicker';
import type { CreateClusterForm } from './useCreateClusterForm';

/** What a restore does, or why the list of backups is not there. */
function sourceBackupHelp({ values, backups }: CreateClusterForm): string {
  if (backups.isPending) return `Loading the READY backups of ${values.region}…`;
  if (backups.failed) {
    return `The backups of ${values.region} could not be listed (${backups.error?.info.code}); a backup id given in the link is still sent and AWS checks it.`;
  }
  const selected = backups.selected;
  if (selected && backups.sharedBy) {
    return `Shared by account ${backups.sharedBy}. The cluster starts ACTIVE with the users and keys of ${selected.BackupId} (${backupMode(selected) ?? 'mode unknown'}); they are put on its first HSM. It must use the backup's mode. Its ARN is sent as given.`;
  }
  if (backups.sharedUnchecked) {
    return `The backups shared with this account in ${values.region} could not all be read, so this ARN is not checked here; it is sent as given and AWS checks it.`;
  }
  if (selected) {
    return `The cluster starts ACTIVE with the users and keys of ${selected.BackupId} (${backupMode(selected) ?? 'mode unknown'}); they are put on its first HSM. It must use the backup's mode.`;
  }
  const count = backups.ready.length;
  return `${count} READY backup${count === 1 ? '' : 's'} in ${values.region}. Without one the cluster starts empty and UNINITIALIZED.`;
}

export function BackupSection({ form, ids, disabled, announceError }: SectionProps) {
  const { values, change, touch, backups } = form;
  return (
    <>
      <FormField
        label="Create from a backup (optional)"
        controlId={ids.sourceBackup}
        constraintText={sourceBackupHelp(form)}
        errorText={fieldError(form, 'sourceBackup')}
        announceError={announceError}
      >
        <SourceBackupPicker
          value={values.sourceBackupId}
          groups={backups.groups}
          loading={backups.isPending}
          loadError={backups.failed ? backups.error?.info.message : undefined}
          sharedBy={backups.sharedBy}
          disabled={disabled}
          onChange={(backupId) => {
            change({ sourceBackupId: backupId });
            touch('sourceBackup');
          }}
        />
      </FormField>
      {values.sourceBackupId !== '' && <RestoredClusterNote />}
      <FormField
        label="Backup retention (days)"
        controlId={ids.retention}
        constraintText={`${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS} days (AWS’s default is 90). Older backups are deleted by AWS, except the newest one and those marked “never expires”. Can be changed later.`}
        errorText={fieldError(form, 'retention')}
        announceError={announceError}
      >
        <RetentionDaysInput
          value={values.retentionDays}
          disabled={disabled}
          onChange={(retentionDays) => {
            change({ retentionDays });
            touch('retention');
          }}
        />
      </FormField>
    </>
  );
}
