/** Small building blocks shared by the detail page's tabs. */
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

export { AwsErrorMessage } from '../../../ui/AwsErrorMessage';
export { FieldRow } from '../../../ui/FieldRow';
