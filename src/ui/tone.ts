/**
 * Colours of the status vocabulary, one table per surface, with their dark-theme pairs. Colour only ever
 * repeats what the icon and the words say. The text shades keep at least 4.5:1 against the page in both
 * themes (800 on white, 300 on slate-950).
 */
import type { StatusIcon, StatusTone } from '../cloudhsm/status';

/** Text colour of a status (icon and words). */
export const TONE_TEXT: Record<StatusTone, string> = {
  ok: 'text-green-800 dark:text-green-300',
  warning: 'text-amber-800 dark:text-amber-300',
  error: 'text-red-800 dark:text-red-300',
  progress: 'text-sky-800 dark:text-sky-300',
  neutral: 'text-slate-700 dark:text-slate-300',
};

/** The tone an icon has when nobody says otherwise (a spinner is "progress", a clock is neutral). */
export const ICON_TONE: Record<StatusIcon, StatusTone> = {
  success: 'ok',
  warning: 'warning',
  error: 'error',
  'in-progress': 'progress',
  pending: 'neutral',
  stopped: 'neutral',
  info: 'neutral',
};

/** The four kinds of message (Alert, banners). */
export type MessageType = 'error' | 'warning' | 'info' | 'success';

/** A message box: border, background and text, light and dark. */
export const MESSAGE_SURFACE: Record<MessageType, string> = {
  error: 'border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100',
  warning: 'border-amber-400 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100',
  info: 'border-sky-300 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100',
  success: 'border-green-400 bg-green-50 text-green-900 dark:border-green-700 dark:bg-green-950 dark:text-green-100',
};

/** The icon colour inside a message box (a shade stronger than its text). */
export const MESSAGE_ICON: Record<MessageType, string> = {
  error: 'text-red-700 dark:text-red-300',
  warning: 'text-amber-700 dark:text-amber-300',
  info: 'text-sky-700 dark:text-sky-300',
  success: 'text-green-700 dark:text-green-300',
};

/** Which state icon draws each kind of message. */
export const MESSAGE_ICON_NAME: Record<MessageType, StatusIcon> = { error: 'error', warning: 'warning', info: 'info', success: 'success' };
