/**
 * Bounds on what an answer may quote from a request. Every piece of client input that goes into a message
 * passes through `clip`, so no input, however large, makes a large answer (issue 10: no answer over 64 KB).
 */

/** Longest piece of client input quoted in a message (code points; AWS's own messages quote ids of this size). */
export const QUOTED_CHARS = 80;

/** A last bound on any error message either server sends: far above any message the code writes. */
export const MAX_MESSAGE_CHARS = 8000;

/** `text` cut to `max` code points (never inside a surrogate pair), marked with '...' when cut. */
export function clip(text: string, max = QUOTED_CHARS): string {
  if (text.length <= max) return text;
  let out = '';
  let count = 0;
  for (const ch of text) {
    if (count === max) return `${out}...`;
    out += ch;
    count += 1;
  }
  return out;
}

/** At most `max` items of a list, each clipped, and how many were left out. */
export function clipList(items: readonly string[], max = 3): string {
  const shown = items
    .slice(0, max)
    .map((item) => clip(item))
    .join(', ');
  return items.length > max ? `${shown} (and ${items.length - max} more)` : shown;
}
