/**
 * A button that starts a change: the kit's Button plus the session's read-only rule. When it cannot be used
 * (read-only session, wrong state) it stays focusable (aria-disabled, not disabled) so keyboard and
 * screen-reader users can reach it and hear why; the reason is its description and its tooltip, and clicks
 * do nothing.
 */
import { forwardRef, type ButtonHTMLAttributes } from 'react';
import { Button } from '../Button';
import { useReadOnlyReason } from './readOnly';

export interface ActionButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'disabled'> {
  /** `secondary` is the older name of `normal`. */
  variant?: 'primary' | 'secondary' | 'normal' | 'danger' | 'link';
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
  { variant = 'secondary', disabledReason, pending = false, pendingLabel, showReason = false, local = false, title, ...rest },
  ref,
) {
  const readOnlySession = useReadOnlyReason();
  const sessionReason = local ? null : readOnlySession;
  const reason = sessionReason ?? disabledReason ?? null;
  return (
    <Button
      ref={ref}
      {...rest}
      variant={variant}
      loading={pending}
      loadingText={pendingLabel}
      disabledReason={reason}
      // A read-only session is said once, by the page's banner: no grey line under every button for it.
      reasonDisplay={showReason && sessionReason === null ? 'inline' : 'tooltip'}
      // Kept for the callers and tests that read the reason from the title (the browser shows it on hover;
      // Button then shows its own tooltip on focus only). Drop it once they read the description instead.
      title={reason ?? title}
    />
  );
});
