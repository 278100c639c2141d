/** Small building blocks of the backup views. */
import { MARK_STYLES, markKindOf, type MarkTone } from './timeline';
import { formatTimestamp, NONE } from '../../ui/format';

export { formatTimestamp, NONE };

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

export { AwsErrorMessage } from '../../ui/AwsErrorMessage';
export { FieldRow } from '../../ui/FieldRow';
