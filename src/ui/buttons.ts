/**
 * The one table of button looks. `<Button>` draws from it, and `buttonClass` gives the same strings to the
 * places that style a plain <button> or a <Link> as a button, so primary, normal, danger and link read the
 * same everywhere.
 *
 * One "off" look for every variant, whether the control is `disabled` or `aria-disabled` (off but focusable,
 * with a reason): grey and faded (grey fill, grey words, lower contrast), still readable in both themes, and
 * hover does not light it up. Tailwind emits the `aria-disabled:`/`disabled:` rules after `hover:`, so at
 * equal specificity the off look wins; the classes are written out in full because Tailwind only finds
 * literal class names.
 */

export type ButtonVariant = 'primary' | 'normal' | 'danger' | 'link' | 'icon';
export type ButtonSize = 'sm' | 'md';

const FOCUS = 'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400';

const BOX = `inline-flex items-center justify-center gap-1.5 rounded border font-medium ${FOCUS}`;

const OFF_BOX =
  'disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-100 disabled:text-slate-500 dark:disabled:border-slate-700 dark:disabled:bg-slate-800 dark:disabled:text-slate-400 ' +
  'aria-disabled:cursor-not-allowed aria-disabled:border-slate-300 aria-disabled:bg-slate-100 aria-disabled:text-slate-500 dark:aria-disabled:border-slate-700 dark:aria-disabled:bg-slate-800 dark:aria-disabled:text-slate-400';

const OFF_LINK =
  'disabled:cursor-not-allowed disabled:text-slate-500 disabled:no-underline dark:disabled:text-slate-400 ' +
  'aria-disabled:cursor-not-allowed aria-disabled:text-slate-500 aria-disabled:no-underline dark:aria-disabled:text-slate-400';

const NORMAL_COLOURS =
  'border-slate-300 bg-white text-slate-900 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

/** Colours and shape per variant (without size). */
export const BUTTON_VARIANTS: Record<ButtonVariant, string> = {
  primary: `${BOX} border-transparent bg-blue-700 text-white hover:bg-blue-800 dark:bg-blue-600 dark:hover:bg-blue-500 ${OFF_BOX}`,
  normal: `${BOX} ${NORMAL_COLOURS} ${OFF_BOX}`,
  danger: `${BOX} border-transparent bg-red-700 text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500 ${OFF_BOX}`,
  // Takes the colour of the text around it, so it sits in sentences and message boxes alike.
  link: `inline rounded-sm underline underline-offset-2 hover:decoration-2 ${FOCUS} ${OFF_LINK}`,
  icon: `${BOX} ${NORMAL_COLOURS} ${OFF_BOX}`,
};

/** Padding and type size; links have none (they flow with the text). Both sizes keep a 24 px target. */
export const BUTTON_SIZES: Record<ButtonVariant, Record<ButtonSize, string>> = {
  primary: { sm: 'px-2 py-0.5 text-sm', md: 'px-3 py-1.5 text-sm' },
  normal: { sm: 'px-2 py-0.5 text-sm', md: 'px-3 py-1.5 text-sm' },
  danger: { sm: 'px-2 py-0.5 text-sm', md: 'px-3 py-1.5 text-sm' },
  link: { sm: 'text-sm', md: 'text-sm' },
  icon: { sm: 'min-w-6 p-1 text-sm', md: 'min-w-8 p-1.5 text-base' },
};

/** The classes of one button look. */
export function buttonClasses(variant: ButtonVariant = 'normal', size: ButtonSize = 'md'): string {
  return `${BUTTON_VARIANTS[variant]} ${BUTTON_SIZES[variant][size]}`;
}

/** Ready-made looks (medium size) for plain <button>s and links; `secondary` is the older name of `normal`. */
export const buttonClass = {
  primary: buttonClasses('primary'),
  secondary: buttonClasses('normal'),
  normal: buttonClasses('normal'),
  danger: buttonClasses('danger'),
  link: buttonClasses('link'),
  icon: buttonClasses('icon'),
} as const;

/** Text inputs, selects and text areas: same border, focus ring and off look as the buttons. */
export const inputClass =
  'rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 aria-[invalid=true]:border-red-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:aria-[invalid=true]:border-red-400 ' +
  `${FOCUS} disabled:cursor-not-allowed disabled:border-slate-300 disabled:bg-slate-100 disabled:text-slate-500 dark:disabled:border-slate-700 dark:disabled:bg-slate-800 dark:disabled:text-slate-400`;
