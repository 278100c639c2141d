/**
 * Every action on one backup, for its page: copy to another region, delete or restore, never expires, and
 * create a cluster from it. Each control says why when it is off (state, read-only).
 */
import type { BackupWithExtras } from '../../../aws';
import { CopyBackupButton } from './CopyBackupButton';
import { CreateClusterFromBackupLink } from './CreateClusterFromBackupLink';
import { DeleteBackupButton } from './DeleteBackupButton';
import { NeverExpiresSwitch } from './NeverExpiresSwitch';
import { RestoreBackupButton } from './RestoreBackupButton';

export interface BackupActionsProps {
  region: string;
  backup: BackupWithExtras;
  /** Query string for links (the shell's regions). */
  linkSearch: string;
  regionsParam: string | null;
}

export function BackupActions({ region, backup, linkSearch, regionsParam }: BackupActionsProps) {
  return (
    <section aria-labelledby="backup-actions-heading" data-testid="backup-actions" className="flex flex-col gap-3">
      <h3 id="backup-actions-heading" className="text-lg font-semibold">
        Actions
      </h3>
      <div className="flex flex-col gap-1">
        <h4 className="text-sm font-medium">Copy to another region</h4>
        <CopyBackupButton region={region} backup={backup} />
      </div>
      {/* Both stay on the page (one of them off, saying why), so focus and the outcome stay put after either. */}
      <div className="flex flex-wrap gap-4">
        <DeleteBackupButton region={region} backup={backup} linkSearch={linkSearch} />
        <RestoreBackupButton region={region} backup={backup} linkSearch={linkSearch} />
      </div>
      <NeverExpiresSwitch region={region} backup={backup} />
      <div>
        <CreateClusterFromBackupLink region={region} backup={backup} regionsParam={regionsParam} />
      </div>
    </section>
  );
}
