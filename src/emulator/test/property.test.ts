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
import { ERROR_STATUS } from '../errors';
import { OPERATION_INPUTS, OPERATION_NAMES, type OperationName, type Shape, type StringShape } from '../model/shapes';
import type { RunningEmulator } from '../node/server';
import { scopeHeader, startTestEmulator } from '../testing/harness';

const RUNS_PER_OPERATION = 35;
const REQUEST_TIMEOUT_MS = 5_000;
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;
const TYPED_4XX = new Set(Object.entries(ERROR_STATUS).filter(([, status]) => status >= 400 && status < 500).map(([type]) => type));

let running: RunningEmulator;
let url: string;

/** Ids and values that exist in the seeded state, so generated requests get past "not found". */
const known = {
  ClusterId: [] as string[],
  HsmId: [] as string[],
  BackupId: [] as string[],
  BackupArn: [] as string[],
  CloudHsmArn: [] as string[],
  ResourceId: [] as string[],
  SubnetId: [] as string[],
  EniId: [] as string[],
  IpAddress: [] as string[],
  ExternalAz: [] as string[],
  Region: [...REGIONS, 'ap-southeast-1', 'us-gov-west-1'] as string[],
  HsmType: ['hsm2m.medium', 'hsm1.medium', 'hsm3.large'] as string[],
  Field: ['clusterIds', 'vpcIds', 'states', 'backupIds', 'sourceBackupIds', 'neverExpires'] as string[],
  String: ['ACTIVE', 'READY', 'PENDING_DELETION', 'true', 'false'] as string[],
  TagKey: ['Name', 'Environment', 'aws:reserved', 'Owner'] as string[],
  TagValue: ['', 'prod', 'payments'] as string[],
  Cert: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n'] as string[],
  ResourcePolicy: ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["cloudhsm:CreateCluster"],"Resource":"*"}]}', '{}', 'not json'] as string[],
  BackupRetentionValue: ['6', '7', '90', '379', '380', '0', '999'] as string[],
  NextToken: ['', 'eyJwIjpbMCwiYSJdLCJmIjoieCJ9', '%%%'] as string[],
};

// ---------------------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------------------

const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -Number.MAX_SAFE_INTEGER, 2 ** 31, -(2 ** 31) - 1, -0, 0.1, 1e-320, 4.9e-324);
const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  hugeNumber,
  fc.constant(null),
  fc.constantFrom({}, [], '', [[[[[]]]]], { __proto__: { x: 1 } }, { constructor: 'x' }, [null], { '': '' }),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

/** One-character edits and case/space changes of a string: the near misses of whatever pattern it fits. */
function nearMiss(base: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(base, fc.nat(), fc.constantFrom('insert', 'delete', 'replace', 'upper', 'lower', 'pad', 'prefix', 'double'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }))
    .map(([s, n, edit, ch]) => {
      const i = s.length === 0 ? 0 : n % s.length;
      switch (edit) {
        case 'insert':
          return s.slice(0, i) + ch + s.slice(i);
        case 'delete':
          return s.slice(0, i) + s.slice(i + 1);
        case 'replace':
          return s.slice(0, i) + ch + s.slice(i + 1);
        case 'upper':
          return s.toUpperCase();
        case 'lower':
          return s.toLowerCase();
        case 'pad':
          return ` ${s}\n`;
        case 'prefix':
          return `arn:aws:cloudhsm:us-east-1:123456789012:${s}`;
        default:
          return s + s;
      }
    });
}

function stringArb(shape: StringShape): fc.Arbitrary<string> {
  const pool = [...(shape.enum ?? []), ...((known as Record<string, string[]>)[shape.name] ?? [])];
  const options: fc.Arbitrary<string>[] = [fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 20 })];
  if (pool.length > 0) {
    options.push(fc.constantFrom(...pool), fc.constantFrom(...pool), nearMiss(fc.constantFrom(...pool)));
  }
  if (shape.pattern) {
    try {
      const matching = fc.stringMatching(shape.pattern, { size: 'small' });
      options.push(matching, nearMiss(matching));
    } catch {
      // Patterns fast-check cannot generate from (unicode classes) still get the pool and random strings.
    }
  }
  if (shape.max !== undefined) {
    const max = shape.max;
    options.push(fc.constantFrom(max - 1, max, max + 1, max * 3).map((n) => 'A'.repeat(Math.max(0, n))));
  }
  return fc.oneof(...options);
}

function valueArb(shape: Shape): fc.Arbitrary<unknown> {
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (shape.type) {
      case 'string':
        return stringArb(shape);
      case 'integer':
        return fc.oneof(fc.integer({ min: -3, max: (shape.max ?? 100) + 3 }), hugeNumber, fc.double());
      case 'boolean':
        return fc.boolean();
      case 'list': {
        const max = shape.max ?? 5;
        return fc.oneof(
          fc.array(valueArb(shape.member), { maxLength: 4 }),
          fc.constantFrom(max, max + 1).chain((n) => fc.array(valueArb(shape.member), { minLength: n, maxLength: n })),
        );
      }
      case 'map':
        return fc.dictionary(fc.oneof(stringArb(shape.key), fc.string({ maxLength: 8 })), fc.oneof(valueArb(shape.value), junk), { maxKeys: 4 });
      case 'structure': {
        const members = Object.fromEntries(Object.entries(shape.members).map(([name, member]) => [name, valueArb(member)]));
        return fc.record(members, { requiredKeys: [] });
      }
    }
  })();
  // Mostly well-typed (to reach the semantic checks), sometimes anything at all.
  return fc.oneof({ arbitrary: typed, weight: 4 }, { arbitrary: junk, weight: 1 });
}

interface Request {
  body: string | Uint8Array<ArrayBuffer>;
  region: (typeof REGIONS)[number] | null;
  label: string;
}

const requestArbs = new Map<OperationName, fc.Arbitrary<Request>>();
/** Built on first use (after `known` is filled), then reused: building the pattern arbitraries is not free. */
function requestArb(operation: OperationName): fc.Arbitrary<Request> {
  let arb = requestArbs.get(operation);
  if (!arb) {
    arb = buildRequestArb(operation);
    requestArbs.set(operation, arb);
  }
  return arb;
}

function buildRequestArb(operation: OperationName): fc.Arbitrary<Request> {
  const input = OPERATION_INPUTS[operation];
  const names = Object.keys(input.members);
  const region = fc.constantFrom<(typeof REGIONS)[number] | null>(null, ...REGIONS);
  const json = (label: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<Request> =>
    fc.tuple(value, region).map(([v, r]) => ({ body: JSON.stringify(v) ?? 'null', region: r, label }));
  return fc.oneof(
    { arbitrary: json('shaped', valueArb(input)), weight: 5 },
    { arbitrary: json('right names, random values', fc.record(Object.fromEntries(names.map((n) => [n, junk])), { requiredKeys: [] })), weight: 2 },
    { arbitrary: json('any JSON', fc.jsonValue({ maxDepth: 4 })), weight: 1 },
    { arbitrary: json('anything', fc.anything({ maxDepth: 3 }).map((v) => (v === undefined ? null : v))), weight: 1 },
    { arbitrary: fc.tuple(fc.uint8Array({ maxLength: 300 }), region).map(([b, r]) => ({ body: b, region: r, label: 'random bytes' })), weight: 1 },
    {
      arbitrary: fc.tuple(fc.string({ maxLength: 200 }), region).map(([s, r]) => ({ body: s, region: r, label: 'random text' })),
      weight: 1,
    },
    {
      // Valid-looking JSON with one character cut or changed: mostly malformed.
      arbitrary: fc.tuple(nearMiss(valueArb(input).map((v) => JSON.stringify(v) ?? '{}')), region).map(([s, r]) => ({ body: s, region: r, label: 'mangled JSON' })),
      weight: 1,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom(...names), fc.integer({ min: 1000, max: 20_000 }), region)
        .map(([name, depth, r]) => ({ body: `{"${name}":${'['.repeat(depth)}${']'.repeat(depth)}}`, region: r, label: 'deep nesting' })),
      weight: 1,
    },
  );
}

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

const snapshot = (): string => JSON.stringify(running.emulator.store.snapshot());

beforeAll(async () => {
  running = await startTestEmulator({ seed: 'demo', speed: 0.0001 });
  url = running.url;
  const east = running.emulator.store.snapshot().regions.find((r) => r.region === 'us-east-1');
  if (!east) throw new Error('the demo seed has no us-east-1');
  for (const cluster of east.clusters) {
    known.ClusterId.push(cluster.ClusterId);
    known.ResourceId.push(cluster.ClusterId);
    known.CloudHsmArn.push(`arn:aws:cloudhsm:us-east-1:${running.emulator.config.account}:cluster/${cluster.ClusterId}`);
    for (const [az, subnet] of Object.entries(cluster.SubnetMapping)) {
      known.ExternalAz.push(az);
      known.SubnetId.push(subnet);
    }
    for (const hsm of cluster.Hsms) {
      known.HsmId.push(hsm.HsmId);
      known.EniId.push(hsm._eniId);
      known.IpAddress.push(hsm._eniIp);
    }
  }
  for (const backup of east.backups.slice(-30)) {
    const arn = `arn:aws:cloudhsm:us-east-1:${running.emulator.config.account}:backup/${backup.BackupId}`;
    known.BackupId.push(backup.BackupId);
    known.ResourceId.push(backup.BackupId);
    known.BackupArn.push(backup.BackupId, arn);
    known.CloudHsmArn.push(arn);
  }
  for (const subnet of east.subnets) known.SubnetId.push(subnet.SubnetId);
  expect(known.ClusterId.length).toBeGreaterThan(0);
  expect(known.BackupId.length).toBeGreaterThan(0);
});
afterAll(async () => {
  await running.close();
});

describe('random and malformed requests', () => {
  it('the demo state does not change by itself while the test runs (so differences are the requests\')', async () => {
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
        expect(snapshot() === before, `a refused ${operation} (${error['__type']}: ${String(error['message'])}) changed the store`).toBe(true);
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
    const deep = fc.sample(
      fc.oneof(...OPERATION_NAMES.map((op) => requestArb(op).map((r) => [op, r] as const))),
      { numRuns: 200, seed: 42 },
    );
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
