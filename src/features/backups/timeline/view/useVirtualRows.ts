/**
 * The timeline's rows, virtualised: only the rows in the scrolling box (plus overscan) are drawn, and always
 * the rows of the focusable mark and of the selected backup (so the one tab stop never leaves the page and
 * the selection stays drawn). Rows have fixed heights (rows.ts), so offsets are exact without measuring.
 * Scroll requests (a lane to bring into view) are served once each, when the lane is a row.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import { ROW_HEIGHTS, withPinnedRows, type RowModel } from '../rows';
import { AXIS_HEIGHT } from './geometry';
import type { ScrollRequest } from './useTimelineRows';

const OVERSCAN = 6;

export function useVirtualRows(
  model: RowModel,
  scrollRef: RefObject<HTMLDivElement | null>,
  pinnedLanes: readonly (string | null | undefined)[],
  scrollRequest: ScrollRequest | null,
) {
  const pinned: number[] = [];
  for (const key of pinnedLanes) {
    const index = key ? model.rowOfLane.get(key) : undefined;
    if (index !== undefined) pinned.push(index);
  }
  const virtualizer = useVirtualizer({
    count: model.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) => ROW_HEIGHTS[model.rows[index]?.type ?? 'lane'],
    getItemKey: (index) => model.rows[index]?.key ?? index,
    overscan: OVERSCAN,
    // No flushSync from scroll and resize callbacks: a synchronous render of the lazy timeline while its
    // Suspense boundary reveals it kept the fallback up for seconds under load (the e2e saw it).
    useFlushSync: false,
    // The rows start under the sticky axis, which also covers the top of the box when scrolling to a row.
    scrollMargin: AXIS_HEIGHT,
    scrollPaddingStart: AXIS_HEIGHT,
    rangeExtractor: (range) => withPinnedRows(defaultRangeExtractor(range), pinned, range.count),
  });

  const served = useRef<ScrollRequest | null>(null);
  useEffect(() => {
    if (!scrollRequest || served.current === scrollRequest) return;
    const index = model.rowOfLane.get(scrollRequest.laneKey);
    if (index === undefined) return;
    served.current = scrollRequest;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [scrollRequest, model, virtualizer]);

  const items = virtualizer.getVirtualItems();
  return { items, totalHeight: model.totalHeight, virtualizer };
}
