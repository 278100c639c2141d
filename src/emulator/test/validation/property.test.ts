/**
 * Property tests over real HTTP, for each of the 18 operations: whatever the body (any JSON value, the right
 * member names with values of random types, near-miss strings for each pattern, ids that exist, huge numbers,
 * nested junk, random bytes), the answer is 200 or a typed 4xx AWS error — never a 5xx, never a hang, and
 * the server keeps answering. And a refused request changes nothing in the store.
 *
 * The emulator runs the demo seed at speed 0.0001, so no work finishes while the test runs (the next calendar
 * event is hours away): any difference between the store before and after a refused request is the request's.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../../errors';
import { OPERATION_NAMES, type OperationName } from '../../../cloudhsm/operations';
import type { RunningEmulator } from '../../node/server';
import { learnKnown, requestArb, type Request } from '../../testing/arbitraries';
import { lateRefusals, type LateCase } from '../../testing/lateRefusals';
import { scopeHeader, startTestEmulator } from '../../testing/harness';

const RUNS_PER_OPERATION = 40;
const REQUEST_TIMEOUT_MS = 5_000;
const TYPED_4XX = new Set(
  Object.entries(ERROR_STATUS)
    .filter(([, status]) => status >= 400 && status < 500)
    .map(([type]) => type),
);

let running: RunningEmulator;
let url: string;

// ---------------------------------------------------------------------------------------------------------

interface Answer {
  status: number;
  requestId: string | null;
  text: string;
}

async function call(operation: OperationName, request: Request): Promise<Answer> {
  const headers: Record<string, string> = { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': `BaldrApiService.${operation}` };
  if (request.region) headers['Authorization'] = scopeHeader(request.region);
  // A hang shows up as an AbortError (TimeoutError), which fails the property.
  const response = await fetch(`${url}/`, { method: 'POST', headers, body: request.body, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return { status: response.status, requestId: response.headers.get('x-amzn-requestid'), text: await response.text() };
}

/**
 * The store as JSON. Runs the lifecycle first: a successful request may leave work for the next tick (a
 * shorter retention purges backups on the next tick), which must not be blamed on the request after it.
 */
const snapshot = (): string => {
  running.emulator.tick();
  return JSON.stringify(running.emulator.store.snapshot());
};

/** The first few paths at which two snapshots differ, for failure messages. */
function difference(before: string, after: string): string {
  const paths: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (paths.length >= 5 || JSON.stringify(a) === JSON.stringify(b)) return;
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
      const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
      for (const key of keys) walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
    } else paths.push(`${path}: ${JSON.stringify(a)?.slice(0, 120)} → ${JSON.stringify(b)?.slice(0, 120)}`);
  };
  walk(JSON.parse(before), JSON.parse(after), '');
  return paths.join('; ');
}

beforeAll(async () => {
  running = await startTestEmulator({ seed: 'demo', speed: 0.0001 });
  url = running.url;
  const east = running.emulator.store.snapshot().regions.find((r) => r.region === 'us-east-1');
  if (!east) throw new Error('the demo seed has no us-east-1');
  learnKnown(east, running.emulator.config.account);
});
afterAll(async () => {
  await running.close();
});

describe('random and malformed requests', () => {
  it("the demo state does not change by itself while the test runs (so differences are the requests')", async () => {
    const before = snapshot();
    await new Promise((resolve) => setTimeout(resolve, 200));
    running.emulator.tick();
    expect(snapshot()).toBe(before);
  });

  it.each(OPERATION_NAMES)('%s: always 200 or a typed 4xx, never a 5xx or a hang; a refused request changes nothing', async (operation) => {
    const outcomes = { ok: 0, refused: 0 };
    await fc.assert(
      fc.asyncProperty(requestArb(operation), async (request) => {
        const before = snapshot();
        const answer = await call(operation, request);
        expect(answer.requestId, 'x-amzn-RequestId').toBeTruthy();
        const body: unknown = JSON.parse(answer.text);
        expect(typeof body === 'object' && body !== null && !Array.isArray(body), answer.text).toBe(true);
        if (answer.status === 200) {
          outcomes.ok++;
          expect(body).not.toHaveProperty('__type');
          return;
        }
        outcomes.refused++;
        expect(answer.status, `${request.label}: ${answer.text}`).toBeGreaterThanOrEqual(400);
        expect(answer.status, `${request.label}: ${answer.text}`).toBeLessThan(500);
        const error = body as Record<string, unknown>;
        expect(TYPED_4XX.has(String(error['__type'])), answer.text).toBe(true);
        expect(typeof error['message']).toBe('string');
        expect((error['message'] as string).length).toBeGreaterThan(0);
        const after = snapshot();
        if (after !== before) {
          expect.fail(
            `a refused ${operation} (${error['__type']}: ${String(error['message'])}) changed the store: ${difference(before, after)}`,
          );
        }
      }),
      { numRuns: RUNS_PER_OPERATION, endOnFailure: true },
    );
    // Most random requests are refused; the server must still be answering.
    expect(outcomes.refused).toBeGreaterThan(0);
    const health = await call('DescribeClusters', { body: '{}', region: null, label: 'health' });
    expect(health.status).toBe(200);
  });

  it('requests that name existing resources reach the semantic checks (the generators are not all junk)', async () => {
    const types = new Set<string>();
    const deep = fc.sample(fc.oneof(...OPERATION_NAMES.map((op) => requestArb(op).map((r) => [op, r] as const))), {
      numRuns: 200,
      seed: 42,
    });
    for (const [op, request] of deep) {
      const answer = await call(op, request);
      expect(answer.status, `${op} ${request.label}: ${answer.text}`).toBeLessThan(500);
      const body = JSON.parse(answer.text) as Record<string, unknown>;
      types.add(answer.status === 200 ? 'OK' : String(body['__type']));
    }
    // Beyond validation: some successes and some not-found or state errors.
    expect(types.has('OK')).toBe(true);
    expect(types.has('CloudHsmInvalidRequestException')).toBe(true);
    expect(types.has('SerializationException')).toBe(true);
    expect(types.has('CloudHsmResourceNotFoundException')).toBe(true);
  });
});

/**
 * The random search above rarely builds a request that passes every check but the last; these are built to
 * be refused late (after the operation has looked things up, planned subnets, merged tags ...), one for each
 * way a mutating operation can say no. Each must leave the store exactly as it was, other regions included.
 */
describe('requests refused late change nothing', () => {
  let cases: LateCase[] = [];
  beforeAll(() => {
    cases = lateRefusals(running.emulator.store.snapshot(), running.emulator.config.account);
  });

  it('covers every mutating operation', () => {
    const covered = new Set(cases.map((c) => c.operation));
    for (const op of [
      'CreateCluster',
      'TagResource',
      'UntagResource',
      'DeleteCluster',
      'CreateHsm',
      'DeleteHsm',
      'InitializeCluster',
      'ModifyCluster',
      'RestoreBackup',
      'DeleteBackup',
      'ModifyBackupAttributes',
      'CopyBackupToRegion',
      'PutResourcePolicy',
      'DeleteResourcePolicy',
    ] as const) {
      expect(covered.has(op), op).toBe(true);
    }
  });

  it('each is refused with the expected error and leaves the store as it was', async () => {
    const problems: string[] = [];
    for (const c of cases) {
      const before = snapshot();
      const answer = await call(c.operation, { body: JSON.stringify(c.body), region: c.region, label: c.title });
      const body = JSON.parse(answer.text) as Record<string, unknown>;
      if (answer.status !== 400 || body['__type'] !== c.type)
        problems.push(`${c.title}: expected 400 ${c.type}, got ${answer.status} ${answer.text}`);
      const after = snapshot();
      if (after !== before) problems.push(`${c.title}: the store changed (${answer.status} ${answer.text}): ${difference(before, after)}`);
    }
    expect(problems).toEqual([]);
  });
});
