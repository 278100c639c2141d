/**
 * Test values per shape name of the constraint table (src/cloudhsm/constraints.ts): valid ones (the i-th of many
 * distinct ones), valid ones of a given length, near misses for each pattern (one character or one detail away
 * from valid) and near hits (odd but valid). The validation table (validationCases.ts) is built from them.
 */
import { expect } from 'vitest';
import type { Shape, StringShape } from '../../cloudhsm/constraints';

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';
const id11 = (i: number): string => {
  let out = '';
  let n = i;
  for (let k = 0; k < 11; k++) {
    out = BASE32[n % 32]! + out;
    n = Math.floor(n / 32);
  }
  return out;
};
const hex17 = (i: number): string => `0${i.toString(16).padStart(16, '0')}`;
export const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUZ+example/base64=\n-----END CERTIFICATE-----\n';

export const VALID: Record<string, (i: number) => string> = {
  ClusterId: (i) => `cluster-${id11(i)}`,
  HsmId: (i) => `hsm-${id11(i)}`,
  BackupId: (i) => `backup-${id11(i)}`,
  BackupArn: (i) => `arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-${id11(i)}`,
  CloudHsmArn: (i) => `arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-${id11(i)}`,
  ResourceId: (i) => `cluster-${id11(i)}`,
  SubnetId: (i) => `subnet-${hex17(i)}`,
  EniId: (i) => `eni-${hex17(i)}`,
  IpAddress: (i) => `10.0.${Math.floor(i / 250)}.${(i % 250) + 4}`,
  ExternalAz: () => 'us-east-1a',
  Region: () => 'eu-west-1',
  HsmType: () => 'hsm2m.medium',
  Cert: () => PEM,
  NextToken: () => 'opaque-token',
  ResourcePolicy: () => '{"Version":"2012-10-17","Statement":[]}',
  ClusterMode: () => 'FIPS',
  NetworkType: () => 'IPV4',
  BackupRetentionType: () => 'DAYS',
  BackupRetentionValue: () => '90',
  TagKey: (i) => `key-${i}`,
  TagValue: (i) => `value ${i}`,
  Field: (i) => (i === 0 ? 'clusterIds' : `field_${i}`),
  String: (i) => `value-${i}`,
};

/** Valid strings of exactly `n` characters (for the length limits). */
export const OF_LENGTH: Record<string, (n: number) => string> = {
  HsmType: (n) => `hsm2.${'m'.repeat(n - 5)}`,
  Cert: (n) => 'A'.repeat(n),
  NextToken: (n) => 'n'.repeat(n),
  ResourcePolicy: (n) => 'p'.repeat(n),
  BackupRetentionValue: (n) => '1'.repeat(n),
  TagKey: (n) => 'k'.repeat(n),
  TagValue: (n) => 'v'.repeat(n),
};

/** Strings that must fail each pattern (none may fail a length limit instead). */
export const NEAR_MISSES: Record<string, readonly string[]> = {
  ClusterId: [
    'cluster-abcdefghij', // 10 characters
    'cluster-abcdefghijklmnopq', // 17 characters
    'cluster-abcdefghij1', // 1 is not base32
    'cluster-abcdefghij8',
    'cluster-abcdefghij0',
    'Cluster-abcdefghijk',
    'cluster_abcdefghijk',
    'cluster-abcdefgh-jk',
    ' cluster-abcdefghijk', // anchored at the start...
    'cluster-abcdefghijk\n', // ...and at the end
    'xcluster-abcdefghijk',
    'hsm-abcdefghijk',
    'arn:aws:cloudhsm:us-east-1:123456789012:cluster/cluster-abcdefghijk',
    '',
  ],
  HsmId: ['hsm-abcdefghij', 'hsm-abcdefghijklmnopq', 'hsm-abcdefghij9', 'HSM-abcdefghijk', 'hsm-abcdefghijk ', 'cluster-abcdefghijk', ''],
  BackupId: [
    'backup-abcdefghij',
    'backup-abcdefghijklmnopq',
    'backup-abcdefghij1',
    'Backup-abcdefghijk',
    'backup-abcdefghijk\t',
    'arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-abcdefghijk',
    '',
  ],
  BackupArn: [
    'arn:aws:cloudhsm:us-east-1:12345678901:backup/backup-abcdefghijk', // 11-digit account
    'arn:aws:cloudhsm:us-east-1:123456789012:cluster/cluster-abcdefghijk',
    'arn:aws-cn:cloudhsm:cn-north-1:123456789012:backup/backup-abcdefghijk', // partition not in the pattern
    'arn:aws:cloudhsmv2:us-east-1:123456789012:backup/backup-abcdefghijk',
    'arn:aws:cloudhsm:useast-1:123456789012:backup/backup-abcdefghijk',
    'arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-abcdefghij1',
    'backup/backup-abcdefghijk',
    'backup-abcdefghijk ',
    '',
  ],
  CloudHsmArn: [
    'backup-abcdefghijk', // an id is not an ARN here
    'arn:aws:cloudhsm:us-east-1:123456789012:backup/cluster-abcdefghijk',
    'arn:aws:cloudhsm:us-east-1:123456789012:hsm/hsm-abc',
    'arn:aws:cloudhsm:us-east-1:123456789012:backups/backup-abcdefghijk',
    'arn:aws:ec2:us-east-1:123456789012:backup/backup-abcdefghijk',
    'arn:aws:cloudhsm:us-east-1:1234567890123:backup/backup-abcdefghijk',
    'arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-abcdefghijk/',
    '',
  ],
  ResourceId: [
    'hsm-abcdefghijk', // HSMs cannot be tagged
    'arn:aws:cloudhsm:us-east-1:123456789012:cluster/cluster-abcdefghijk', // ids, not ARNs
    'cluster-abc',
    'CLUSTER-abcdefghijk',
    'backup-abcdefghij1',
    'cluster-abcdefghijk ',
    '',
  ],
  SubnetId: [
    'subnet-0123456',
    'subnet-0123456789abcdef01',
    'subnet-0123456g',
    'sn-01234567',
    'Subnet-01234567',
    'subnet-01234567 ',
    'subnet_01234567',
    '',
  ],
  EniId: ['eni-0123456', 'eni-0123456z', 'eni-0123456789abcdef01', 'ENI-01234567', 'eni-01234567\n', ''],
  IpAddress: ['10.0.1', '10.0.1.1000', '10.0.1.a', '::1', '10.0.1.1 ', '1.2.3.4.5', '10..1.1', ''],
  ExternalAz: ['us-east-1', 'us-east-1A', 'useast-1a', 'us-middle-1a', 'us-east-12a', 'US-EAST-1a', 'us-east-1ab', 'use1-az1', ''],
  Region: ['us-east-1a', 'us-east', 'us-middle-1', 'us-iso-east-1', 'eu_west_1', 'EU-WEST-1', 'eu-west-12', ' eu-west-1', ''],
  HsmType: ['hsm2m', 'hsm.medium', 'hsm2m.medium1', 'HSM2m.medium', 'xhsm2m.medium', 'hsm2m.medium ', 'phsm', 'hsm2m.', 'hsm2M.medium', ''],
  Cert: ['-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\n', 'MIIB!', 'certificat\u00e9', 'a_b', 'a*b', '<cert>'],
  BackupRetentionValue: ['9x', '-1', '1e2', '9.5', ' 90', '', 'abc'],
  TagKey: ['a<b', 'tab\tkey', 'semi;colon', 'smile\u{1F600}', 'quote"', 'back\\slash', 'pipe|', 'new\nline'],
  TagValue: ['a<b', 'tab\tvalue', 'semi;colon', 'smile\u{1F600}', 'quote"', 'percent%', '#hash', 'new\nline'],
  Field: ['cluster ids', 'cluster.ids', 'clusterIds!', 'cluster:ids', ''],
};

/** Values each pattern must accept beyond the samples above (the edges of what is allowed). */
export const NEAR_HITS: Record<string, readonly string[]> = {
  ClusterId: ['cluster-abcdefghijklmnop', 'cluster-ABCDEFGHIJK', 'cluster-2345672345a'],
  HsmId: ['hsm-abcdefghijklmnop', 'hsm-ZZZZZZZZZZZ'],
  BackupId: ['backup-abcdefghijklmnop', 'backup-77777777777'],
  BackupArn: [
    'backup-abcdefghijk',
    'arn:aws-us-gov:cloudhsm:us-gov-west-1:123456789012:backup/backup-abcdefghijk',
    'arn:aws:cloudhsm:ap-southeast-1:123456789012:backup/backup-abcdefghijk',
    'arn:aws:cloudhsm:us-isob-east-1:123456789012:backup/backup-abcdefghijk',
  ],
  CloudHsmArn: [
    'arn:aws:cloudhsm:eu-west-1:123456789012:cluster/cluster-abcdefghijk',
    'arn:aws:cloudhsm:eu-west-1:123456789012:hsm/hsm-abcdefghijk',
    'arn:aws-us-gov:cloudhsm:us-gov-east-1:123456789012:backup/backup-abcdefghijklmnop',
  ],
  ResourceId: ['backup-abcdefghijk', 'cluster-abcdefghijklmnop'],
  SubnetId: ['subnet-01234567', 'subnet-0123456789abcdef0', 'subnet-ABCDEF01'],
  EniId: ['eni-01234567', 'eni-0123456789ABCDEF0'],
  IpAddress: ['0.0.0.0', '255.255.255.255', '1.2.3.4'],
  ExternalAz: ['ap-southeast-1c', 'us-gov-west-1a', 'eu-central-2b', 'il-central-1a'],
  Region: ['ap-southeast-1', 'us-gov-west-1', 'il-central-1', 'mx-central-1', 'cn-north-1'],
  HsmType: ['hsm1.medium', 'hsm2m.medium', 'phsm1.medium', 'hsm9.X'],
  Cert: ['', PEM, 'a+b,c-d.e/f=g \r\n\t'],
  BackupRetentionValue: ['7', '379', '000'],
  TagKey: ['Cost Center', 'a.b:c/d=e+f-g@h_i', '\u00e9t\u00e9', '\u65e5\u672c', '\u00a0nbsp', '123'],
  TagValue: ['', 'Cost Center', '\u00e9t\u00e9 2025', 'a.b:c/d=e+f-g@h_i'],
  Field: ['clusterIds', 'any_key-1', 'ABC'],
};

export const matchesAnything = (shape: StringShape): boolean =>
  shape.pattern !== undefined && shape.pattern.test('') && shape.pattern.test('\n\u0000x!');

export function sample(name: string, i = 0): string {
  const make = VALID[name];
  if (!make) throw new Error(`No valid sample for string shape ${name}: add one to VALID.`);
  return make(i);
}

export function ofLength(shape: StringShape, n: number): string {
  const make = OF_LENGTH[shape.name];
  if (!make) throw new Error(`No OF_LENGTH filler for ${shape.name} (it has a length limit).`);
  const value = make(n);
  expect([...value].length).toBe(n);
  return value;
}

/** A valid value for `shape`; `i` picks one of many distinct ones. */
export function validValue(shape: Shape, i = 0): unknown {
  switch (shape.type) {
    case 'string':
      return shape.enum ? shape.enum[i % shape.enum.length] : sample(shape.name, i);
    case 'integer':
      return shape.min ?? 1;
    case 'boolean':
      return i % 2 === 0;
    case 'list':
      return Array.from({ length: Math.max(1, shape.min ?? 0) }, (_, k) => validValue(shape.member, i + k));
    case 'map':
      return { [sample(shape.key.name, i)]: validValue(shape.value, i) };
    case 'structure':
      return Object.fromEntries(Object.entries(shape.members).map(([name, member]) => [name, validValue(member, i)]));
  }
}
