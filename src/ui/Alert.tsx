/**
 * A message box: error, warning, info or success, with an icon of its own shape and name (never colour
 * alone), an optional header, an action (one button or link) and a dismiss button.
 *
 * When it is announced (`live`), and how:
 * - live error/warning → role="alert": assertive, it interrupts. For what a person must hear now: a change
 *   they asked for failed, a load they wait for failed.
 * - live info/success → role="status": polite, said after the current speech ("Backup copied").
 * - not live → no role: part of the page, read in order (a warning about the resource as it is, the
 *   read-only banner). Announcing those on every page load would be noise.
 * Default: live for error and success (they are the outcome of something the person did or waited for), not
 * live for warning and info (they usually describe the page). Say `live` when the default is wrong.
 * A role="alert" is announced when it is inserted; a status is announced reliably only when its text changes
 * inside a region that was already there, so keep a success Alert mounted and change its text, or move focus.
 *
 * The ref reaches the box (tabIndex -1), so a caller can move focus to it, e.g. after a failed submit.
 */
import { forwardRef, type HTMLAttributes, type ReactNode } from 'react';
import { CloseIcon, ICON_WORDS, StatusIcon } from './icons';
import { MESSAGE_ICON, MESSAGE_ICON_NAME, MESSAGE_SURFACE, type MessageType } from './tone';

export type AlertType = MessageType;

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'role' | 'title'> {
  type: AlertType;
  header?: ReactNode;
  children?: ReactNode;
  /** One action, e.g. `<Button size="sm">Try again</Button>`. */
  action?: ReactNode;
  /** Shows a dismiss button (named by `dismissLabel`). */
  onDismiss?: () => void;
  dismissLabel?: string;
  /** Announce it (see above). Default: error and success yes, warning and info no. */
  live?: boolean;
}

/** The role an Alert takes: the one rule, in one place. */
export function alertRole(type: AlertType, live: boolean = type === 'error' || type === 'success'): 'alert' | 'status' | undefined {
  if (!live) return undefined;
  return type === 'error' || type === 'warning' ? 'alert' : 'status';
}

export const Alert = forwardRef<HTMLDivElement, AlertProps>(function Alert(
  { type, header, children, action, onDismiss, dismissLabel = 'Dismiss', live, className = '', ...rest },
  ref,
) {
  const iconName = MESSAGE_ICON_NAME[type];
  return (
    <div
      ref={ref}
      tabIndex={-1}
      {...rest}
      role={alertRole(type, live)}
      data-type={type}
      className={`flex items-start gap-2 rounded border p-3 text-sm break-words focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 ${MESSAGE_SURFACE[type]} ${className}`}
    >
      {/* Named ("Error", "Warning"...): the type is said in words even when the header does not say it. */}
      <StatusIcon name={iconName} label={ICON_WORDS[iconName]} className={`mt-0.5 text-base ${MESSAGE_ICON[type]}`} />
      <div className="flex min-w-0 flex-1 flex-wrap items-start gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1 basis-60">
          {header !== undefined && header !== null && <p className="font-semibold">{header}</p>}
          {children}
        </div>
        {action && <div className="flex shrink-0 flex-wrap gap-2">{action}</div>}
      </div>
      {onDismiss && (
        <button
          type="button"
          aria-label={dismissLabel}
          onClick={onDismiss}
          className="-m-1 shrink-0 rounded p-1 text-base hover:bg-black/5 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-white/10"
        >
          <CloseIcon />
        </button>
      )}
    </div>
  );
});
