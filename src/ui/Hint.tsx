/**
 * Short text whose explanation shows on hover (and on keyboard focus when `focusable`), in the kit's tooltip:
 * "unknown" in a list cell, with why it is unknown. Screen readers get the explanation as the text's
 * description and, in reading order, as visually hidden text, as DateTime does with its second reading.
 * Without a hint it is the plain text.
 */
import { useId, type ReactNode } from 'react';
import { useTooltip } from './Tooltip';

export interface HintProps {
  children: ReactNode;
  /** The explanation; none: plain text. */
  hint?: string | null;
  /** In the tab order so keyboard users reach the hint (default true). Dense tables pass false, as for DateTime. */
  focusable?: boolean;
  className?: string;
  'data-testid'?: string;
}

export function Hint({ children, hint, focusable = true, className = '', ...rest }: HintProps) {
  const descriptionId = useId();
  const { setAnchor, handlers, bubble } = useTooltip<HTMLSpanElement>(hint || null);
  if (!hint) {
    return (
      <span className={className} data-testid={rest['data-testid']}>
        {children}
      </span>
    );
  }
  return (
    <>
      <span
        ref={setAnchor}
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- focusable so keyboard users reach the hint
        tabIndex={focusable ? 0 : undefined}
        aria-describedby={focusable ? descriptionId : undefined}
        data-testid={rest['data-testid']}
        className={`rounded-sm underline decoration-slate-400 decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:decoration-slate-500 ${className}`}
        {...handlers}
      >
        {children}
      </span>
      <span className="sr-only">
        {' ('}
        <span id={descriptionId}>{hint}</span>)
      </span>
      {bubble}
    </>
  );
}
