/**
 * The timeline's layout at the width it is drawn: the scrolling box is measured (inside its scrollbar, and
 * followed when it resizes), and the pure layout (layoutTimeline) runs for that width. Daily backups stay
 * single marks while a day is wide enough for one; coarser, nearby marks merge into counted groups spaced so
 * their pills do not overlap. On a narrow screen the lane labels take less room.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_CLUSTER_DISTANCE, layoutTimeline, type TimelineBackupItem, type TimelineLayout } from '../layoutTimeline';
import type { TimeWindow } from '../zoom';
import { LABEL_WIDTH, NARROW_BELOW, NARROW_LABEL_WIDTH, RIGHT_PAD } from './geometry';

const DAY_MS = 86_400_000;
const MIN_WIDTH = 300;
const MIN_AXIS = 100;
/** Wide enough for one mark per day: below this many px per day, groups merge further apart. */
const PX_PER_DAY_FOR_SINGLE_MARKS = 8;
/** About a group pill's width, so neighbouring pills do not overlap. */
const COARSE_CLUSTER_DISTANCE = 36;

export interface TimelineLayoutInput {
  backups: readonly TimelineBackupItem[];
  window: TimeWindow;
  now: Date;
  clusterNames: ReadonlyMap<string, string>;
}

export function useTimelineLayout({ backups, window, now, clusterNames }: TimelineLayoutInput) {
  const container = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    // clientWidth: inside the border and the vertical scrollbar, so the last mark is never under it.
    const measure = () => setWidth(Math.max(MIN_WIDTH, Math.floor(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const labelWidth = width < NARROW_BELOW ? NARROW_LABEL_WIDTH : LABEL_WIDTH;
  const axisWidth = Math.max(MIN_AXIS, width - labelWidth - RIGHT_PAD);
  const pxPerDay = axisWidth / ((window.end.getTime() - window.start.getTime()) / DAY_MS);
  const clusterDistance = pxPerDay >= PX_PER_DAY_FOR_SINGLE_MARKS ? DEFAULT_CLUSTER_DISTANCE : COARSE_CLUSTER_DISTANCE;
  const layout: TimelineLayout = useMemo(
    () => layoutTimeline({ backups, window, width: axisWidth, now, clusterNames, clusterDistance }),
    [backups, window, axisWidth, now, clusterNames, clusterDistance],
  );
  /** x of an instant on the axis. */
  const toX = (t: Date) => ((t.getTime() - window.start.getTime()) / (window.end.getTime() - window.start.getTime())) * axisWidth;
  return { container, width, labelWidth, axisWidth, layout, toX };
}
