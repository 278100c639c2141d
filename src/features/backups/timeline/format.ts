/**
 * Text helpers of the timeline layout. Dates are the product's one date format (src/ui/dates.ts, UTC
 * everywhere, so labels never depend on the viewer's zone): forwarded from there, not formatted here.
 */
export { formatRelative, formatUtcMinute } from '../../../ui/dates';

export const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
