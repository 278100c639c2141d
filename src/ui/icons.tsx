/**
 * The one icon set for states: small inline SVGs, so no icon font or icon library lands in the first view.
 * Each meaning has its own SHAPE (a check, a triangle, an octagon with an x, an arc, a clock, a slashed
 * circle, an "i"), so a state reads without its colour: for colour-blind people, in greyscale, in print.
 * Icons are decorative by default (the words next to them carry the meaning); pass `label` when an icon
 * stands alone, and it becomes role="img" with that name.
 */
import type { ReactNode } from 'react';
import type { StatusIcon as StatusIconName } from '../cloudhsm/status';

export type { StatusIconName };

/** What each icon means, in words: the name of an icon that stands alone (Alert uses it for its type). */
export const ICON_WORDS: Record<StatusIconName, string> = {
  success: 'Success',
  warning: 'Warning',
  error: 'Error',
  'in-progress': 'In progress',
  pending: 'Pending',
  stopped: 'Stopped',
  info: 'Information',
};

// Strokes, not fills, so the shapes stay crisp at 1em and take the text colour (currentColor) in both themes.
const PATHS: Record<StatusIconName, ReactNode> = {
  success: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M5 8.2 7.1 10.3 11 6" />
    </>
  ),
  warning: (
    <>
      <path d="M8 1.8 14.8 13.6H1.2Z" />
      <path d="M8 6v3.4M8 11.4v.1" />
    </>
  ),
  error: (
    <>
      <path d="M5.3 1.5h5.4l3.8 3.8v5.4l-3.8 3.8H5.3l-3.8-3.8V5.3Z" />
      <path d="m5.8 5.8 4.4 4.4m0-4.4-4.4 4.4" />
    </>
  ),
  // An open arc: it reads as "moving" even where motion is reduced and it does not spin.
  'in-progress': <path d="M8 1.5A6.5 6.5 0 1 1 1.5 8" />,
  pending: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 4.5V8l2.5 1.5" />
    </>
  ),
  stopped: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="m3.4 12.6 9.2-9.2" />
    </>
  ),
  info: (
    <>
      <circle cx="8" cy="8" r="6.5" />
      <path d="M8 7.2v4M8 4.6v.1" />
    </>
  ),
};

export interface IconProps {
  name: StatusIconName;
  /** Set only when the icon stands alone: it is then an image with this name. */
  label?: string;
  className?: string;
}

/** What every icon of the kit is: a 16-unit line drawing, 1em square, stroked in the current text colour. */
const LINE_ICON = {
  viewBox: '0 0 16 16',
  width: '1em',
  height: '1em',
  fill: 'none',
  stroke: 'currentColor',
  strokeLinecap: 'round',
} as const;

/** One state icon, 1em square, in the current text colour. The spinner turns only when motion is welcome. */
export function StatusIcon({ name, label, className = '' }: IconProps) {
  const spin = name === 'in-progress' ? 'motion-safe:animate-spin' : '';
  return (
    <svg
      {...LINE_ICON}
      strokeWidth="1.6"
      strokeLinejoin="round"
      className={`inline-block shrink-0 ${spin} ${className}`}
      data-icon={name}
      focusable="false"
      {...(label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true })}
    >
      {PATHS[name]}
    </svg>
  );
}

/** The × of dismiss buttons (the button carries the name). */
export function CloseIcon({ className = '' }: { className?: string }) {
  return (
    <svg {...LINE_ICON} strokeWidth="1.8" className={`inline-block shrink-0 ${className}`} aria-hidden="true" focusable="false">
      <path d="m4 4 8 8m0-8-8 8" />
    </svg>
  );
}
