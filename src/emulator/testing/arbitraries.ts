/**
 * Test helpers for the property tests: fast-check arbitraries of request bodies for each operation, built from
 * the constraint table (src/cloudhsm/constraints.ts), and the pool of ids and values that exist in the seeded
 * state, so generated requests get past "not found".
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { OPERATION_INPUTS, type Shape, type StringShape } from '../../cloudhsm/constraints';
import type { OperationName } from '../../cloudhsm/operations';
import type { Snapshot } from '../store';

type RegionSnapshot = Snapshot['regions'][number];

/** The regions requests go to (the pool holds us-east-1's ids). */
export const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'] as const;

/** Ids and values that exist in the seeded state, so generated requests get past "not found". */
export const known = {
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
  ResourcePolicy: [
    '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::210987654321:root"},"Action":["cloudhsm:CreateCluster"],"Resource":"*"}]}',
    '{}',
    'not json',
  ] as string[],
  BackupRetentionValue: ['6', '7', '90', '379', '380', '0', '999'] as string[],
  NextToken: ['', 'eyJwIjpbMCwiYSJdLCJmIjoieCJ9', '%%%'] as string[],
};

const hugeNumber = fc.constantFrom(
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  2 ** 31,
  -(2 ** 31) - 1,
  -0,
  0.1,
  1e-320,
  4.9e-324,
);
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
    .tuple(
      base,
      fc.nat(),
      fc.constantFrom('insert', 'delete', 'replace', 'upper', 'lower', 'pad', 'prefix', 'double'),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    )
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
          {
            arbitrary: fc.constantFrom(max, max + 1).chain((n) => fc.array(valueArb(shape.member), { minLength: n, maxLength: n })),
            weight: 1,
          },
        );
      }
      case 'map':
        if (plausible) return fc.dictionary(valueArb(shape.key, true) as fc.Arbitrary<string>, valueArb(shape.value, true), { maxKeys: 2 });
        return fc.dictionary(fc.oneof(stringArb(shape.key), fc.string({ maxLength: 8 })), fc.oneof(valueArb(shape.value), junk), {
          maxKeys: 4,
        });
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

export interface Request {
  body: string | Uint8Array<ArrayBuffer>;
  region: string | null;
  label: string;
}

const requestArbs = new Map<OperationName, fc.Arbitrary<Request>>();
/** Built on first use (after `known` is filled), then reused: building the pattern arbitraries is not free. */
export function requestArb(operation: OperationName): fc.Arbitrary<Request> {
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
      arbitrary: fc
        .tuple(valueArb(input, true), fc.constantFrom<'us-east-1' | null>(null, 'us-east-1'))
        .map(([v, r]) => ({ body: JSON.stringify(v), region: r, label: 'plausible' })),
      weight: 8,
    },
    {
      arbitrary: json(
        'shaped',
        fc.record(Object.fromEntries(Object.entries(input.members).map(([n, m]) => [n, valueArb(m)])), { requiredKeys: [] }),
      ),
      weight: 4,
    },
    {
      arbitrary: json('right names, random values', fc.record(Object.fromEntries(names.map((n) => [n, junk])), { requiredKeys: [] })),
      weight: 2,
    },
    { arbitrary: json('any JSON', fc.jsonValue({ maxDepth: 4 })), weight: 1 },
    {
      arbitrary: json(
        'anything',
        fc.anything({ maxDepth: 3 }).map((v) => (v === undefined ? null : v)),
      ),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fc.uint8Array({ maxLength: 300 }), region).map(([b, r]) => ({ body: b, region: r, label: 'random bytes' })),
      weight: 1,
    },
    {
      arbitrary: fc.tuple(fc.string({ maxLength: 200 }), region).map(([s, r]) => ({ body: s, region: r, label: 'random text' })),
      weight: 1,
    },
    {
      // Valid-looking JSON with one character cut or changed: mostly malformed.
      arbitrary: fc
        .tuple(nearMiss(valueArb(input).map((v) => JSON.stringify(v) ?? '{}')), region)
        .map(([s, r]) => ({ body: s, region: r, label: 'mangled JSON' })),
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

/** Learns the ids and values of a region's stored state (the seeded us-east-1), so requests can name them. */
export function learnKnown(east: RegionSnapshot, account: string): void {
  for (const cluster of east.clusters) {
    known.ClusterId.push(cluster.ClusterId);
    known.ResourceId.push(cluster.ClusterId);
    known.CloudHsmArn.push(`arn:aws:cloudhsm:us-east-1:${account}:cluster/${cluster.ClusterId}`);
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
    const arn = `arn:aws:cloudhsm:us-east-1:${account}:backup/${backup.BackupId}`;
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
}
