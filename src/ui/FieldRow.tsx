import type { ReactNode } from 'react';

/** One labelled value of a detail page (inside a <dl>). */
export function FieldRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[14rem_1fr] gap-2 border-b border-slate-100 py-1.5 dark:border-slate-800" data-testid={testId}>
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}
