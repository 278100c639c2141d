import type { ReactNode } from 'react';

/** Whether a slot has something to show: not undefined, null, false or ''. (0 is shown.) */
export const present = (node: ReactNode): boolean => node !== undefined && node !== null && node !== false && node !== '';
