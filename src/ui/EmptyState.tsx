/**
 * What a list or panel shows when there is nothing to show, and why: nothing exists yet (`empty`: say how to
 * make one), the filters hide everything (`no-match`: offer to clear them), or it could not be loaded
 * (`error`: say so and offer to try again; the failure itself belongs in an Alert). It has no live role:
 * the count or status line of the list announces changes; a second voice would repeat it.
 */
import type { ReactNode } from 'react';
import { ICON_WORDS, StatusIcon, type StatusIconName } from './icons';

export type EmptyStateVariant = 'empty' | 'no-match' | 'error';

export interface EmptyStateProps {
  title: ReactNode;
  description?: ReactNode;
  /** An icon from the state set; `error` shows the error icon unless told otherwise. */
  icon?: StatusIconName;
  /** One or two buttons or links: "Create cluster", "Clear filters", "Try again". */
  action?: ReactNode;
  variant?: EmptyStateVariant;
  /** Make the title a heading of this level (when the empty state stands for a whole section). */
  headingLevel?: 2 | 3 | 4;
  className?: string;
  'data-testid'?: string;
}

const BORDER: Record<EmptyStateVariant, string> = {
  empty: 'border-slate-300 dark:border-slate-700',
  'no-match': 'border-slate-300 dark:border-slate-700',
  error: 'border-red-300 dark:border-red-800',
};

export function EmptyState({
  title,
  description,
  icon,
  action,
  variant = 'empty',
  headingLevel,
  className = '',
  ...rest
}: EmptyStateProps) {
  const shown = icon ?? (variant === 'error' ? 'error' : undefined);
  const Title = headingLevel ? (`h${headingLevel}` as const) : 'p';
  return (
    <div
      className={`flex flex-col items-center gap-1 rounded border border-dashed px-4 py-6 text-center ${BORDER[variant]} ${className}`}
      data-variant={variant}
      data-testid={rest['data-testid']}
    >
      {shown && (
        // Named: with an error, "Error" is said even when the title does not say it.
        <StatusIcon
          name={shown}
          label={variant === 'error' ? ICON_WORDS[shown] : undefined}
          className={`mb-1 text-2xl ${variant === 'error' ? 'text-red-700 dark:text-red-300' : 'text-slate-500 dark:text-slate-400'}`}
        />
      )}
      <Title className="text-base font-medium">{title}</Title>
      {description !== undefined && description !== null && (
        <p className="max-w-prose text-sm text-slate-600 dark:text-slate-300">{description}</p>
      )}
      {action && <div className="mt-2 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
