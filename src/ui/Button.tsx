/**
 * The kit's button. A button that cannot be used now says why: with `disabledReason` it is aria-disabled, not
 * disabled, so it stays in the tab order and keyboard and screen-reader users reach it and hear the reason
 * (its description); sighted users see the reason in a tooltip on hover and on focus (or inline, next to
 * it). Clicks, Enter and Space do nothing while it is off or `loading`. Looks come from ./buttons.
 */
import {
  forwardRef,
  useCallback,
  useId,
  type ButtonHTMLAttributes,
  type ForwardedRef,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { buttonClasses, type ButtonSize, type ButtonVariant } from './buttons';
import { StatusIcon } from './icons';
import { callBoth, useTooltip } from './Tooltip';

interface OwnProps {
  /** `secondary` is the older name of `normal`. Default `normal`. */
  variant?: ButtonVariant | 'secondary';
  size?: ButtonSize;
  /** Work this button started is running: a spinner, `loadingText` if given, and clicks are ignored. */
  loading?: boolean;
  loadingText?: string;
  /** Why the button cannot be used now (null or undefined when it can). */
  disabledReason?: string | null;
  /** Where sighted users read the reason: a tooltip on hover and focus (default) or a line of text beside the button. */
  reasonDisplay?: 'tooltip' | 'inline';
  /** data-testid of the reason's text (default `disabled-reason`). */
  reasonTestId?: string;
}

type NativeProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'children'>;

/** An icon-only button has no words, so it must have an accessible name (checked by the compiler). */
export type ButtonProps = OwnProps &
  NativeProps &
  (
    | { variant: 'icon'; 'aria-label': string; children: ReactNode }
    | { variant?: Exclude<ButtonVariant, 'icon'> | 'secondary'; children?: ReactNode }
  );

/** One node, several refs: the caller's (forwarded) and the tooltip's anchor. */
function setRefs<T>(node: T | null, ...refs: (Ref<T> | undefined)[]): void {
  for (const ref of refs) {
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  }
}

export const Button = forwardRef(function Button(props: ButtonProps, ref: ForwardedRef<HTMLButtonElement>) {
  const {
    variant = 'normal',
    size = 'md',
    loading = false,
    loadingText,
    disabledReason,
    reasonDisplay = 'tooltip',
    reasonTestId = 'disabled-reason',
    className = '',
    type = 'button',
    onClick,
    children,
    ...rest
  } = props;
  const reason = disabledReason || null;
  const reasonId = useId();
  const off = reason !== null || loading;
  // A caller's own `title` keeps the browser's hover tooltip; then ours shows on focus only, never both at once.
  const tooltip = useTooltip<HTMLButtonElement>(reason, { enabled: reasonDisplay === 'tooltip', hover: rest.title === undefined });
  const setAnchor = tooltip.setAnchor;
  const setNode = useCallback((node: HTMLButtonElement | null) => setRefs(node, ref, setAnchor), [ref, setAnchor]);
  const look = variant === 'secondary' ? 'normal' : variant;
  const describedBy = [reason ? reasonId : undefined, rest['aria-describedby']].filter(Boolean).join(' ') || undefined;

  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (off) {
      // preventDefault also keeps an off submit button from submitting its form.
      event.preventDefault();
      return;
    }
    onClick?.(event);
  };

  return (
    <>
      <button
        {...rest}
        ref={setNode}
        type={type}
        aria-disabled={off || undefined}
        aria-busy={loading || undefined}
        aria-describedby={describedBy}
        data-disabled-reason={reason ?? undefined}
        className={`${buttonClasses(look, size)} ${className}`}
        onClick={handleClick}
        onPointerEnter={callBoth(tooltip.handlers.onPointerEnter, rest.onPointerEnter)}
        onPointerLeave={callBoth(tooltip.handlers.onPointerLeave, rest.onPointerLeave)}
        onFocus={callBoth(tooltip.handlers.onFocus, rest.onFocus)}
        onBlur={callBoth(tooltip.handlers.onBlur, rest.onBlur)}
        onKeyDown={callBoth(tooltip.handlers.onKeyDown, rest.onKeyDown)}
      >
        {loading && <StatusIcon name="in-progress" />}
        {loading && loadingText ? loadingText : loading && look === 'icon' ? null : children}
      </button>
      {reason && (
        // The description screen readers hear; shown as text when inline, else visually hidden (the tooltip shows it).
        <span
          id={reasonId}
          data-testid={reasonTestId}
          className={reasonDisplay === 'inline' ? 'ml-2 text-xs text-slate-600 dark:text-slate-400' : 'sr-only'}
        >
          {reason}
        </span>
      )}
      {tooltip.bubble}
    </>
  );
});
