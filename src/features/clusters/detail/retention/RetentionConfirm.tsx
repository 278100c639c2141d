/** What a new retention does to the cluster's backups, and the confirmation a deleting change needs. */
import { Alert, StatusIcon, StatusIndicator } from '../../../../ui';

/** What the new retention does to the cluster's backups, counted before anything is sent. */
export function RetentionImpact({
  id,
  loading,
  failed,
  warning,
}: {
  id: string;
  loading: boolean;
  failed: string | undefined;
  warning: string | null;
}) {
  if (loading) {
    return (
      <p id={id} className="text-sm" aria-live="polite">
        <StatusIndicator icon="in-progress" className="font-normal">
          Counting the backups this retention would delete…
        </StatusIndicator>
      </p>
    );
  }
  if (failed) {
    return (
      <Alert type="warning" id={id} data-testid="retention-impact">
        The cluster’s backups could not be listed ({failed}), so how many a shorter retention deletes is not known.
      </Alert>
    );
  }
  if (!warning) {
    return (
      <p id={id} className="text-sm" data-testid="retention-impact">
        No backup of this cluster is old enough to be deleted by this retention.
      </p>
    );
  }
  return (
    <Alert type="warning" id={id} data-testid="retention-impact">
      {warning}
    </Alert>
  );
}

export interface ConfirmDeletionProps {
  id: string;
  count: number;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Shown (and announced) when a save was tried without the tick. */
  missing: boolean;
  /** What the box is about: the impact above. */
  describedBy: string;
  disabled: boolean;
}

/**
 * "I understand N backups will be deleted": a checkbox with its label beside it (the kit's FormField puts the
 * label above its control), its error below in the kit's error look, in an always-present live region.
 */
export function ConfirmDeletion({ id, count, checked, onChange, missing, describedBy, disabled }: ConfirmDeletionProps) {
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          id={id}
          type="checkbox"
          className="size-4 accent-blue-700 dark:accent-blue-400"
          checked={checked}
          disabled={disabled}
          onChange={(e) => onChange(e.target.checked)}
          aria-invalid={missing || undefined}
          aria-describedby={missing ? `${id}-error` : describedBy}
        />
        I understand {count} {count === 1 ? 'backup' : 'backups'} will be deleted
      </label>
      <div aria-live="assertive">
        {missing && (
          <p
            id={`${id}-error`}
            className="flex items-baseline gap-1 text-sm text-red-700 dark:text-red-300"
            data-testid="retention-confirm-error"
          >
            <StatusIcon name="error" className="translate-y-[0.125em]" />
            <span>Tick the box to confirm, or keep a longer retention: nothing was changed.</span>
          </p>
        )}
      </div>
    </div>
  );
}
