/**
 * Runs one call per selected backup, a few at a time (at most BULK_CONCURRENCY in flight, so a hundred
 * deletes do not hit the API's rate limit at once), reporting progress after each and collecting which
 * succeeded and which failed with what. One failure does not stop the others. Pure (the work is passed in).
 */

export const BULK_CONCURRENCY = 4;

export interface BulkProgress {
  done: number;
  total: number;
  succeeded: number;
  failed: number;
}

export interface BulkFailure<T> {
  item: T;
  error: unknown;
}

export interface BulkReport<T> {
  /** In the order the items were given. */
  succeeded: T[];
  failed: BulkFailure<T>[];
}

export interface BulkOptions {
  concurrency?: number;
  onProgress?: (progress: BulkProgress) => void;
  /** Once aborted, no further item is started (those running finish). */
  signal?: AbortSignal;
}

export async function runBulk<T>(
  items: readonly T[],
  work: (item: T) => Promise<unknown>,
  options: BulkOptions = {},
): Promise<BulkReport<T>> {
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? BULK_CONCURRENCY));
  const outcomes: ({ ok: true } | { ok: false; error: unknown } | undefined)[] = new Array(items.length);
  const progress: BulkProgress = { done: 0, total: items.length, succeeded: 0, failed: 0 };
  let next = 0;

  const worker = async (): Promise<void> => {
    while (next < items.length && !options.signal?.aborted) {
      const index = next++;
      try {
        await work(items[index] as T);
        outcomes[index] = { ok: true };
        progress.succeeded += 1;
      } catch (error) {
        outcomes[index] = { ok: false, error };
        progress.failed += 1;
      }
      progress.done += 1;
      options.onProgress?.({ ...progress });
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));

  const report: BulkReport<T> = { succeeded: [], failed: [] };
  outcomes.forEach((outcome, index) => {
    const item = items[index] as T;
    if (outcome?.ok) report.succeeded.push(item);
    else if (outcome) report.failed.push({ item, error: outcome.error });
  });
  return report;
}

export interface BulkPlan<T> {
  /** Items the action can be applied to. */
  runnable: T[];
  /** Items it cannot, each with why. */
  skipped: { item: T; reason: string }[];
}

/** Splits a selection by a rule that says why an item cannot be acted on (null: it can). */
export function planBulk<T>(items: readonly T[], blockedReason: (item: T) => string | null): BulkPlan<T> {
  const plan: BulkPlan<T> = { runnable: [], skipped: [] };
  for (const item of items) {
    const reason = blockedReason(item);
    if (reason === null) plan.runnable.push(item);
    else plan.skipped.push({ item, reason });
  }
  return plan;
}

/** "3 of 10" (and how many failed so far). */
export function formatProgress(progress: BulkProgress): string {
  const failed = progress.failed > 0 ? `, ${progress.failed} failed` : '';
  return `${progress.done} of ${progress.total}${failed}`;
}
