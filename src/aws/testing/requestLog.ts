/**
 * Records every call a client makes: operation, region, input and the time span it was in flight (from
 * just before the request handler sends it to when the answer came back), so tests can count pages and
 * check that calls overlapped (ran in parallel) or did not.
 */
import type { CloudHSMV2Client } from '@aws-sdk/client-cloudhsm-v2';

export interface RecordedCall {
  region: string;
  operation: string;
  input: Record<string, unknown>;
  start: number;
  end?: number;
}

export class RequestLog {
  readonly calls: RecordedCall[] = [];
  private inFlight = 0;
  /** The most calls in flight at one moment. */
  maxInFlight = 0;

  attach(client: CloudHSMV2Client, region: string): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const call: RecordedCall = {
          region,
          operation: String(context.commandName ?? '').replace(/Command$/, ''),
          input: { ...(args.input as Record<string, unknown>) },
          start: performance.now(),
        };
        this.calls.push(call);
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        try {
          return await next(args);
        } finally {
          this.inFlight--;
          call.end = performance.now();
        }
      },
      // Innermost: around the request handler only (after signing, inside retries).
      { step: 'deserialize', priority: 'low', name: 'testRequestLog' },
    );
  }

  of(operation: string, region?: string): RecordedCall[] {
    return this.calls.filter((c) => c.operation === operation && (region === undefined || c.region === region));
  }

  /** The first call of `operation` in each of `regions` (to check that the regions were asked in parallel). */
  firstOfEach(operation: string, regions: readonly string[]): RecordedCall[] {
    return regions.map((region) => {
      const first = this.of(operation, region)[0];
      if (!first) throw new Error(`no ${operation} call in ${region}`);
      return first;
    });
  }

  /** The most of `calls` in flight at one moment (from their recorded spans). */
  static maxOverlap(calls: readonly RecordedCall[]): number {
    const events = calls.flatMap((c) => [
      { t: c.start, d: 1 },
      { t: c.end ?? Infinity, d: -1 },
    ]);
    events.sort((a, b) => a.t - b.t || a.d - b.d);
    let current = 0;
    let max = 0;
    for (const e of events) {
      current += e.d;
      max = Math.max(max, current);
    }
    return max;
  }

  clear(): void {
    this.calls.length = 0;
    this.maxInFlight = 0;
  }
}
