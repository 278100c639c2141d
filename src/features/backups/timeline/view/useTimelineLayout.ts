/**
 * The timeline's layout at the width it is drawn: the container is measured (and followed when it resizes),
 * and the pure layout (layoutTimeline) runs for that width. Daily backups stay single marks while a day is
 * wide enough for one; coarser, nearby marks merge into counted groups spaced so their pills do not overlap.
 */
import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_CLUSTER_DISTANCE, layoutTimeline, type TimelineBackupItem, type TimelineLayout } from '../layoutTimeline';
import type { TimeWindow } from '../zoom';
import { LABEL_WIDTH, RIGHT_PAD } from './geometry';

const DAY_MS = 86_400_000;
const MIN_WIDTH = 320;
const MIN_AXIS = 100;
/** Wide enough for one mark per day: below this many px per day, groups merge further apart. */
const PX_PER_DAY_FOR_SINGLE_MARKS = 8;
const COARSE_CLUSTER_DISTANCE = 24;

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
    const measure = () => setWidth(Math.max(MIN_WIDTH, Math.floor(el.getBoundingClientRect().width)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const axisWidth = Math.max(MIN_AXIS, width - LABEL_WIDTH - RIGHT_PAD);
  const pxPerDay = axisWidth / ((window.end.getTime() - window.start.getTime()) / DAY_MS);
  const clusterDistance = pxPerDay >= PX_PER_DAY_FOR_SINGLE_MARKS ? DEFAULT_CLUSTER_DISTANCE : COARSE_CLUSTER_DISTANCE;
  const layout: TimelineLayout = useMemo(
    () => layoutTimeline({ backups, window, width: axisWidth, now, clusterNames, clusterDistance }),
    [backups, window, axisWidth, now, clusterNames, clusterDistance],
  );
  /** x of an instant on the axis. */
  const toX = (t: Date) => ((t.getTime() - window.start.getTime()) / (window.end.getTime() - window.start.getTime())) * axisWidth;
  return { container, width, axisWidth, layout, toX };
}
