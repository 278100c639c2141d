/** Display formats shared by every view (pure). */
export const NONE = '—';

/** `YYYY-MM-DD HH:MM:SS UTC`; missing or invalid dates show a dash. */
export function formatTimestamp(date: Date | undefined | null): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return NONE;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
