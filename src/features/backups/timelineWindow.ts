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

/**
 * The oldest instant the window at this zoom and pan can show, before any data is known: what the page must
 * load (null: the whole history, for zoom 'all'). Pure, so fetching never waits on the data it fetches.
 */
export function wantedSince(zoom: ZoomLevel, end: Date | null, now: Date): Date | null {
  if (zoom === 'all') return null;
  return new Date((end ?? now).getTime() - ZOOM_DURATION_MS[zoom]);
}

/**
 * Where panning may go while the history is only partly loaded: back to the oldest possible backup (CloudHSM
 * V2 opened in August 2017) rather than the oldest loaded one, so panning earlier loads older pages.
 */
export const OLDEST_POSSIBLE_BACKUP = new Date('2017-08-01T00:00:00Z');

export function panExtent(extent: TimeWindow | null, historyComplete: boolean, now: Date): TimeWindow | null {
  if (historyComplete) return extent;
  const start = Math.min(OLDEST_POSSIBLE_BACKUP.getTime(), extent?.start.getTime() ?? Number.POSITIVE_INFINITY);
  return { start: new Date(start), end: extent?.end ?? now };
}
