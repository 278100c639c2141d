import { describe, expect, it } from 'vitest';
import { newTagRow } from '../../tags/tagRows';
import { chosenSubnetIds, initialFormValues, parseTypedSubnetIds, toCreateClusterInput } from './formValues';

describe('create-cluster form values', () => {
  it('starts with the service defaults and a prefilled source backup', () => {
    const values = initialFormValues('eu-west-1', 'backup-abcdefghijk');
    expect(values).toMatchObject({
      region: 'eu-west-1',
      hsmType: 'hsm2m.medium',
      mode: 'FIPS',
      networkType: 'IPV4',
      retentionDays: '90',
      sourceBackupId: 'backup-abcdefghijk',
    });
  });

  it('reads typed subnet ids separated by spaces, commas and new lines', () => {
    expect(parseTypedSubnetIds(' subnet-1,subnet-2\n\nsubnet-3  subnet-1 ')).toEqual(['subnet-1', 'subnet-2', 'subnet-3', 'subnet-1']);
    expect(parseTypedSubnetIds('')).toEqual([]);
  });

  it('takes the subnets from the source in use', () => {
    const values = { ...initialFormValues('us-east-1'), pickedSubnetIds: ['subnet-a', ''], typedSubnetIds: 'subnet-b' };
    expect(chosenSubnetIds(values)).toEqual(['subnet-a']);
    expect(chosenSubnetIds({ ...values, subnetSource: 'typed' })).toEqual(['subnet-b']);
  });

  it('builds the CreateCluster input, leaving out an empty source backup and empty tags', () => {
    const values = {
      ...initialFormValues('us-east-1'),
      pickedSubnetIds: ['subnet-a', 'subnet-b'],
      retentionDays: ' 120 ',
      tags: [newTagRow('', '')],
    };
    expect(toCreateClusterInput(values)).toEqual({
      HsmType: 'hsm2m.medium',
      SubnetIds: ['subnet-a', 'subnet-b'],
      Mode: 'FIPS',
      NetworkType: 'IPV4',
      BackupRetentionPolicy: { Type: 'DAYS', Value: '120' },
    });
    const restored = toCreateClusterInput({ ...values, sourceBackupId: 'backup-abcdefghijk', tags: [newTagRow('Name', 'x y')] });
    expect(restored.SourceBackupId).toBe('backup-abcdefghijk');
    expect(restored.TagList).toEqual([{ Key: 'Name', Value: 'x y' }]);
  });
});
