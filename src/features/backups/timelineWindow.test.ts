import { describe, expect, it } from 'vitest';
import { centredEnd, endParam, OLDEST_POSSIBLE_BACKUP, panEnd, panExtent, timelineWindow, wantedSince } from './timelineWindow';

const DAY = 86_400_000;
const now = new Date('2026-06-01T00:00:00Z');
const extent = { start: new Date(now.getTime() - 200 * DAY), end: new Date(now.getTime() - DAY) };

describe('timelineWindow', () => {
  it('ends now for a fixed zoom without pan', () => {
    const w = timelineWindow('30d', null, now, extent);
    expect(w.end).toEqual(now);
    expect(w.end.getTime() - w.start.getTime()).toBe(30 * DAY);
  });
  it('covers the data and today for all', () => {
    const w = timelineWindow('all', null, now, extent);
    expect(w.start.getTime()).toBeLessThan(extent.start.getTime());
    expect(w.end.getTime()).toBeGreaterThan(now.getTime());
  });
  it('keeps a panned window inside the data', () => {
    const w = timelineWindow('30d', new Date(now.getTime() - 1000 * DAY), now, extent);
    expect(w.end.getTime() - w.start.getTime()).toBe(30 * DAY);
    expect(w.start.getTime()).toBeGreaterThanOrEqual(timelineWindow('all', null, now, extent).start.getTime());
  });
});

describe('panning', () => {
  it('moves half a window and comes back to the live window', () => {
    const live = timelineWindow('30d', null, now, extent);
    const end = panEnd(live, 'earlier', now, extent);
    expect(end?.getTime()).toBe(now.getTime() - 15 * DAY);
    const back = panEnd(timelineWindow('30d', end, now, extent), 'later', now, extent);
    expect(back).toBeNull();
  });
  it('endParam is null at or after now', () => {
    expect(endParam({ start: new Date(0), end: now }, now)).toBeNull();
    expect(endParam({ start: new Date(0), end: new Date(now.getTime() - 1) }, now)).not.toBeNull();
  });
  it('centres a window on a time', () => {
    const t = now.getTime() - 100 * DAY;
    const end = centredEnd('7d', t, now, extent);
    expect(end?.getTime()).toBe(t + 3.5 * DAY);
  });
});

describe('what the page loads for a window', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('loads from the start of a fixed zoom, panned or not, and the whole history for "all"', () => {
    expect(wantedSince('30d', null, now)?.toISOString()).toBe('2026-11-07T12:00:00.000Z');
    expect(wantedSince('7d', new Date('2026-10-08T00:00:00Z'), now)?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(wantedSince('all', null, now)).toBeNull();
  });
  it('lets panning go past the loaded data while older pages exist, and stops at the data once all is loaded', () => {
    const extent = { start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-07T00:00:00Z') };
    expect(panExtent(extent, true, now)).toBe(extent);
    expect(panExtent(extent, false, now)?.start).toEqual(OLDEST_POSSIBLE_BACKUP);
    const win = timelineWindow('30d', new Date('2025-01-31T00:00:00Z'), now, panExtent(extent, false, now));
    expect(win.start.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    // Without the partial-history bounds the pan would be pulled back to the loaded data (a day of margin).
    expect(timelineWindow('30d', new Date('2025-01-31T00:00:00Z'), now, extent).start.getTime()).toBeGreaterThan(
      extent.start.getTime() - 2 * DAY,
    );
  });
});
