/**
 * Input validation, literal cases: written out by hand from cloudhsm-api.md §3.3 (exact messages, the limits),
 * independent of the constraint table the generated cases trust.
 */
import { describe, expect, it } from 'vitest';
import { rawCall, seededSubnets } from '../../testing/harness';
import { expectRefused, INVALID, SERIALIZATION } from '../../testing/validationCases';
import { PEM } from '../../testing/validationValues';
import { emulatorForThisFile } from '../../testing/perFile';

const { url } = await emulatorForThisFile();
const NOT_FOUND = 'CloudHsmResourceNotFoundException';

describe('literal cases: messages', () => {
  it('a bad ClusterId: the exact AWS-style message', async () => {
    const response = await rawCall(url, 'DeleteCluster', { ClusterId: 'cluster-123' });
    expect(expectRefused(response, INVALID)).toBe(
      "1 validation error detected: Value 'cluster-123' at 'clusterId' failed to satisfy constraint: Member must satisfy regular expression pattern: cluster-[2-7a-zA-Z]{11,16}",
    );
  });

  it('a missing required member: the exact message', async () => {
    const response = await rawCall(url, 'DescribeBackups', {});
    expect(response.status).toBe(200);
    const missing = await rawCall(url, 'RestoreBackup', {});
    expect(expectRefused(missing, INVALID)).toBe(
      "1 validation error detected: Value null at 'backupId' failed to satisfy constraint: Member must not be null",
    );
  });

  it('several problems are reported together', async () => {
    const response = await rawCall(url, 'CreateCluster', {});
    const message = expectRefused(response, INVALID, ["at 'hsmType'", "at 'subnetIds'"]);
    expect(message).toMatch(/^2 validation errors detected: /);
    const three = await rawCall(url, 'CreateHsm', { ClusterId: 'c', AvailabilityZone: 'z', IpAddress: 'ip' });
    expect(expectRefused(three, INVALID, ["'clusterId'", "'availabilityZone'", "'ipAddress'"])).toMatch(/^3 validation errors detected: /);
  });

  it.each([
    ['DescribeClusters', 25],
    ['DescribeBackups', 50],
    ['ListTags', 100],
  ] as const)('%s: MaxResults 0 and %i+1 are refused, 1 and %i are accepted', async (op, max) => {
    const extra = op === 'ListTags' ? { ResourceId: 'cluster-abcdefghijk' } : {};
    expectRefused(await rawCall(url, op, { ...extra, MaxResults: 0 }), INVALID, [
      "Value '0' at 'maxResults'",
      'greater than or equal to 1',
    ]);
    expectRefused(await rawCall(url, op, { ...extra, MaxResults: max + 1 }), INVALID, [
      `Value '${max + 1}' at 'maxResults'`,
      `less than or equal to ${max}`,
    ]);
    for (const ok of [1, max]) {
      const response = await rawCall(url, op, { ...extra, MaxResults: ok });
      // ListTags of an unknown resource: past validation, it is not found.
      if (op === 'ListTags') expectRefused(response, 'CloudHsmResourceNotFoundException');
      else expect(response.status).toBe(200);
    }
  });

  it('tag keys: 128 characters pass validation, 129 do not; values: 256 and 257', async () => {
    const resource = 'cluster-abcdefghijk';
    const tag = (Key: string, Value: string) => ({ ResourceId: resource, TagList: [{ Key, Value }] });
    expectRefused(await rawCall(url, 'TagResource', tag('k'.repeat(129), 'v')), INVALID, [
      "'tagList.1.member.key'",
      'less than or equal to 128',
    ]);
    expectRefused(await rawCall(url, 'TagResource', tag('k'.repeat(128), 'v')), 'CloudHsmResourceNotFoundException');
    expectRefused(await rawCall(url, 'TagResource', tag('k', 'v'.repeat(257))), INVALID, [
      "'tagList.1.member.value'",
      'less than or equal to 256',
    ]);
    expectRefused(await rawCall(url, 'TagResource', tag('k', 'v'.repeat(256))), 'CloudHsmResourceNotFoundException');
    expectRefused(await rawCall(url, 'TagResource', tag('', 'v')), INVALID, ["'tagList.1.member.key'", 'greater than or equal to 1']);
    expectRefused(await rawCall(url, 'TagResource', tag('k', '')), 'CloudHsmResourceNotFoundException');
    expectRefused(await rawCall(url, 'TagResource', tag('a<b', 'v')), INVALID, ["'tagList.1.member.key'", 'regular expression pattern']);
  });
});

describe('literal cases: sizes and lengths', () => {
  const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
  const subnets = (n: number) => Array.from({ length: n }, (_, i) => `subnet-${(0x10000000 + i).toString(16)}`);
  it.each([
    ['TagResource', 'tagList', 50, (n: number) => ({ ResourceId: 'backup-abcdefghijk', TagList: tags(n) }), NOT_FOUND],
    ['UntagResource', 'tagKeyList', 50, (n: number) => ({ ResourceId: 'backup-abcdefghijk', TagKeyList: keys(n) }), NOT_FOUND],
    // Ten made-up subnets pass validation; the AZ rule refuses them.
    ['CreateCluster', 'subnetIds', 10, (n: number) => ({ HsmType: 'hsm2m.medium', SubnetIds: subnets(n) }), INVALID],
  ] as const)('%s: %s holds 1..%i items', async (operation, member, max, body, pastValidation) => {
    expectRefused(await rawCall(url, operation, body(max + 1)), INVALID, [`'${member}'`, `less than or equal to ${max}`]);
    expectRefused(await rawCall(url, operation, body(0)), INVALID, [`'${member}'`, 'greater than or equal to 1']);
    expect(expectRefused(await rawCall(url, operation, body(max)), pastValidation)).not.toMatch(/validation error/);
  });

  it('Cert is at most 20000 characters; HsmType 32; NextToken 256; ResourcePolicy 1..20000; retention Value 1..3', async () => {
    const cert = (n: number) => 'A'.repeat(n);
    expectRefused(
      await rawCall(url, 'InitializeCluster', { ClusterId: 'cluster-abcdefghijk', SignedCert: cert(20001), TrustAnchor: PEM }),
      INVALID,
      ["'signedCert'", 'less than or equal to 20000'],
    );
    expectRefused(
      await rawCall(url, 'InitializeCluster', { ClusterId: 'cluster-abcdefghijk', SignedCert: PEM, TrustAnchor: cert(20001) }),
      INVALID,
      ["'trustAnchor'", '20000'],
    );
    expectRefused(
      await rawCall(url, 'InitializeCluster', { ClusterId: 'cluster-abcdefghijk', SignedCert: cert(20000), TrustAnchor: cert(20000) }),
      'CloudHsmResourceNotFoundException',
    );
    expectRefused(await rawCall(url, 'ModifyCluster', { ClusterId: 'cluster-abcdefghijk', HsmType: `hsm2.${'m'.repeat(28)}` }), INVALID, [
      "'hsmType'",
      'less than or equal to 32',
    ]);
    expectRefused(await rawCall(url, 'DescribeClusters', { NextToken: 'n'.repeat(257) }), INVALID, [
      "'nextToken'",
      'less than or equal to 256',
    ]);
    const arn = 'arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-abcdefghijk';
    expectRefused(await rawCall(url, 'PutResourcePolicy', { ResourceArn: arn, Policy: '' }), INVALID, [
      "'policy'",
      'greater than or equal to 1',
    ]);
    expectRefused(await rawCall(url, 'PutResourcePolicy', { ResourceArn: arn, Policy: 'p'.repeat(20001) }), INVALID, [
      "'policy'",
      'less than or equal to 20000',
    ]);
    expectRefused(
      await rawCall(url, 'ModifyCluster', { ClusterId: 'cluster-abcdefghijk', BackupRetentionPolicy: { Type: 'DAYS', Value: '1000' } }),
      INVALID,
      ["'backupRetentionPolicy.value'", 'less than or equal to 3'],
    );
  });
});

describe('literal cases: enums, filters, ids and JSON types', () => {
  it('enums: Mode, NetworkType, BackupRetentionPolicy.Type', async () => {
    const base = { HsmType: 'hsm2m.medium', SubnetIds: ['subnet-0123456789abcdef0'] };
    expectRefused(await rawCall(url, 'CreateCluster', { ...base, Mode: 'fips' }), INVALID, ["'mode'", 'enum value set: [FIPS, NON_FIPS]']);
    expectRefused(await rawCall(url, 'CreateCluster', { ...base, NetworkType: 'IPV6' }), INVALID, [
      "'networkType'",
      'enum value set: [IPV4, DUALSTACK]',
    ]);
    expectRefused(await rawCall(url, 'CreateCluster', { ...base, BackupRetentionPolicy: { Type: 'MONTHS', Value: '3' } }), INVALID, [
      "'backupRetentionPolicy.type'",
      'enum value set: [DAYS]',
    ]);
  });

  it('Filters: at most 30 keys, keys match [a-zA-Z0-9_-]+, values are string lists', async () => {
    const filters = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key${i}`, []]));
    expectRefused(await rawCall(url, 'DescribeClusters', { Filters: filters(31) }), INVALID, ["'filters'", 'less than or equal to 30']);
    expectRefused(await rawCall(url, 'DescribeBackups', { Filters: filters(31) }), INVALID, ["'filters'", 'less than or equal to 30']);
    // 30 well-formed keys pass validation; unknown keys are then refused by the operation itself.
    const thirty = await rawCall(url, 'DescribeClusters', { Filters: filters(30) });
    expect(expectRefused(thirty, INVALID)).not.toMatch(/validation error/);
    expectRefused(await rawCall(url, 'DescribeClusters', { Filters: { 'cluster ids': [] } }), INVALID, [
      'filters',
      'regular expression pattern',
    ]);
    expectRefused(await rawCall(url, 'DescribeClusters', { Filters: { states: [1] } }), SERIALIZATION, ['filters.states']);
  });

  it('ids must be the kind the member names: an HSM id is no ClusterId, an ARN no BackupId', async () => {
    expectRefused(await rawCall(url, 'DeleteCluster', { ClusterId: 'hsm-abcdefghijk' }), INVALID, ["'clusterId'"]);
    expectRefused(
      await rawCall(url, 'DeleteBackup', { BackupId: 'arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-abcdefghijk' }),
      INVALID,
      ["'backupId'"],
    );
    expectRefused(await rawCall(url, 'ListTags', { ResourceId: 'hsm-abcdefghijk' }), INVALID, ["'resourceId'"]);
    expectRefused(await rawCall(url, 'GetResourcePolicy', { ResourceArn: 'backup-abcdefghijk' }), INVALID, ["'resourceArn'"]);
    expectRefused(await rawCall(url, 'CopyBackupToRegion', { BackupId: 'backup-abcdefghijk', DestinationRegion: 'us-east-1a' }), INVALID, [
      "'destinationRegion'",
    ]);
    expectRefused(await rawCall(url, 'CreateHsm', { ClusterId: 'cluster-abcdefghijk', AvailabilityZone: 'us-east-1' }), INVALID, [
      "'availabilityZone'",
    ]);
    expectRefused(await rawCall(url, 'DeleteHsm', { ClusterId: 'cluster-abcdefghijk', EniId: 'eni-xyz' }), INVALID, ["'eniId'"]);
    expectRefused(await rawCall(url, 'DeleteHsm', { ClusterId: 'cluster-abcdefghijk', EniIp: '10.0.0' }), INVALID, ["'eniIp'"]);
  });

  it('wrong JSON types are SerializationException, not a validation error', async () => {
    expectRefused(await rawCall(url, 'DescribeClusters', { MaxResults: '10' }), SERIALIZATION, ["'maxResults'"]);
    expectRefused(await rawCall(url, 'DeleteCluster', { ClusterId: { id: 'cluster-abcdefghijk' } }), SERIALIZATION, ["'clusterId'"]);
    expectRefused(await rawCall(url, 'ModifyBackupAttributes', { BackupId: 'backup-abcdefghijk', NeverExpires: 'false' }), SERIALIZATION, [
      "'neverExpires'",
    ]);
    expectRefused(
      await rawCall(url, 'TagResource', { ResourceId: 'cluster-abcdefghijk', TagList: [{ Key: 'k', Value: 5 }] }),
      SERIALIZATION,
      ["'tagList.1.member.value'"],
    );
  });
});

describe('literal cases: null', () => {
  it('null for an optional member means absent; null for a required one is "must not be null"', async () => {
    expect((await rawCall(url, 'DescribeClusters', { MaxResults: null, NextToken: null, Filters: null })).status).toBe(200);
    expect((await rawCall(url, 'DescribeBackups', { NextToken: null, Shared: null, SortAscending: null })).status).toBe(200);
    // A null filter value is an absent filter, not a crash (it used to be a 500).
    expect((await rawCall(url, 'DescribeClusters', { Filters: { states: null } })).status).toBe(200);
    expect((await rawCall(url, 'DescribeBackups', { Filters: { neverExpires: null, clusterIds: null } })).status).toBe(200);
    const subnets = await seededSubnets(url);
    const created = await rawCall(url, 'CreateCluster', {
      HsmType: 'hsm2m.medium',
      SubnetIds: [subnets[0]!.SubnetId],
      SourceBackupId: null,
      TagList: null,
      Mode: null,
      NetworkType: null,
      BackupRetentionPolicy: null,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const cluster = created.body['Cluster'] as Record<string, unknown>;
    expect(cluster['Mode']).toBe('FIPS');
    expect(cluster['NetworkType']).toBe('IPV4');
    expect(cluster['SourceBackupId']).toBeUndefined();
    expect(cluster['BackupRetentionPolicy']).toEqual({ Type: 'DAYS', Value: '90' });
    expectRefused(await rawCall(url, 'DeleteCluster', { ClusterId: null }), INVALID, ["'clusterId'", 'must not be null']);
  });
});
