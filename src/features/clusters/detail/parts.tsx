/** Small building blocks shared by the detail page's tabs. */
import type { ReactNode } from 'react';
import type { AwsRequestError } from '../../../aws';
import { statusDisplay, type StatusTone } from './format';

const TONE_CLASS: Record<StatusTone, string> = {
  ok: 'text-green-800 dark:text-green-300',
  attention: 'font-semibold text-amber-900 dark:text-amber-200',
  progress: 'text-sky-900 dark:text-sky-200',
  inactive: 'text-slate-700 dark:text-slate-300',
  unknown: 'text-slate-700 dark:text-slate-300',
};

/** A state as icon and words (never colour alone). */
export function StatusText({ state }: { state: string | undefined }) {
  const display = statusDisplay(state);
  return (
    <span className={TONE_CLASS[display.tone]} data-testid="status-text" data-tone={display.tone}>
      <span aria-hidden="true" className="mr-1">
        {display.icon}
      </span>
      {display.label}
      <span className="sr-only"> ({state ?? 'unknown'})</span>
    </span>
  );
}

/** A failed AWS call: the operation, region and AWS error code, the message, and the request id to quote. */
export function AwsErrorMessage({ error, what }: { error: AwsRequestError; what?: string }) {
  const { info } = error;
  return (
    <div role="alert" className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
      <p className="font-medium">
        {what ? `${what}: ` : ''}
        {info.title}
      </p>
      <p>
        {info.operation} in {info.region} failed: <span className="font-mono">{info.code}</span>: {info.message}
        {info.requestId && <span className="ml-1 text-xs opacity-75">(request {info.requestId})</span>}
      </p>
    </div>
  );
}

export function FieldRow({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="grid grid-cols-[14rem_1fr] gap-2 border-b border-slate-100 py-1.5 dark:border-slate-800" data-testid={testId}>
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}
