/**
 * A small tooltip of our own (no Radix Tooltip / floating-ui in the first view): it shows on hover AND on
 * keyboard focus, stays while the pointer moves onto it, and Escape hides it (WCAG 1.4.13). It is drawn in a
 * portal with fixed position, so an `overflow: auto` table or a transformed dialog cannot clip or shift it;
 * it is clamped to the viewport so it fits at 390 px, and follows its trigger when the page scrolls.
 *
 * It is VISUAL only (aria-hidden): the same words must already be in the page for assistive tech, as the
 * trigger's aria-describedby target (Button's reason, DateTime's relative time). That keeps one source of
 * truth for screen readers whether or not the bubble is showing.
 */
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';

/** Handlers the trigger needs; compose them with the trigger's own (see `callBoth`). */
export interface TooltipTriggerHandlers<T extends HTMLElement> {
  onPointerEnter: (event: PointerEvent<T>) => void;
  onPointerLeave: (event: PointerEvent<T>) => void;
  onFocus: (event: FocusEvent<T>) => void;
  onBlur: (event: FocusEvent<T>) => void;
  onKeyDown: (event: KeyboardEvent<T>) => void;
}

export interface UseTooltip<T extends HTMLElement> {
  /** The trigger element's ref callback (a stable state setter). */
  setAnchor: (node: T | null) => void;
  handlers: TooltipTriggerHandlers<T>;
  open: boolean;
  /** Render this next to the trigger: the bubble (in a portal) while open, else nothing. */
  bubble: ReactNode;
}

/** Leaving the trigger for the bubble takes a moment; this grace keeps the bubble from flickering away. */
const LEAVE_GRACE_MS = 120;
const GAP_PX = 6;
const MARGIN_PX = 8;

/** Calls the kit's handler, then the caller's (both always run). */
export function callBoth<E>(ours: (event: E) => void, theirs: ((event: E) => void) | undefined): (event: E) => void {
  return (event) => {
    ours(event);
    theirs?.(event);
  };
}

export interface TooltipOptions {
  /** Off: no bubble at all (e.g. the words are already visible). */
  enabled?: boolean;
  /** Show on hover too (default). Off where the element keeps a native `title` for hover, to avoid two bubbles. */
  hover?: boolean;
}

export function useTooltip<T extends HTMLElement>(
  content: ReactNode,
  { enabled = true, hover = true }: TooltipOptions = {},
): UseTooltip<T> {
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const [anchor, setAnchor] = useState<T | null>(null);
  const leaveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const open = enabled && content !== null && content !== undefined && content !== '' && (hovered || focused) && !dismissed;

  const cancelLeave = () => clearTimeout(leaveTimer.current);
  const leaveSoon = () => {
    cancelLeave();
    leaveTimer.current = setTimeout(() => setHovered(false), LEAVE_GRACE_MS);
  };
  useEffect(() => () => clearTimeout(leaveTimer.current), []);

  const handlers: TooltipTriggerHandlers<T> = {
    onPointerEnter: () => {
      cancelLeave();
      if (hover) setHovered(true);
    },
    onPointerLeave: leaveSoon,
    onFocus: () => {
      setDismissed(false);
      setFocused(true);
    },
    onBlur: () => {
      setFocused(false);
      setDismissed(false);
    },
    onKeyDown: (event) => {
      if (event.key !== 'Escape' || !open) return;
      // Escape hides the bubble only; it must not also close the dialog around the trigger.
      event.stopPropagation();
      event.preventDefault();
      setDismissed(true);
    },
  };

  const bubble = open && anchor ? <Bubble anchor={anchor} onEnter={cancelLeave} onLeave={leaveSoon} content={content} /> : null;
  return { setAnchor, handlers, open, bubble };
}

interface BubbleProps {
  anchor: HTMLElement;
  content: ReactNode;
  onEnter: () => void;
  onLeave: () => void;
}

function Bubble({ anchor, content, onEnter, onLeave }: BubbleProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ top: number; left: number } | null>(null);
  // Measured before paint: below the trigger, or above it when there is no room; never off the sides. Again
  // on scroll and resize, so it follows its trigger (focus scrolls an off-screen trigger into view).
  useLayoutEffect(() => {
    const measure = () => {
      const box = ref.current;
      if (!box) return;
      const a = anchor.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      const below = a.bottom + GAP_PX;
      const above = a.top - GAP_PX - b.height;
      const top = below + b.height > window.innerHeight - MARGIN_PX && above >= MARGIN_PX ? above : below;
      const left = Math.max(MARGIN_PX, Math.min(a.left, window.innerWidth - b.width - MARGIN_PX));
      setPlace({ top, left });
    };
    measure();
    window.addEventListener('scroll', measure, true);
    window.addEventListener('resize', measure);
    return () => {
      window.removeEventListener('scroll', measure, true);
      window.removeEventListener('resize', measure);
    };
  }, [anchor]);
  return createPortal(
    <div
      ref={ref}
      aria-hidden="true"
      data-slot="tooltip"
      onPointerEnter={onEnter}
      onPointerLeave={onLeave}
      style={place ? { top: place.top, left: place.left } : { top: 0, left: 0, visibility: 'hidden' }}
      className="pointer-events-auto fixed z-[60] w-max max-w-[min(20rem,calc(100vw-1rem))] rounded border border-slate-300 bg-white px-2 py-1 text-xs font-normal whitespace-normal text-slate-900 shadow-md dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100"
    >
      {content}
    </div>,
    document.body,
  );
}
