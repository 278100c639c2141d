/**
 * A button that starts a change. When it cannot be used (read-only session, wrong state) it stays focusable
 * (aria-disabled, not disabled) so keyboard and screen-reader users can reach it and hear why; the reason is
 * its description and its tooltip, and clicks do nothing.
 */
import { forwardRef, useId, type ButtonHTMLAttributes, type MouseEvent } from 'react';
import { buttonClass } from '../buttons';
import { useReadOnlyReason } from './readOnly';

export interface ActionButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  variant?: keyof typeof buttonClass;
  /** Why the action is not possible now (besides read-only); null or undefined when it is. */
  disabledReason?: string | null;
  /** The work the button started is running: it shows so and ignores clicks. */
  pending?: boolean;
  pendingLabel?: string;
  /** Show the reason as visible text next to the button as well (default: tooltip and description only). */
  showReason?: boolean;
  /** The button changes nothing on the server (e.g. adds a form row), so read-only sessions keep it. */
  local?: boolean;
}

export const ActionButton = forwardRef<HTMLButtonElement, ActionButtonProps>(function ActionButton(
  { variant = 'secondary', disabledReason, pending = false, pendingLabel, showReason = false, local = false, className, onClick, children, type = 'button', ...rest },
  ref,
) {
  const readOnlySession = useReadOnlyReason();
  const readOnly = local ? null : readOnlySession;
  const reason = readOnly ?? disabledReason ?? null;
  const reasonId = useId();
  const off = reason !== null || pending;
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (off) {
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };
  return (
    <>
      <button
        ref={ref}
        type={type}
        {...rest}
        aria-disabled={off || undefined}
        aria-busy={pending || undefined}
        aria-describedby={reason ? reasonId : rest['aria-describedby']}
        title={reason ?? rest.title}
        data-disabled-reason={reason ?? undefined}
        className={`${buttonClass[variant]} ${className ?? ''}`}
        onClick={handleClick}
      >
        {pending && <span aria-hidden="true" className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-current border-t-transparent" />}
        {pending && pendingLabel ? pendingLabel : children}
      </button>
      {reason && (
        <span id={reasonId} className={showReason ? 'ml-2 text-xs text-slate-600 dark:text-slate-400' : 'sr-only'} data-testid="disabled-reason">
          {reason}
        </span>
      )}
    </>
  );
});
