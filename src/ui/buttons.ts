/**
 * Button looks shared by every action, so primary, secondary and danger read the same everywhere. A control that
 * is off is faded and grey (not just dimmer), so it reads as off in the dark theme too.
 */
const base =
  'inline-flex items-center gap-1 rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 disabled:cursor-not-allowed disabled:opacity-50 disabled:saturate-0 aria-disabled:cursor-not-allowed aria-disabled:opacity-50 aria-disabled:saturate-0';

export const buttonClass = {
  primary: `${base} bg-blue-700 text-white hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500`,
  secondary: `${base} border border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800`,
  danger: `${base} bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500`,
  link: 'text-sm underline disabled:cursor-not-allowed disabled:opacity-50',
} as const;

export const inputClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 aria-[invalid=true]:border-red-600 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
