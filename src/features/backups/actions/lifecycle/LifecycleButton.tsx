/**
 * The button of a backup's delete or restore: its words (also the delete confirmation's), the reason it is off
 * in this state shown beside it (backupRules), and "…ing" while the request runs.
 */
import type { BackupWithExtras } from '../../../../aws';
import { ActionButton } from '../../../../ui/actions';
import { deleteBlockedReason, restoreBlockedReason } from '../backupRules';

export const LIFECYCLE = {
  delete: { label: 'Delete backup', pendingLabel: 'Deleting…', variant: 'danger', blockedReason: deleteBlockedReason },
  restore: { label: 'Restore backup', pendingLabel: 'Restoring…', variant: 'primary', blockedReason: restoreBlockedReason },
} as const;

export interface LifecycleButtonProps {
  action: keyof typeof LIFECYCLE;
  backup: BackupWithExtras;
  pending: boolean;
  onClick: () => void;
}

export function LifecycleButton({ action, backup, pending, onClick }: LifecycleButtonProps) {
  const { label, pendingLabel, variant, blockedReason } = LIFECYCLE[action];
  return (
    <ActionButton
      variant={variant}
      disabledReason={blockedReason(backup)}
      onClick={onClick}
      pending={pending}
      pendingLabel={pendingLabel}
      showReason
      data-testid={`${action}-backup`}
    >
      {label}
    </ActionButton>
  );
}
