/** What the emulator bench and its load generator (a child process) tell each other, and the limits both keep. */

export const HOST = '127.0.0.1';
export const TARGET = 'BaldrApiService.';
/** Hard cap on requests per scenario, whatever the duration. */
export const MAX_REQUESTS_PER_SCENARIO = 500_000;

export interface RawScenario {
  kind: 'raw';
  name: string;
  operation: 'DescribeClusters' | 'DescribeBackups';
  /** Request bodies, cycled through. */
  bodies: string[];
  /** Regions (fake SigV4 scope headers), cycled through; null: unsigned (us-east-1). */
  regions: (string | null)[];
  /** Replace the bodies with deep-page NextTokens found by walking the pages first (DescribeBackups). */
  deepPages?: { region: string; maxResults: number; fromPage: number };
  /**
   * Make every request's body text different (padding whitespace: the same request to the emulator);
   * otherwise identical requests repeat, as when a dashboard polls.
   */
  distinct?: boolean;
  concurrency: number;
  seconds: number;
}

export interface SdkScenario {
  kind: 'sdk';
  name: string;
  operation: 'DescribeClusters' | 'DescribeBackups';
  maxResults: number;
  regions: string[];
  concurrency: number;
  seconds: number;
}

export type Scenario = RawScenario | SdkScenario;

export interface ScenarioResult {
  name: string;
  concurrency: number;
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  meanBytes: number;
  /** What one response held, as a sanity check (items per page). */
  itemsPerPage: number;
  note?: string;
}

export type ToGenerator = { type: 'run'; url: string; scenario: Scenario } | { type: 'exit' };
export type FromGenerator =
  | { type: 'ready' }
  /** The measured part of a scenario starts or ends (the server samples its CPU time). */
  | { type: 'phase'; phase: 'start' | 'end' }
  | { type: 'result'; result: ScenarioResult }
  | { type: 'failed'; message: string };

/** Tells the bench process (the server) where the measured part of a scenario starts and ends. */
export function phase(which: 'start' | 'end'): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) resolve();
    else process.send({ type: 'phase', phase: which } satisfies FromGenerator, () => resolve());
  });
}
