/** Small, pure text helpers shared by the timeline layout (UTC everywhere, so labels never depend on the viewer's zone). */

/** `2026-11-20 14:03 UTC` */
export function formatUtcMinute(date: Date | number): string {
  // toISOString is native and fast (this runs once per mark); years 0-9999 only, as for any real backup.
  const iso = (typeof date === 'number' ? new Date(date) : date).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** `in 3 days` / `2 hours ago`: a coarse relative time for labels. */
export function formatRelative(target: Date, now: Date): string {
  const diff = target.getTime() - now.getTime();
  const abs = Math.abs(diff);
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'hour'],
    [60_000, 'minute'],
  ];
  for (const [ms, name] of units) {
    if (abs >= ms) {
      const n = Math.floor(abs / ms);
      const text = `${n} ${name}${n === 1 ? '' : 's'}`;
      return diff >= 0 ? `in ${text}` : `${text} ago`;
    }
  }
  return diff >= 0 ? 'in less than a minute' : 'less than a minute ago';
}
