import { describe, expect, it } from 'vitest';
import { formatProgress, planBulk, runBulk, type BulkProgress } from './bulkRunner';

/** Work whose calls finish when the test says; records how many run at once. */
function controlledWork() {
  const waiting: { item: number; finish: (fail?: unknown) => void }[] = [];
  let running = 0;
  let maxRunning = 0;
  const started: number[] = [];
  const work = (item: number) =>
    new Promise<void>((resolve, reject) => {
      running += 1;
      maxRunning = Math.max(maxRunning, running);
      started.push(item);
      waiting.push({
        item,
        finish: (fail) => {
          running -= 1;
          if (fail === undefined) resolve();
          else reject(fail);
        },
      });
    });
  return { work, waiting, started, maxRunning: () => maxRunning };
}

const tick = () => new Promise((done) => setTimeout(done, 0));

describe('runBulk', () => {
  it('runs at most four at once and starts the next as one finishes', async () => {
    const w = controlledWork();
    const items = Array.from({ length: 10 }, (_, i) => i);
    const run = runBulk(items, w.work);
    await tick();
    expect(w.started).toEqual([0, 1, 2, 3]);
    w.waiting.shift()!.finish();
    await tick();
    expect(w.started).toEqual([0, 1, 2, 3, 4]);
    while (w.waiting.length > 0) {
      w.waiting.shift()!.finish();
      await tick();
    }
    const report = await run;
    expect(w.maxRunning()).toBe(4);
    expect(report.succeeded).toEqual(items);
    expect(report.failed).toEqual([]);
  });

  it('reports progress after each item, with failures counted, and keeps going after a failure', async () => {
    const progress: BulkProgress[] = [];
    const report = await runBulk(
      ['a', 'b', 'c'],
      async (item) => {
        if (item === 'b') throw new Error('AccessDenied');
      },
      { concurrency: 1, onProgress: (p) => progress.push(p) },
    );
    expect(progress).toEqual([
      { done: 1, total: 3, succeeded: 1, failed: 0 },
      { done: 2, total: 3, succeeded: 1, failed: 1 },
      { done: 3, total: 3, succeeded: 2, failed: 1 },
    ]);
    expect(report.succeeded).toEqual(['a', 'c']);
    expect(report.failed.map((f) => [f.item, (f.error as Error).message])).toEqual([['b', 'AccessDenied']]);
  });

  it('lists results in the order of the items, whatever order they finish in', async () => {
    const w = controlledWork();
    const run = runBulk([0, 1, 2], w.work, { concurrency: 3 });
    await tick();
    w.waiting[2]!.finish(new Error('late failure'));
    w.waiting[0]!.finish();
    w.waiting[1]!.finish();
    const report = await run;
    expect(report.succeeded).toEqual([0, 1]);
    expect(report.failed.map((f) => f.item)).toEqual([2]);
  });

  it('does nothing for no items, and treats a silly concurrency as one', async () => {
    expect(await runBulk([], async () => undefined)).toEqual({ succeeded: [], failed: [] });
    const w = controlledWork();
    const run = runBulk([0, 1], w.work, { concurrency: 0 });
    await tick();
    expect(w.started).toEqual([0]);
    w.waiting.shift()!.finish();
    await tick();
    w.waiting.shift()!.finish();
    expect((await run).succeeded).toEqual([0, 1]);
  });

  it('starts nothing new once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const report = await runBulk(
      [0, 1, 2, 3],
      async (item) => {
        started.push(item);
        if (item === 1) controller.abort();
      },
      { concurrency: 1, signal: controller.signal },
    );
    expect(started).toEqual([0, 1]);
    expect(report.succeeded).toEqual([0, 1]);
  });
});

describe('planBulk', () => {
  it('splits items into runnable and skipped with the reason', () => {
    const plan = planBulk(['READY', 'PENDING_DELETION', 'READY'], (state) => (state === 'READY' ? null : `is ${state}`));
    expect(plan.runnable).toEqual(['READY', 'READY']);
    expect(plan.skipped).toEqual([{ item: 'PENDING_DELETION', reason: 'is PENDING_DELETION' }]);
  });
});

describe('formatProgress', () => {
  it('says how far it got and how many failed', () => {
    expect(formatProgress({ done: 3, total: 10, succeeded: 3, failed: 0 })).toBe('3 of 10');
    expect(formatProgress({ done: 4, total: 10, succeeded: 3, failed: 1 })).toBe('4 of 10, 1 failed');
  });
});
