import { describe, expect, it } from 'vitest';
import type { ClusterWithExtras } from '../../../../aws';
import { initialFormValues, type CreateClusterFormValues } from '../formValues';
import { applyPrefill, prefillFromSharedBackup, prefillFromSource } from './sourcePrefill';

const PAYMENTS: ClusterWithExtras = {
  ClusterId: 'cluster-paymentsprod',
  HsmType: 'hsm2m.medium',
  NetworkType: 'DUALSTACK',
  Mode: 'FIPS',
  VpcId: 'vpc-0a1b2c3d',
  SubnetMapping: { 'us-east-1c': 'subnet-0000000c', 'us-east-1a': 'subnet-0000000a', 'us-east-1b': 'subnet-0000000b' },
  BackupRetentionPolicy: { Type: 'DAYS', Value: '180' },
  TagList: [{ Key: 'Name', Value: 'payments-prod' }],
};
const TAGS = [
  { Key: 'Name', Value: 'payments-prod' },
  { Key: 'Environment', Value: 'production' },
  { Key: 'Owner', Value: 'payments-platform' },
  { Key: 'aws:cloudformation:stack-name', Value: 'hsm' },
];

const tagPairs = (values: CreateClusterFormValues) => values.tags.map((row) => [row.key, row.value]);

describe('prefillFromSource', () => {
  it('takes the HSM type, network type, retention, tags and, in the same region, the VPC and subnets', () => {
    const prefill = prefillFromSource(PAYMENTS, TAGS, true);
    expect(prefill.from).toBe('payments-prod');
    const { values, applied } = applyPrefill(initialFormValues('us-east-1', 'backup-abcdefghijk'), prefill, new Set());
    expect(applied).toEqual(['network', 'hsmType', 'networkType', 'retention', 'tags']);
    expect(values).toMatchObject({
      vpcId: 'vpc-0a1b2c3d',
      pickedSubnetIds: ['subnet-0000000a', 'subnet-0000000b', 'subnet-0000000c'],
      typedSubnetIds: 'subnet-0000000a subnet-0000000b subnet-0000000c',
      hsmType: 'hsm2m.medium',
      networkType: 'DUALSTACK',
      retentionDays: '180',
      sourceBackupId: 'backup-abcdefghijk',
    });
    // Not Name (a second "payments-prod" would confuse every list), not AWS's reserved tags.
    expect(tagPairs(values)).toEqual([
      ['Environment', 'production'],
      ['Owner', 'payments-platform'],
    ]);
    expect(Object.values(prefill.parts).map((p) => p.words)).toEqual([
      'VPC vpc-0a1b2c3d and 3 subnets',
      'HSM type hsm2m.medium',
      'network type DUALSTACK',
      'backup retention 180 days',
      '2 tags',
    ]);
  });

  it('leaves the network alone in another region (a copy restored elsewhere)', () => {
    const prefill = prefillFromSource(PAYMENTS, TAGS, false);
    expect(prefill.parts.network).toBeUndefined();
    const { values } = applyPrefill(initialFormValues('us-west-2', 'backup-abcdefghijk'), prefill, new Set());
    expect(values).toMatchObject({ vpcId: '', pickedSubnetIds: [], retentionDays: '180' });
  });

  it('does not take what a new cluster cannot have, and says so', () => {
    const legacy: ClusterWithExtras = { ...PAYMENTS, HsmType: 'hsm1.medium', BackupRetentionPolicy: { Type: 'DAYS', Value: '500' } };
    const prefill = prefillFromSource(legacy, [], true);
    expect(prefill.parts.hsmType).toBeUndefined();
    expect(prefill.parts.retention).toBeUndefined();
    expect(prefill.parts.tags).toBeUndefined();
    expect(prefill.notTaken).toEqual([
      'HSM type hsm1.medium: no longer offered for new clusters',
      'backup retention 500 days: outside what a new cluster may have',
    ]);
    const { values } = applyPrefill(initialFormValues('us-east-1'), prefill, new Set());
    expect(values).toMatchObject({ hsmType: 'hsm2m.medium', retentionDays: '90' });
  });

  it('reads the cluster’s TagList when ListTags could not be read, and the id when it has no name', () => {
    const prefill = prefillFromSource({ ...PAYMENTS, TagList: [{ Key: 'Team', Value: 'x' }] }, undefined, true);
    expect(prefill.from).toBe('cluster-paymentsprod');
    expect(tagPairs(applyPrefill(initialFormValues('us-east-1'), prefill, new Set()).values)).toEqual([['Team', 'x']]);
  });
});

describe('applyPrefill', () => {
  it('keeps every field the person has changed, the VPC and subnets as one', () => {
    const typed: CreateClusterFormValues = {
      ...initialFormValues('us-east-1'),
      retentionDays: '30',
      subnetSource: 'typed',
      typedSubnetIds: 'subnet-99999999',
    };
    const { values, applied } = applyPrefill(
      typed,
      prefillFromSource(PAYMENTS, TAGS, true),
      new Set(['retentionDays', 'subnetSource', 'typedSubnetIds']),
    );
    expect(applied).toEqual(['hsmType', 'networkType', 'tags']);
    expect(values).toMatchObject({
      retentionDays: '30',
      subnetSource: 'typed',
      typedSubnetIds: 'subnet-99999999',
      vpcId: '',
      networkType: 'DUALSTACK',
    });
  });
});

describe('prefillFromSharedBackup', () => {
  it('takes the backup’s HSM type only (its cluster and network are the other account’s)', () => {
    const prefill = prefillFromSharedBackup(
      { BackupId: 'backup-sharedaaaaa', ClusterId: 'cluster-otheraaaaaa', HsmType: 'hsm2m.medium' },
      '111122223333',
    );
    expect(prefill).toEqual({
      from: 'account 111122223333',
      clusterId: 'cluster-otheraaaaaa',
      parts: { hsmType: { values: { hsmType: 'hsm2m.medium' }, words: 'HSM type hsm2m.medium' } },
      notTaken: [],
    });
    expect(prefillFromSharedBackup({ HsmType: 'hsm1.medium' }, '111122223333').notTaken).toEqual([
      'HSM type hsm1.medium: no longer offered for new clusters',
    ]);
  });
});
