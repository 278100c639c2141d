import { describe, expect, it } from 'vitest';
import type { NetworkSubnet } from '../../../aws/actions';
import { newTagRow } from '../../tags/tagRows';
import { initialFormValues, type CreateClusterFormValues } from './formValues';
import { validateCreateClusterForm, type FormContext } from './validateCreateClusterForm';

const VPC_A = 'vpc-0aaaaaaaaaaaaaaaa';
const VPC_B = 'vpc-0bbbbbbbbbbbbbbbb';
const subnet = (id: string, vpc: string, az: string): NetworkSubnet => ({
  SubnetId: id,
  VpcId: vpc,
  AvailabilityZone: az,
  CidrBlock: '10.0.1.0/24',
});
const A1 = 'subnet-0a1a1a1a1a1a1a1a1';
const A2 = 'subnet-0a2a2a2a2a2a2a2a2';
const A1BIS = 'subnet-0a1b1b1b1b1b1b1b1';
const B1 = 'subnet-0b1b1b1b1b1b1b1b1';
const SUBNETS = [
  subnet(A1, VPC_A, 'us-east-1a'),
  subnet(A1BIS, VPC_A, 'us-east-1a'),
  subnet(A2, VPC_A, 'us-east-1b'),
  subnet(B1, VPC_B, 'us-east-1a'),
];
const CONTEXT: FormContext = { regions: ['us-east-1', 'eu-west-1'], subnets: SUBNETS };

function form(changes: Partial<CreateClusterFormValues> = {}): CreateClusterFormValues {
  return { ...initialFormValues('us-east-1'), vpcId: VPC_A, pickedSubnetIds: [A1, A2], ...changes };
}

const check = (changes: Partial<CreateClusterFormValues> = {}, context: FormContext = CONTEXT) =>
  validateCreateClusterForm(form(changes), context);

describe('validateCreateClusterForm', () => {
  it('accepts a complete form with the defaults (hsm2m.medium, FIPS, IPV4, 90 days)', () => {
    const result = check();
    expect(result).toEqual({ valid: true, errors: {}, warnings: [] });
  });

  it('needs a region the session knows', () => {
    expect(check({ region: '' }).errors.region).toBe('Choose a region.');
    expect(check({ region: 'xx-nowhere-1' }).errors.region).toContain('not a region');
  });

  it('needs a VPC and at least one subnet from the picker', () => {
    const result = check({ vpcId: '', pickedSubnetIds: [] });
    expect(result.errors.vpc).toBe('Choose a VPC.');
    expect(result.errors.subnets).toBe('Choose a subnet in at least one Availability Zone.');
    expect(result.firstInvalid).toBe('vpc');
  });

  it('refuses two subnets in one AZ', () => {
    expect(check({ pickedSubnetIds: [A1, A1BIS] }).errors.subnets).toBe(
      `At most one subnet per Availability Zone: ${A1} and ${A1BIS} are both in us-east-1a.`,
    );
  });

  it('refuses subnets of two VPCs, and subnets outside the chosen VPC', () => {
    expect(check({ pickedSubnetIds: [A2, B1] }).errors.subnets).toBe(`All subnets must be in one VPC; these are in ${VPC_A} and ${VPC_B}.`);
    expect(check({ vpcId: VPC_A, pickedSubnetIds: [B1] }).errors.subnets).toContain('not in the chosen VPC');
  });

  it('warns, without blocking, when the subnets cover one AZ only', () => {
    const result = check({ pickedSubnetIds: [A1] });
    expect(result.valid).toBe(true);
    expect(result.warnings).toEqual([expect.stringContaining('not be highly available')]);
  });

  describe('typed subnet ids', () => {
    const typed = (text: string) => check({ subnetSource: 'typed', vpcId: '', pickedSubnetIds: [], typedSubnetIds: text });

    it('accepts 1–10 well-formed ids separated by spaces, commas or lines, without asking for a VPC', () => {
      const result = typed('subnet-12345678, subnet-0123456789abcdef0\nsubnet-ABCDEF12');
      expect(result.valid).toBe(true);
      expect(result.errors.vpc).toBeUndefined();
    });

    it('refuses ids that do not match the SubnetId pattern, naming them', () => {
      for (const bad of ['subnet-1234567', 'subnet-0123456789abcdef01', 'subnet-xyz12345', 'sub-12345678', 'subnet_12345678']) {
        expect(typed(bad).errors.subnets, bad).toContain(`“${bad}”`);
      }
    });

    it('refuses none, more than 10 and duplicates', () => {
      expect(typed('  ').errors.subnets).toBe('Choose a subnet in at least one Availability Zone.');
      const eleven = Array.from({ length: 11 }, (_, i) => `subnet-${String(i).padStart(8, '0')}`).join(' ');
      expect(typed(eleven).errors.subnets).toBe('At most 10 subnets; 11 are given.');
      const ten = Array.from({ length: 10 }, (_, i) => `subnet-${String(i).padStart(8, '0')}`).join(' ');
      expect(typed(ten).errors.subnets).toBeUndefined();
      expect(typed('subnet-12345678 subnet-12345678').errors.subnets).toContain('subnet-12345678 is listed more than once');
    });

    it('warns about a single id (one AZ)', () => {
      expect(typed('subnet-12345678').warnings).toHaveLength(1);
    });

    it('checks one VPC and one subnet per AZ when every typed id is in the listed network', () => {
      expect(typed(`${A1} ${A1BIS}`).errors.subnets).toBe(
        `At most one subnet per Availability Zone: ${A1} and ${A1BIS} are both in us-east-1a.`,
      );
      expect(typed(`${A2} ${B1}`).errors.subnets).toBe(`All subnets must be in one VPC; these are in ${VPC_A} and ${VPC_B}.`);
      expect(typed(`${A1}, ${A2}`)).toEqual({ valid: true, errors: {}, warnings: [] });
      // Known subnets in one AZ: one AZ only, even though two ids are given.
      expect(typed(A1).warnings).toHaveLength(1);
    });

    it('leaves ids the network does not list to AWS, and checks nothing without the network', () => {
      expect(typed(`${A1} ${A1BIS} subnet-0c0c0c0c0c0c0c0c0`).errors.subnets).toBeUndefined();
      const noNetwork = { regions: CONTEXT.regions };
      expect(
        validateCreateClusterForm(form({ subnetSource: 'typed', typedSubnetIds: `${A1} ${A1BIS}` }), noNetwork).errors.subnets,
      ).toBeUndefined();
    });
  });

  it('does not offer hsm1.medium, and says why', () => {
    expect(check({ hsmType: 'hsm1.medium' }).errors.hsmType).toMatch(/end of support/);
    expect(check({ hsmType: 'not-a-type' }).errors.hsmType).toBe('“not-a-type” is not an HSM type.');
  });

  it('refuses NON_FIPS with hsm1.medium, accepts it with hsm2m.medium', () => {
    expect(check({ hsmType: 'hsm1.medium', mode: 'NON_FIPS' }).errors.mode).toBe(
      'NON_FIPS mode is only available with hsm2m.medium, not hsm1.medium.',
    );
    expect(check({ mode: 'NON_FIPS' }).valid).toBe(true);
  });

  it('checks retention boundaries 6/7/379/380 and whole numbers', () => {
    expect(check({ retentionDays: '6' }).errors.retention).toContain('between 7 and 379');
    expect(check({ retentionDays: '7' }).errors.retention).toBeUndefined();
    expect(check({ retentionDays: '379' }).errors.retention).toBeUndefined();
    expect(check({ retentionDays: '380' }).errors.retention).toContain('between 7 and 379');
    expect(check({ retentionDays: '30.5' }).errors.retention).toContain('whole number');
    expect(check({ retentionDays: '' }).firstInvalid).toBe('retention');
  });

  describe('source backup', () => {
    const readyBackups = [
      { BackupId: 'backup-fipsaaaaaaa', HsmType: 'hsm2m.medium', Mode: 'FIPS' },
      { BackupId: 'backup-nonfipsaaaa', HsmType: 'hsm2m.medium', Mode: 'NON_FIPS' },
    ];
    const withBackups: FormContext = { ...CONTEXT, readyBackups };

    it('accepts a READY backup of the region in the same mode', () => {
      expect(check({ sourceBackupId: 'backup-fipsaaaaaaa' }, withBackups).valid).toBe(true);
      expect(check({ sourceBackupId: 'backup-nonfipsaaaa', mode: 'NON_FIPS' }, withBackups).valid).toBe(true);
    });

    it('explains a mode mismatch before anything is sent', () => {
      const result = check({ sourceBackupId: 'backup-fipsaaaaaaa', mode: 'NON_FIPS' }, withBackups);
      expect(result.errors.mode).toBe(
        'backup-fipsaaaaaaa comes from a FIPS cluster: a cluster restored from it must use FIPS mode, not NON_FIPS.',
      );
      expect(check({ sourceBackupId: 'backup-nonfipsaaaa', mode: 'FIPS' }, withBackups).errors.mode).toContain('must use NON_FIPS');
    });

    it('refuses a backup that is not among the READY backups of the region', () => {
      expect(check({ sourceBackupId: 'backup-elsewhere22' }, withBackups).errors.sourceBackup).toContain(
        'is not a READY backup in us-east-1',
      );
    });

    it('leaves the backup to the API while the list is not loaded', () => {
      expect(check({ sourceBackupId: 'backup-elsewhere22' }).valid).toBe(true);
    });

    describe('by ARN', () => {
      const BASE = '123456789012';
      const OWNER = '111122223333';
      const arn = (account: string, id: string, region = 'us-east-1') => `arn:aws:cloudhsm:${region}:${account}:backup/${id}`;
      const shared = {
        BackupId: 'backup-sharednfips',
        BackupArn: arn(OWNER, 'backup-sharednfips'),
        BackupState: 'READY',
        Mode: 'NON_FIPS',
      };
      const withShared: FormContext = { ...withBackups, baseAccount: BASE, sharedBackups: [shared] };

      it('accepts a READY backup another account shares, and checks its mode', () => {
        expect(check({ sourceBackupId: shared.BackupArn, mode: 'NON_FIPS' }, withShared).valid).toBe(true);
        expect(check({ sourceBackupId: shared.BackupArn, mode: 'FIPS' }, withShared).errors.mode).toContain('must use NON_FIPS');
      });

      it('says an ARN not shared with the account must be shared and promoted, and one of another region names it', () => {
        const unshared = check({ sourceBackupId: arn(OWNER, 'backup-notsharedaa') }, withShared);
        expect(unshared.errors.sourceBackup).toMatch(/^This backup is not shared with account 123456789012 in us-east-1: ask its owner/);
        expect(unshared.firstInvalid).toBe('sourceBackup');
        expect(check({ sourceBackupId: arn(OWNER, 'backup-sharednfips', 'eu-west-1') }, withShared).errors.sourceBackup).toContain(
          'Choose eu-west-1 as the region',
        );
      });

      it('takes this account’s ARN as its id, and leaves a shared ARN to the API while the shared list is unknown', () => {
        expect(check({ sourceBackupId: arn(BASE, 'backup-fipsaaaaaaa') }, withShared).valid).toBe(true);
        expect(check({ sourceBackupId: arn(BASE, 'backup-elsewhere22') }, withShared).errors.sourceBackup).toContain(
          'is not a READY backup',
        );
        expect(check({ sourceBackupId: arn(OWNER, 'backup-notsharedaa') }, { ...withBackups, baseAccount: BASE }).valid).toBe(true);
      });
    });
  });

  it('reports tag problems from the tag rules', () => {
    const result = check({ tags: [newTagRow('aws:owner', 'x'), newTagRow('Team', 'a#b')] });
    expect(result.errors.tags).toContain('reserved for AWS');
    // The character is named (the tag rules' exact wording is theirs).
    expect(result.errors.tags).toMatch(/Row 2: .*#/);
    expect(check({ tags: [newTagRow('Team', 'payments'), newTagRow('', '')] }).valid).toBe(true);
  });

  it('names the first invalid field in form order', () => {
    expect(check({ retentionDays: '1000', mode: 'NON_FIPS', hsmType: 'hsm1.medium' }).firstInvalid).toBe('hsmType');
    expect(check({ retentionDays: '1000', tags: [newTagRow('aws:x', '')] }).firstInvalid).toBe('retention');
  });
});
