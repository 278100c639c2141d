/**
 * Display formats shared by every view (pure). Dates live in ./dates; these names stay for the views that
 * import them from here.
 */
import { formatUtc, type DateInput } from './dates';

export { formatAge, formatRelative, formatUtc, formatUtcDate, formatUtcMinute, NONE, toDate, toIso, type DateInput } from './dates';

/** `YYYY-MM-DD HH:MM:SS UTC`; missing or invalid dates show a dash. The older name of `formatUtc`. */
export function formatTimestamp(date: DateInput): string {
  return formatUtc(date);
}
