/** Small building blocks of the backup views. */
import type { ReactNode } from 'react';
import type { AwsRequestError } from '../../aws';
import { MARK_STYLES, markKindOf, type MarkTone } from './timeline';

export const NONE = '—';

/** `YYYY-MM-DD HH:MM:SS UTC`; missing or invalid dates show a dash. */
export function formatTimestamp(date: Date | undefined | null): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) return NONE;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

export const TONE_TEXT: Record<MarkTone, string> = {
  success: 'text-green-800 dark:text-green-300',
  info: 'text-sky-800 dark:text-sky-300',
  warning: 'font-semibold text-amber-900 dark:text-amber-200',
  muted: 'text-slate-600 dark:text-slate-400',
  neutral: 'text-slate-700 dark:text-slate-300',
};

const STATE_ICON: Record<string, string> = { ready: '●', creating: '◌', pendingDeletion: '✕', deleted: '○', unknown: '◇' };

/** A backup state as a glyph (the timeline's shape) and words: never colour alone. */
export function BackupStateText({ state }: { state: string | undefined }) {
  const kind = markKindOf(state);
  return (
    <span className={TONE_TEXT[MARK_STYLES[kind].tone]} data-testid="backup-state">
      <span aria-hidden="true" className="mr-1">
        {STATE_ICON[kind]}
      </span>
      {state ?? 'UNKNOWN'}
    </span>
  );
}

/** A failed AWS call: what failed, the operation, region and AWS error code, the message and the request id. */
export function AwsErrorMessage({ error, what }: { error: AwsRequestError; what?: string }) {
  const { info } = error;
  return (
    <div role="alert" data-testid="aws-error" className="mb-2 rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
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
    <div className="grid grid-cols-[12rem_1fr] gap-2 border-b border-slate-100 py-1.5 dark:border-slate-800" data-testid={testId}>
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className="break-all">{children}</dd>
    </div>
  );
}
