import { useState } from 'react';
import { runBulk, type BulkProgress, type BulkReport } from './bulkRunner';

export type BulkPhase = 'ready' | 'running' | 'done';

/** A bulk run's phase, progress and report, for a dialog to show. */
export function useBulkRun<T>() {
  const [phase, setPhase] = useState<BulkPhase>('ready');
  const [progress, setProgress] = useState<BulkProgress | null>(null);
  const [report, setReport] = useState<BulkReport<T> | null>(null);
  const run = async (items: readonly T[], work: (item: T) => Promise<unknown>): Promise<BulkReport<T>> => {
    setPhase('running');
    setProgress({ done: 0, total: items.length, succeeded: 0, failed: 0 });
    const result = await runBulk(items, work, { onProgress: setProgress });
    setReport(result);
    setPhase('done');
    return result;
  };
  return { phase, progress, report, run };
}
