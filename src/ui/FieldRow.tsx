import type { ReactNode } from 'react';
import { NONE } from './dates';
import { present } from './present';

/** One labelled value of a detail page (inside a <dl>). */
export function FieldRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    // A narrower label column on a phone, so the value keeps room at 390 px.
    <div
      className="grid grid-cols-[minmax(0,8.5rem)_minmax(0,1fr)] gap-2 border-b border-slate-100 py-1.5 sm:grid-cols-[14rem_1fr] dark:border-slate-800"
      data-testid={testId}
    >
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}

export interface FieldItem {
  label: string;
  /** What the field holds; nothing (undefined, null, false, '') reads "—". */
  value: ReactNode;
  testId?: string;
  /** An id or other code: set in monospace. */
  mono?: boolean;
}

export interface FieldListProps {
  /** The rows in order; a falsy entry is a field this resource does not have (left out). */
  fields: readonly (FieldItem | false | null | undefined)[];
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}

/** The label/value rows of a detail page as one description list, each missing value said the same way. */
export function FieldList({ fields, className, ...rest }: FieldListProps) {
  return (
    <dl className={className} {...rest}>
      {fields.map(
        (field) =>
          field && (
            <FieldRow key={field.testId ?? field.label} label={field.label} testId={field.testId}>
              {!present(field.value) ? NONE : field.mono ? <span className="font-mono">{field.value}</span> : field.value}
            </FieldRow>
          ),
      )}
    </dl>
  );
}
