/**
 * How far a windowed backup view has loaded, in words ("Showing backups since 2026-11-06; 2 regions still
 * loading"), and a button to load older backups (one more page in every region that has more).
 */
import type { BackupWindowResult } from '../../aws';
import { Button, StatusIndicator } from '../../ui';
import { windowStatus } from './windowStatus';

export function BackupWindowStatus({ window: loaded }: { window: Pick<BackupWindowResult, 'regions' | 'loadMore' | 'isFetching'> }) {
  const status = windowStatus(loaded.regions);
  if (!status.text) return null;
  return (
    <div
      className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300"
      data-testid="backup-window-status"
    >
      <p role="status" aria-live="polite">
        {status.loading.length > 0 ? <StatusIndicator icon="in-progress">{status.text}</StatusIndicator> : status.text}
      </p>
      {status.hasOlder && (
        <Button size="sm" onClick={loaded.loadMore} disabledReason={loaded.isFetching ? 'Backups are loading.' : null}>
          Load older backups
        </Button>
      )}
    </div>
  );
}
