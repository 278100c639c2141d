/** The measuring loop of the load generator and the figures it reduces to. */
import { performance } from 'node:perf_hooks';
import { MAX_REQUESTS_PER_SCENARIO, type Scenario, type ScenarioResult } from './protocol';

export interface DriveOutcome {
  latencies: Float64Array;
  requests: number;
  errors: number;
  firstError?: string;
  elapsed: number;
  bytes: number;
}

/** Runs `once` with `concurrency` loops until the time or the request cap is reached. */
export async function drive(
  concurrency: number,
  seconds: number,
  once: (n: number) => Promise<{ ok: boolean; bytes: number; error?: string }>,
): Promise<DriveOutcome> {
  const latencies = new Float64Array(MAX_REQUESTS_PER_SCENARIO);
  let issued = 0;
  let done = 0;
  let errors = 0;
  let bytes = 0;
  let firstError: string | undefined;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const loop = async (): Promise<void> => {
    while (performance.now() < deadline && issued < MAX_REQUESTS_PER_SCENARIO) {
      const n = issued++;
      const t0 = performance.now();
      let outcome: { ok: boolean; bytes: number; error?: string };
      try {
        outcome = await once(n);
      } catch (error) {
        outcome = { ok: false, bytes: 0, error: error instanceof Error ? error.message : String(error) };
      }
      latencies[done++] = performance.now() - t0;
      bytes += outcome.bytes;
      if (!outcome.ok) {
        errors++;
        firstError ??= outcome.error;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - start) / 1000;
  return { latencies: latencies.subarray(0, done).sort(), requests: done, errors, firstError, elapsed, bytes };
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export function summarize(scenario: Scenario, run: DriveOutcome, itemsPerPage: number, note: string | undefined): ScenarioResult {
  return {
    name: scenario.name,
    concurrency: scenario.concurrency,
    requests: run.requests,
    errors: run.errors,
    firstError: run.firstError,
    seconds: run.elapsed,
    perSecond: run.requests / run.elapsed,
    p50: percentile(run.latencies, 50),
    p99: percentile(run.latencies, 99),
    max: run.latencies.length ? run.latencies[run.latencies.length - 1]! : NaN,
    meanBytes: run.requests ? run.bytes / run.requests : 0,
    itemsPerPage,
    note,
  };
}
