/**
 * Keyboard navigation over a timeline layout: reading order (lane by lane, top to bottom, each left to right)
 * and arrow-key moves. Works on visible marks (cluster marks included), i.e. what can hold focus. The lanes
 * are the layout's, or any subset of them in order (the lanes the row model shows: collapsed regions and
 * filtered-out clusters are skipped by the arrows).
 */
import type { TimelineLane, TimelineLayout, TimelineMark } from './layoutTimeline';

export type ArrowDirection = 'left' | 'right' | 'up' | 'down';

interface NavIndex {
  /** Non-empty lanes in order, each its marks left to right. */
  rows: TimelineMark[][];
  /** mark id -> [row, column] */
  position: Map<string, [number, number]>;
  order: string[];
}

/** The lanes navigation runs over: a layout (all its lanes) or a list of lanes in order. */
export type NavLanes = TimelineLayout | readonly TimelineLane[];

const cache = new WeakMap<object, NavIndex>();

function lanesOf(source: NavLanes): readonly TimelineLane[] {
  return 'groups' in source ? source.groups.flatMap((group) => group.lanes) : source;
}

function indexOf(source: NavLanes): NavIndex {
  const cached = cache.get(source);
  if (cached) return cached;
  const rows: TimelineMark[][] = [];
  const position = new Map<string, [number, number]>();
  const order: string[] = [];
  for (const lane of lanesOf(source)) {
    if (lane.marks.length === 0) continue;
    const row = [...lane.marks].sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    row.forEach((mark, column) => {
      position.set(mark.id, [rows.length, column]);
      order.push(mark.id);
    });
    rows.push(row);
  }
  const index = { rows, position, order };
  cache.set(source, index);
  return index;
}

/** Visible mark ids in reading order: lane by lane (regions, then lanes, as laid out), left to right. */
export function markOrder(layout: NavLanes): string[] {
  return [...indexOf(layout).order];
}

/** Whether a mark can take focus by the arrows (it is in one of the lanes navigated). */
export function isNavigable(layout: NavLanes, markId: string | null): boolean {
  return markId !== null && indexOf(layout).position.has(markId);
}

/**
 * The mark an arrow key moves focus to.
 *  - left / right: the previous / next mark in the same lane; at either end focus stays.
 *  - up / down: in the nearest lane above / below that has marks (empty lanes and region boundaries are
 *    crossed), the mark whose x is closest (ties: the earlier one); at the top / bottom focus stays.
 *  - no current mark (null or an id no longer shown): the first mark in reading order.
 * Returns null only when the layout has no marks.
 */
export function nextMark(layout: NavLanes, currentId: string | null, direction: ArrowDirection): string | null {
  const { rows, position, order } = indexOf(layout);
  if (order.length === 0) return null;
  const at = currentId === null ? undefined : position.get(currentId);
  if (!at) return order[0]!;
  const [r, c] = at;
  const row = rows[r]!;
  switch (direction) {
    case 'left':
      return row[Math.max(0, c - 1)]!.id;
    case 'right':
      return row[Math.min(row.length - 1, c + 1)]!.id;
    case 'up':
    case 'down': {
      const target = rows[direction === 'up' ? r - 1 : r + 1];
      if (!target) return row[c]!.id;
      return closestByX(target, row[c]!.x).id;
    }
    default:
      throw new RangeError(`nextMark: unknown direction ${JSON.stringify(direction)}`);
  }
}

/** Binary search in a row sorted by x. */
function closestByX(row: TimelineMark[], x: number): TimelineMark {
  let lo = 0;
  let hi = row.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (row[mid]!.x < x) lo = mid + 1;
    else hi = mid;
  }
  // lo: first mark with x >= x (or the last mark). Compare with the one before.
  const after = row[lo]!;
  const before = lo > 0 ? row[lo - 1]! : undefined;
  if (before && x - before.x <= after.x - x) return before;
  return after;
}
