import { describe, expect, it } from 'vitest';
import { isNavigable, markOrder, nextMark } from './navigation';
import { item, layoutWeek } from './testing/weekOfBackups';

// eu-west-1 / c1:   e1 (day 1)            e2 (day 5)
// us-east-1 / a:    a1 (day 2)  a2 (day 3)  a3 (day 6)
// us-east-1 / b:    (nothing in the window)
// us-east-1 / c:    c1 (day 4)
const layout = layoutWeek([
  item('us-east-1', 'a3', 'a', 6),
  item('us-east-1', 'a1', 'a', 2),
  item('us-east-1', 'a2', 'a', 3),
  item('us-east-1', 'b-old', 'b', -30),
  item('us-east-1', 'c1', 'c', 4),
  item('eu-west-1', 'e2', 'c1', 5),
  item('eu-west-1', 'e1', 'c1', 1),
]);

describe('markOrder', () => {
  it('reads lane by lane (regions by name, lanes in order), left to right', () => {
    expect(markOrder(layout)).toEqual(['eu-west-1/e1', 'eu-west-1/e2', 'us-east-1/a1', 'us-east-1/a2', 'us-east-1/a3', 'us-east-1/c1']);
  });

  it('is empty for an empty layout', () => {
    const empty = layoutWeek([]);
    expect(markOrder(empty)).toEqual([]);
    expect(nextMark(empty, null, 'right')).toBeNull();
  });
});

describe('nextMark', () => {
  it('moves left and right within a lane and stops at the ends', () => {
    expect(nextMark(layout, 'us-east-1/a1', 'right')).toBe('us-east-1/a2');
    expect(nextMark(layout, 'us-east-1/a2', 'right')).toBe('us-east-1/a3');
    expect(nextMark(layout, 'us-east-1/a3', 'right')).toBe('us-east-1/a3');
    expect(nextMark(layout, 'us-east-1/a2', 'left')).toBe('us-east-1/a1');
    expect(nextMark(layout, 'us-east-1/a1', 'left')).toBe('us-east-1/a1');
  });

  it('moves up and down to the closest mark in the next lane with marks, across regions and empty lanes', () => {
    expect(nextMark(layout, 'eu-west-1/e1', 'down')).toBe('us-east-1/a1'); // x 100 -> a1 at 200
    expect(nextMark(layout, 'eu-west-1/e2', 'down')).toBe('us-east-1/a3'); // x 500 -> a3 at 600 (a2 at 300)
    expect(nextMark(layout, 'us-east-1/a3', 'down')).toBe('us-east-1/c1'); // skips the empty lane b
    expect(nextMark(layout, 'us-east-1/c1', 'up')).toBe('us-east-1/a2'); // x 400: a2 (300) and a3 (600) -> a2
    expect(nextMark(layout, 'us-east-1/a2', 'up')).toBe('eu-west-1/e1'); // x 300: e1 (100), e2 (500) -> equal, earlier wins
    expect(nextMark(layout, 'eu-west-1/e1', 'up')).toBe('eu-west-1/e1');
    expect(nextMark(layout, 'us-east-1/c1', 'down')).toBe('us-east-1/c1');
  });

  it('starts at the first mark when nothing (or a mark no longer shown) has focus', () => {
    expect(nextMark(layout, null, 'down')).toBe('eu-west-1/e1');
    expect(nextMark(layout, 'us-east-1/b-old', 'right')).toBe('eu-west-1/e1');
  });

  it('navigates cluster marks like any other mark', () => {
    const dense = layoutWeek([item('r', 'x1', 'c', 1), item('r', 'x2', 'c', 1), item('r', 'x3', 'c', 3)]);
    expect(markOrder(dense)).toEqual(['cluster:r/x1', 'r/x3']);
    expect(nextMark(dense, 'cluster:r/x1', 'right')).toBe('r/x3');
  });
});

describe('navigation over a subset of lanes (what the row model shows)', () => {
  const lanes = layout.groups.find((g) => g.region === 'us-east-1')!.lanes;

  it('reads only the lanes given', () => {
    expect(markOrder(lanes)).toEqual(['us-east-1/a1', 'us-east-1/a2', 'us-east-1/a3', 'us-east-1/c1']);
    expect(isNavigable(lanes, 'us-east-1/a2')).toBe(true);
    expect(isNavigable(lanes, 'eu-west-1/e1')).toBe(false);
    expect(isNavigable(lanes, null)).toBe(false);
  });

  it('skips lanes that are not given (a collapsed region): up from the first lane stays', () => {
    expect(nextMark(lanes, 'us-east-1/a1', 'up')).toBe('us-east-1/a1');
    expect(nextMark(lanes, 'us-east-1/a3', 'down')).toBe('us-east-1/c1');
    // A mark of a lane not given: start from the first.
    expect(nextMark(lanes, 'eu-west-1/e2', 'right')).toBe('us-east-1/a1');
  });

  it('is empty over no lanes', () => {
    expect(markOrder([])).toEqual([]);
    expect(nextMark([], null, 'down')).toBeNull();
  });
});
