import { describe, expect, it } from 'vitest';
import { assertValidWindow, clampWindow, panWindow, zoomLevelOf, zoomWindow, ZOOM_LEVELS } from './zoom';
import { axisTicks, chooseTickInterval } from './ticks';

const now = new Date('2026-11-20T14:03:00Z');
const DAY = 86_400_000;

describe('zoomWindow', () => {
  it.each([
    ['7d', 7],
    ['30d', 30],
    ['90d', 90],
    ['1y', 365],
  ] as const)('%s ends at now and spans %i days', (level, days) => {
    const w = zoomWindow(level, now);
    expect(w.end.getTime()).toBe(now.getTime());
    expect(w.end.getTime() - w.start.getTime()).toBe(days * DAY);
    expect(zoomLevelOf(w)).toBe(level);
  });

  it("'all' spans the data and now, padded by 5% each side", () => {
    const extent = { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-06-01T00:00:00Z') };
    const w = zoomWindow('all', now, extent);
    const span = now.getTime() - extent.start.getTime();
    expect(w.start.getTime()).toBe(extent.start.getTime() - span * 0.05);
    expect(w.end.getTime()).toBe(now.getTime() + span * 0.05);
    expect(zoomLevelOf(w)).toBeNull();
  });

  it("'all' pads a single instant by at least an hour, and falls back to 30 days without data", () => {
    const w = zoomWindow('all', now, { start: now, end: now });
    expect(w.end.getTime() - w.start.getTime()).toBe(2 * 3_600_000);
    expect(zoomWindow('all', now, null)).toEqual(zoomWindow('30d', now));
  });

  it('lists the levels in order and rejects an invalid now or level', () => {
    expect(ZOOM_LEVELS).toEqual(['7d', '30d', '90d', '1y', 'all']);
    expect(() => zoomWindow('7d', new Date('nope'))).toThrow(/now is not a valid Date/);
    expect(() => zoomWindow('2w' as never, now)).toThrow(/unknown zoom level/);
  });
});

describe('panWindow and clampWindow', () => {
  const w = zoomWindow('7d', now);

  it('pans by a fraction of the window, keeping its length, and back again', () => {
    const earlier = panWindow(w, 'earlier', 0.5);
    expect(earlier.start.getTime()).toBe(w.start.getTime() - 3.5 * DAY);
    expect(earlier.end.getTime() - earlier.start.getTime()).toBe(7 * DAY);
    expect(panWindow(earlier, 'later', 0.5)).toEqual(w);
    expect(panWindow(w, 'later', 1).start.getTime()).toBe(now.getTime());
    expect(panWindow(w, 'later')).toEqual(panWindow(w, 'later', 0.5));
  });

  it('rejects a bad fraction or direction', () => {
    expect(() => panWindow(w, 'later', -1)).toThrow(/fraction/);
    expect(() => panWindow(w, 'up' as never, 0.5)).toThrow(/direction/);
  });

  it('clamps by moving, not resizing, and shrinks to the bounds when longer', () => {
    const bounds = { start: new Date(now.getTime() - 20 * DAY), end: now };
    const pastEnd = panWindow(w, 'later', 1);
    expect(clampWindow(pastEnd, bounds)).toEqual(w);
    const beforeStart = { start: new Date(now.getTime() - 40 * DAY), end: new Date(now.getTime() - 33 * DAY) };
    const clamped = clampWindow(beforeStart, bounds);
    expect(clamped.start).toEqual(bounds.start);
    expect(clamped.end.getTime() - clamped.start.getTime()).toBe(7 * DAY);
    expect(clampWindow(zoomWindow('90d', now), bounds)).toEqual(bounds);
    const inside = panWindow(w, 'earlier', 1);
    expect(clampWindow(inside, bounds)).toEqual(inside);
  });

  it('gives a clear error when end is not after start', () => {
    const bad = { start: now, end: new Date(now.getTime() - 1) };
    expect(() => assertValidWindow(bad)).toThrow(/window\.end \(2026-11-20T14:02:59\.999Z\) must be after window\.start/);
    expect(() => panWindow(bad, 'later')).toThrow(/panWindow/);
    expect(() => clampWindow(w, { start: now, end: now })).toThrow(/bounds/);
  });
});

describe('axisTicks', () => {
  it('picks hours, days, weeks, months or years by window length', () => {
    expect(chooseTickInterval(DAY, 1000).unit).toBe('hour');
    expect(chooseTickInterval(7 * DAY, 1000)).toMatchObject({ unit: 'day', step: 1 });
    expect(chooseTickInterval(30 * DAY, 1000)).toMatchObject({ unit: 'week' });
    expect(chooseTickInterval(365 * DAY, 1200)).toMatchObject({ unit: 'month', step: 1 });
    expect(chooseTickInterval(365 * DAY, 600)).toMatchObject({ unit: 'month', step: 3 });
    expect(chooseTickInterval(10 * 365 * DAY, 1000)).toMatchObject({ unit: 'year', step: 1 });
  });

  it('aligns ticks to UTC boundaries, inside the window, with labels', () => {
    const days = axisTicks(zoomWindow('7d', now), 1000);
    expect(days.map((t) => t.label)).toEqual(['Nov 14', 'Nov 15', 'Nov 16', 'Nov 17', 'Nov 18', 'Nov 19', 'Nov 20']);
    for (const t of days) {
      expect(t.time.getUTCHours()).toBe(0);
      expect(t.x).toBeGreaterThanOrEqual(0);
      expect(t.x).toBeLessThanOrEqual(1000);
    }
    const weeks = axisTicks(zoomWindow('30d', now), 1000);
    expect(weeks.every((t) => t.time.getUTCDay() === 1)).toBe(true);
    const months = axisTicks(zoomWindow('1y', now), 1200);
    expect(months[0]!.label).toBe('Dec 2025');
    expect(months.at(-1)!.label).toBe('Nov 2026');
    const hours = axisTicks({ start: new Date('2026-11-19T20:30:00Z'), end: new Date('2026-11-20T08:00:00Z') }, 1000);
    expect(hours.map((t) => t.label).slice(0, 5)).toEqual(['21:00', '22:00', '23:00', 'Nov 20', '01:00']);
  });
});
