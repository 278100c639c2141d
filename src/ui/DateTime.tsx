/**
 * A date, the same everywhere: UTC absolute text ("2026-11-20 14:03:05 UTC") in a <time dateTime=ISO>, and the
 * other reading (the relative time, "3 days ago"; or for `format="relative"`, the absolute time) on hover AND
 * on keyboard focus, in the kit's tooltip. Screen readers get that second reading as the element's
 * description and, in reading order, as visually hidden text. A missing or unreadable date shows "—".
 *
 * No `title` attribute: the browser's own tooltip would show a second, slower bubble on top of ours.
 * The relative time is computed when the component renders (and again when the tooltip opens); views
 * re-render on every refresh, which keeps it current enough for a coarse "3 days ago".
 */
import { useId, useState } from 'react';
import { formatRelative, formatUtc, formatUtcDate, NONE, toDate, type DateInput } from './dates';
import { useTooltip } from './Tooltip';

export type DateTimeFormat = 'datetime' | 'date' | 'relative';

export interface DateTimeProps {
  value: DateInput;
  /** `datetime` (default): UTC date and time; `date`: the UTC day; `relative`: "3 days ago". */
  format?: DateTimeFormat;
  /** "Now" for the relative reading (tests, or one clock for a whole table); default: the current time. */
  now?: DateInput;
  /**
   * In the tab order, so keyboard users can open the tooltip (default). Pass false in dense tables with
   * many dates per row: screen readers still hear both readings; pointer users still get the tooltip.
   */
  focusable?: boolean;
  className?: string;
  'data-testid'?: string;
}

export function DateTime({ value, format = 'datetime', now, focusable = true, className = '', ...rest }: DateTimeProps) {
  const date = toDate(value);
  const descriptionId = useId();
  // Read the clock when the tooltip opens (a state change re-renders), not only when the row first drew.
  const [clock, setClock] = useState(() => Date.now());
  const reference = now ?? clock;
  const absolute = format === 'date' ? formatUtcDate(date) : formatUtc(date);
  const relative = formatRelative(date, reference);
  const [text, other] = format === 'relative' ? [relative, formatUtc(date)] : [absolute, relative];
  const { setAnchor, handlers, bubble } = useTooltip<HTMLElement>(date ? other : null);

  if (!date) {
    return (
      <span className={className} data-testid={rest['data-testid']}>
        {NONE}
      </span>
    );
  }
  const refresh = () => setClock(Date.now());
  return (
    <>
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions -- Escape hides the tooltip, nothing more */}
      <time
        ref={setAnchor}
        dateTime={date.toISOString()}
        // Focusable so keyboard users reach the second reading (a tooltip trigger, not a control: nothing to
        // activate). Its only key is Escape, which hides the tooltip (WCAG 1.4.13).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={focusable ? 0 : undefined}
        aria-describedby={focusable ? descriptionId : undefined}
        data-testid={rest['data-testid']}
        className={`rounded-sm whitespace-nowrap underline decoration-slate-400 decoration-dotted underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:decoration-slate-500 ${className}`}
        onPointerEnter={(event) => {
          refresh();
          handlers.onPointerEnter(event);
        }}
        onPointerLeave={handlers.onPointerLeave}
        onFocus={(event) => {
          refresh();
          handlers.onFocus(event);
        }}
        onBlur={handlers.onBlur}
        onKeyDown={handlers.onKeyDown}
      >
        {text}
      </time>
      <span className="sr-only">
        {' ('}
        <span id={descriptionId}>{other}</span>)
      </span>
      {bubble}
    </>
  );
}
