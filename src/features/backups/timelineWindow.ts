/** The timeline's window from the URL's zoom and pan (pure). */
import { clampWindow, panWindow, ZOOM_DURATION_MS, zoomWindow, type TimeWindow, type ZoomLevel } from './timeline';

/** Where panning may go: the data's extent and today (zoom 'all'). */
export const panBounds = (now: Date, extent: TimeWindow | null): TimeWindow => zoomWindow('all', now, extent);

/**
 * The window for a zoom level and an optional pan end: 'all' shows everything; a fixed level without `end`
 * ends now; with `end` it ends there, kept inside the data and today.
 */
export function timelineWindow(zoom: ZoomLevel, end: Date | null, now: Date, extent: TimeWindow | null): TimeWindow {
  const bounds = panBounds(now, extent);
  if (zoom === 'all') return bounds;
  if (!end) return zoomWindow(zoom, now);
  const length = ZOOM_DURATION_MS[zoom];
  return clampWindow({ start: new Date(end.getTime() - length), end }, bounds);
}

/** The pan end to store: null when the window reaches now (the default, live window). */
export const endParam = (window: TimeWindow, now: Date): Date | null => (window.end.getTime() >= now.getTime() ? null : window.end);

/** The pan end after moving half a window earlier or later (null: back at now). */
export function panEnd(window: TimeWindow, direction: 'earlier' | 'later', now: Date, extent: TimeWindow | null): Date | null {
  return endParam(clampWindow(panWindow(window, direction), panBounds(now, extent)), now);
}

/** The pan end that centres a fixed zoom level's window on `time` (null when that reaches now). */
export function centredEnd(zoom: Exclude<ZoomLevel, 'all'>, time: number, now: Date, extent: TimeWindow | null): Date | null {
  return endParam(timelineWindow(zoom, new Date(time + ZOOM_DURATION_MS[zoom] / 2), now, extent), now);
}
