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
import { OPERATION_INPUTS, type Shape, type StringShape } from '../../cloudhsm/constraints';
import { OPERATION_NAMES, type OperationName } from '../../cloudhsm/operations';
import type { RunningEmulator } from '../node/server';
import { scopeHeader, startTestEmulator } from '../testing/harness';

const RUNS_PER_OPERATION = 40;
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
  const options: fc.WeightedArbitrary<string>[] = [
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }), weight: 1 },
  ];
  if (pool.length > 0) {
    // Mostly values that exist or are allowed, so requests get past validation and "not found".
    options.push({ arbitrary: fc.constantFrom(...pool), weight: 8 }, { arbitrary: nearMiss(fc.constantFrom(...pool)), weight: 2 });
  }
  if (shape.pattern) {
    try {
      const matching = fc.stringMatching(shape.pattern, { size: 'small' });
      options.push({ arbitrary: matching, weight: 2 }, { arbitrary: nearMiss(matching), weight: 1 });
    } catch {
      // Patterns fast-check cannot generate from (unicode classes) still get the pool and random strings.
    }
  }
  if (shape.max !== undefined) {
    const max = shape.max;
    options.push({ arbitrary: fc.constantFrom(max - 1, max, max + 1, max * 3).map((n) => 'A'.repeat(Math.max(0, n))), weight: 1 });
  }
  return fc.oneof(...options);
}

/**
 * Values for `shape`. `plausible`: only values that exist or are allowed (well-typed, from the pool), so the
 * request reaches the operation's own checks; otherwise mostly well-typed with junk mixed in at every level.
 */
function valueArb(shape: Shape, plausible = false): fc.Arbitrary<unknown> {
  const typed = ((): fc.Arbitrary<unknown> => {
    switch (shape.type) {
      case 'string': {
        const pool = [...(shape.enum ?? []), ...((known as Record<string, string[]>)[shape.name] ?? [])];
        return plausible && pool.length > 0 ? fc.constantFrom(...pool) : stringArb(shape);
      }
      case 'integer':
        return plausible
          ? fc.integer({ min: shape.min ?? 0, max: shape.max ?? 100 })
          : fc.oneof(fc.integer({ min: -3, max: (shape.max ?? 100) + 3 }), hugeNumber, fc.double());
      case 'boolean':
        return fc.boolean();
      case 'list': {
        const max = shape.max ?? 5;
        if (plausible) return fc.array(valueArb(shape.member, true), { minLength: 1, maxLength: 3 });
        return fc.oneof(
          { arbitrary: fc.array(valueArb(shape.member), { maxLength: 4 }), weight: 4 },
          { arbitrary: fc.constantFrom(max, max + 1).chain((n) => fc.array(valueArb(shape.member), { minLength: n, maxLength: n })), weight: 1 },
        );
      }
      case 'map':
        if (plausible) return fc.dictionary(valueArb(shape.key, true) as fc.Arbitrary<string>, valueArb(shape.value, true), { maxKeys: 2 });
        return fc.dictionary(fc.oneof(stringArb(shape.key), fc.string({ maxLength: 8 })), fc.oneof(valueArb(shape.value), junk), { maxKeys: 4 });
      case 'structure': {
        const members = Object.fromEntries(Object.entries(shape.members).map(([name, member]) => [name, valueArb(member, plausible)]));
        // Required members are usually there (so the request gets past "must not be null").
        return fc.oneof(
          { arbitrary: fc.record(members, { requiredKeys: [...shape.required] }), weight: 3 },
          { arbitrary: fc.record(members, { requiredKeys: [] }), weight: plausible ? 0 : 1 },
        );
      }
    }
  })();
  if (plausible) return typed;
  // Mostly well-typed, sometimes anything at all.
  return fc.oneof({ arbitrary: typed, weight: 9 }, { arbitrary: junk, weight: 1 });
}

interface Request {
  body: string | Uint8Array<ArrayBuffer>;
  region: string | null;
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
  // Mostly the seeded regions; sometimes one without CloudHSM (refused before anything is looked at).
  const region = fc.constantFrom<string | null>(null, ...REGIONS, null, ...REGIONS, 'xx-east-1');
  const json = (label: string, value: fc.Arbitrary<unknown>): fc.Arbitrary<Request> =>
    fc.tuple(value, region).map(([v, r]) => ({ body: JSON.stringify(v) ?? 'null', region: r, label }));
  return fc.oneof(
    {
      // The pool holds us-east-1's ids: send these there.
      arbitrary: fc.tuple(valueArb(input, true), fc.constantFrom<'us-east-1' | null>(null, 'us-east-1')).map(([v, r]) => ({ body: JSON.stringify(v), region: r, label: 'plausible' })),
      weight: 8,
    },
    { arbitrary: json('shaped', fc.record(Object.fromEntries(Object.entries(input.members).map(([n, m]) => [n, valueArb(m)])), { requiredKeys: [] })), weight: 4 },
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
  // Backups with tags (for the tag operations), then the newest (READY ones, for policies and copies).
  const tagged = east.backups.filter((b) => b.Tags.length > 0).slice(0, 8);
  const newest = east.backups.slice(-8);
  for (const backup of new Set([...tagged, ...newest])) {
    const arn = `arn:aws:cloudhsm:us-east-1:${running.emulator.config.account}:backup/${backup.BackupId}`;
    known.BackupId.push(backup.BackupId);
    known.ResourceId.push(backup.BackupId);
    known.BackupArn.push(backup.BackupId, arn);
    known.CloudHsmArn.push(arn);
  }
  for (const subnet of east.subnets) known.SubnetId.push(subnet.SubnetId);
  // Made-up subnets: CreateCluster registers them only if it succeeds.
  known.SubnetId.push('subnet-0123456789abcdef0', 'subnet-0fedcba987654321f', 'subnet-1234abcd');
  // Tag keys that exist, so Untag/Tag requests touch real tags.
  const tagKeys = new Set([...east.clusters, ...east.backups].flatMap((r) => r.Tags.map((t) => t.Key)));
  known.TagKey.push(...tagKeys);
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
        const after = snapshot();
        if (after !== before) {
          expect.fail(`a refused ${operation} (${error['__type']}: ${String(error['message'])}) changed the store: ${difference(before, after)}`);
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

/**
 * The random search above rarely builds a request that passes every check but the last; these are built to
 * be refused late (after the operation has looked things up, planned subnets, merged tags ...), one for each
 * way a mutating operation can say no. Each must leave the store exactly as it was, other regions included.
 */
describe('requests refused late change nothing', () => {
  type Region = (typeof REGIONS)[number];
  interface LateCase {
    title: string;
    operation: OperationName;
    region: Region;
    body: Record<string, unknown>;
    type: string;
  }
  const cases: LateCase[] = [];

  beforeAll(() => {
    const snap = running.emulator.store.snapshot();
    const account = running.emulator.config.account;
    const regionOf = (name: Region) => snap.regions.find((r) => r.region === name)!;
    const east = regionOf('us-east-1');
    const eu = regionOf('eu-west-1');
    const find = <T>(items: T[], predicate: (item: T) => boolean, what: string): T => {
      const found = items.find(predicate);
      if (!found) throw new Error(`the demo seed has no ${what}`);
      return found;
    };
    const activeWithHsms = find(east.clusters, (c) => c.State === 'ACTIVE' && c.Hsms.length > 0 && c.HsmType === 'hsm2m.medium', 'ACTIVE hsm2m cluster with HSMs');
    const uninitializedWithHsm = find(east.clusters, (c) => c.State === 'UNINITIALIZED' && c.Hsms.length === 1 && c.Certificates.ClusterCsr !== undefined, 'UNINITIALIZED cluster with a CSR');
    const tagged = find(east.clusters, (c) => c.Tags.length > 0, 'tagged cluster');
    const ready = find([...east.backups].reverse(), (b) => b.BackupState === 'READY', 'READY backup');
    const pending = find(eu.backups, (b) => b.BackupState === 'PENDING_DELETION', 'PENDING_DELETION backup in eu-west-1');
    const copying = find(eu.backups, (b) => b.BackupState === 'CREATE_IN_PROGRESS', 'CREATE_IN_PROGRESS backup in eu-west-1');
    const hsm = activeWithHsms.Hsms[0]!;
    const [vpcA, vpcB] = east.vpcs;
    const subnetIn = (vpc: string, index: number) => east.subnets.filter((s) => s.VpcId === vpc)[index]!.SubnetId;
    const sameAz = east.subnets.filter((s) => s.VpcId === vpcA!.VpcId && s.AvailabilityZone === east.subnets[0]!.AvailabilityZone);
    const newSubnet = 'subnet-0abcdef0123456789';
    const create = (extra: Record<string, unknown>) => ({ HsmType: 'hsm2m.medium', SubnetIds: [newSubnet], ...extra });
    const arn = (region: string, id: string, owner = account) => `arn:aws:cloudhsm:${region}:${owner}:backup/${id}`;
    const add = (title: string, operation: OperationName, body: Record<string, unknown>, type: string, region: Region = 'us-east-1') =>
      cases.push({ title, operation, region, body, type });

    add('CreateCluster: new subnet, reserved tag key', 'CreateCluster', create({ TagList: [{ Key: 'aws:team', Value: 'x' }] }), 'CloudHsmTagException');
    add('CreateCluster: new subnet, duplicate tag keys', 'CreateCluster', create({ TagList: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] }), 'CloudHsmInvalidRequestException');
    add('CreateCluster: new subnet, unknown source backup', 'CreateCluster', create({ SourceBackupId: 'backup-aaaaaaaaaaa' }), 'CloudHsmResourceNotFoundException');
    add('CreateCluster: new subnet, retention 6 days', 'CreateCluster', create({ BackupRetentionPolicy: { Type: 'DAYS', Value: '6' } }), 'CloudHsmInvalidRequestException');
    add('CreateCluster: new subnet, retired HSM type', 'CreateCluster', create({ HsmType: 'hsm1.medium' }), 'CloudHsmInvalidRequestException');
    add('CreateCluster: NON_FIPS on hsm1', 'CreateCluster', create({ HsmType: 'hsm1.medium', Mode: 'NON_FIPS' }), 'CloudHsmInvalidRequestException');
    add('CreateCluster: subnets of two VPCs', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [subnetIn(vpcA!.VpcId, 0), subnetIn(vpcB!.VpcId, 1), newSubnet] }, 'CloudHsmInvalidRequestException');
    if (sameAz.length > 1) add('CreateCluster: two subnets in one AZ', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: sameAz.map((s) => s.SubnetId) }, 'CloudHsmInvalidRequestException');
    add('CreateCluster: a subnet twice', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [newSubnet, newSubnet] }, 'CloudHsmInvalidRequestException');
    add('CreateCluster: more new subnets than free AZs', 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: Array.from({ length: 10 }, (_, i) => `subnet-0abc${String(i).padStart(13, '0')}`) }, 'CloudHsmInvalidRequestException');
    add('TagResource: over 50 tags in all', 'TagResource', { ResourceId: tagged.ClusterId, TagList: Array.from({ length: 50 }, (_, i) => ({ Key: `new-${i}`, Value: 'v' })) }, 'CloudHsmResourceLimitExceededException');
    add('TagResource: a reserved key after a good one', 'TagResource', { ResourceId: tagged.ClusterId, TagList: [{ Key: 'fine', Value: '1' }, { Key: 'aws:x', Value: '2' }] }, 'CloudHsmTagException');
    add('UntagResource: an existing key and a reserved one', 'UntagResource', { ResourceId: tagged.ClusterId, TagKeyList: [tagged.Tags[0]!.Key, 'aws:x'] }, 'CloudHsmTagException');
    add('DeleteCluster: still has HSMs', 'DeleteCluster', { ClusterId: activeWithHsms.ClusterId }, 'CloudHsmInvalidRequestException');
    add('CreateHsm: a second HSM before activation', 'CreateHsm', { ClusterId: uninitializedWithHsm.ClusterId, AvailabilityZone: Object.keys(uninitializedWithHsm.SubnetMapping).at(-1)! }, 'CloudHsmInvalidRequestException');
    add('CreateHsm: an AZ outside the mapping', 'CreateHsm', { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: 'us-east-1f' }, 'CloudHsmInvalidRequestException');
    add('CreateHsm: an IP already in use', 'CreateHsm', { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: hsm.AvailabilityZone, IpAddress: hsm._eniIp }, 'CloudHsmInvalidRequestException');
    add('CreateHsm: an IP outside the subnet', 'CreateHsm', { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: hsm.AvailabilityZone, IpAddress: '192.168.77.10' }, 'CloudHsmInvalidRequestException');
    add('CreateHsm: an IP that is no address', 'CreateHsm', { ClusterId: activeWithHsms.ClusterId, AvailabilityZone: hsm.AvailabilityZone, IpAddress: '999.999.999.999' }, 'CloudHsmInvalidRequestException');
    add('DeleteHsm: an unknown HSM', 'DeleteHsm', { ClusterId: activeWithHsms.ClusterId, HsmId: 'hsm-aaaaaaaaaaa' }, 'CloudHsmResourceNotFoundException');
    add('DeleteHsm: no HSM named', 'DeleteHsm', { ClusterId: activeWithHsms.ClusterId }, 'CloudHsmInvalidRequestException');
    add('InitializeCluster: certificates that are not certificates', 'InitializeCluster', { ClusterId: uninitializedWithHsm.ClusterId, SignedCert: known.Cert[0]!, TrustAnchor: known.Cert[0]! }, 'CloudHsmInvalidRequestException');
    add('InitializeCluster: an ACTIVE cluster', 'InitializeCluster', { ClusterId: activeWithHsms.ClusterId, SignedCert: known.Cert[0]!, TrustAnchor: known.Cert[0]! }, 'CloudHsmInvalidRequestException');
    add('ModifyCluster: a valid retention with an impossible HSM type', 'ModifyCluster', { ClusterId: activeWithHsms.ClusterId, HsmType: 'hsm1.medium', BackupRetentionPolicy: { Type: 'DAYS', Value: '30' } }, 'CloudHsmInvalidRequestException');
    add('ModifyCluster: nothing to change', 'ModifyCluster', { ClusterId: activeWithHsms.ClusterId }, 'CloudHsmInvalidRequestException');
    add('RestoreBackup: a READY backup', 'RestoreBackup', { BackupId: ready.BackupId }, 'CloudHsmInvalidRequestException');
    add('DeleteBackup: a backup pending deletion', 'DeleteBackup', { BackupId: pending.BackupId }, 'CloudHsmInvalidRequestException', 'eu-west-1');
    add('ModifyBackupAttributes: an unknown backup', 'ModifyBackupAttributes', { BackupId: 'backup-aaaaaaaaaaa', NeverExpires: true }, 'CloudHsmResourceNotFoundException');
    add('CopyBackupToRegion: to its own region', 'CopyBackupToRegion', { BackupId: ready.BackupId, DestinationRegion: 'us-east-1' }, 'CloudHsmInvalidRequestException');
    add('CopyBackupToRegion: a backup still being made, to a new region', 'CopyBackupToRegion', { BackupId: copying.BackupId, DestinationRegion: 'ap-south-1' }, 'CloudHsmInvalidRequestException', 'eu-west-1');
    add('CopyBackupToRegion: an unknown backup, to a new region', 'CopyBackupToRegion', { BackupId: 'backup-aaaaaaaaaaa', DestinationRegion: 'ap-northeast-1' }, 'CloudHsmResourceNotFoundException');
    add('CopyBackupToRegion: a reserved tag key, to a new region', 'CopyBackupToRegion', { BackupId: ready.BackupId, DestinationRegion: 'ca-central-1', TagList: [{ Key: 'aws:x', Value: '1' }] }, 'CloudHsmTagException');
    add('CopyBackupToRegion: to a region without CloudHSM', 'CopyBackupToRegion', { BackupId: ready.BackupId, DestinationRegion: 'xx-east-1' }, 'CloudHsmInvalidRequestException');
    add('PutResourcePolicy: a policy that is not JSON', 'PutResourcePolicy', { ResourceArn: arn('us-east-1', ready.BackupId), Policy: 'not json' }, 'CloudHsmInvalidRequestException');
    add('PutResourcePolicy: on a cluster', 'PutResourcePolicy', { ResourceArn: `arn:aws:cloudhsm:us-east-1:${account}:cluster/${activeWithHsms.ClusterId}`, Policy: '{"Statement":[]}' }, 'CloudHsmInvalidRequestException');
    add("PutResourcePolicy: another account's backup", 'PutResourcePolicy', { ResourceArn: arn('us-east-1', ready.BackupId, '210987654321'), Policy: '{"Statement":[]}' }, 'CloudHsmAccessDeniedException');
    add('PutResourcePolicy: a backup pending deletion', 'PutResourcePolicy', { ResourceArn: arn('eu-west-1', pending.BackupId), Policy: '{"Statement":[]}' }, 'CloudHsmInvalidRequestException', 'eu-west-1');
    add('DeleteResourcePolicy: a backup in a never-used region', 'DeleteResourcePolicy', { ResourceArn: arn('sa-east-1', 'backup-aaaaaaaaaaa') }, 'CloudHsmResourceNotFoundException');
    add('PutResourcePolicy: no ARN', 'PutResourcePolicy', { Policy: '{"Statement":[]}' }, 'CloudHsmInvalidRequestException');
  });

  it('covers every mutating operation', () => {
    const covered = new Set(cases.map((c) => c.operation));
    for (const op of ['CreateCluster', 'TagResource', 'UntagResource', 'DeleteCluster', 'CreateHsm', 'DeleteHsm', 'InitializeCluster', 'ModifyCluster', 'RestoreBackup', 'DeleteBackup', 'ModifyBackupAttributes', 'CopyBackupToRegion', 'PutResourcePolicy', 'DeleteResourcePolicy'] as const) {
      expect(covered.has(op), op).toBe(true);
    }
  });

  it('each is refused with the expected error and leaves the store as it was', async () => {
    const problems: string[] = [];
    for (const c of cases) {
      const before = snapshot();
      const answer = await call(c.operation, { body: JSON.stringify(c.body), region: c.region, label: c.title });
      const body = JSON.parse(answer.text) as Record<string, unknown>;
      if (answer.status !== 400 || body['__type'] !== c.type) problems.push(`${c.title}: expected 400 ${c.type}, got ${answer.status} ${answer.text}`);
      const after = snapshot();
      if (after !== before) problems.push(`${c.title}: the store changed (${answer.status} ${answer.text}): ${difference(before, after)}`);
    }
    expect(problems).toEqual([]);
  });
});
