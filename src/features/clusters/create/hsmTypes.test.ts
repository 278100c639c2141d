import { describe, expect, it } from 'vitest';
import { backupMode, HSM_TYPE_OPTIONS, isOfferedHsmType, isWellFormedHsmType, modeAllowedFor, restoreProblems } from './hsmTypes';

describe('HSM types offered for new clusters', () => {
  it('offers hsm2m.medium and explains why hsm1.medium is not offered', () => {
    expect(isOfferedHsmType('hsm2m.medium')).toBe(true);
    expect(isOfferedHsmType('hsm1.medium')).toBe(false);
    expect(HSM_TYPE_OPTIONS.find((o) => o.value === 'hsm1.medium')?.reason).toMatch(/end of support/);
  });

  it('checks the HsmType pattern of the model', () => {
    expect(isWellFormedHsmType('hsm2m.medium')).toBe(true);
    expect(isWellFormedHsmType('phsm3.large')).toBe(true);
    expect(isWellFormedHsmType('medium')).toBe(false);
    expect(isWellFormedHsmType(`hsm2m.${'a'.repeat(40)}`)).toBe(false);
  });

  it('allows NON_FIPS only with hsm2m.medium', () => {
    expect(modeAllowedFor('NON_FIPS', 'hsm2m.medium')).toBe(true);
    expect(modeAllowedFor('NON_FIPS', 'hsm1.medium')).toBe(false);
    expect(modeAllowedFor('FIPS', 'hsm1.medium')).toBe(true);
  });
});

describe('restoreProblems', () => {
  it('finds nothing wrong when mode and type match', () => {
    expect(restoreProblems({ BackupId: 'backup-a', HsmType: 'hsm2m.medium', Mode: 'NON_FIPS' }, 'hsm2m.medium', 'NON_FIPS')).toEqual({});
  });

  it('refuses a mode other than the backup’s, naming both', () => {
    const problems = restoreProblems({ BackupId: 'backup-a', HsmType: 'hsm2m.medium', Mode: 'FIPS' }, 'hsm2m.medium', 'NON_FIPS');
    expect(problems.mode).toBe('backup-a comes from a FIPS cluster: a cluster restored from it must use FIPS mode, not NON_FIPS.');
    expect(problems.hsmType).toBeUndefined();
  });

  it('treats an hsm1.medium backup without Mode as FIPS, and lets hsm2m restore it', () => {
    expect(backupMode({ HsmType: 'hsm1.medium' })).toBe('FIPS');
    expect(restoreProblems({ BackupId: 'backup-b', HsmType: 'hsm1.medium' }, 'hsm2m.medium', 'FIPS')).toEqual({});
    expect(restoreProblems({ BackupId: 'backup-b', HsmType: 'hsm1.medium' }, 'hsm2m.medium', 'NON_FIPS').mode).toContain('FIPS cluster');
  });

  it('refuses restoring an hsm2m backup onto hsm1 hardware', () => {
    expect(restoreProblems({ BackupId: 'backup-c', HsmType: 'hsm2m.medium', Mode: 'FIPS' }, 'hsm1.medium', 'FIPS').hsmType).toContain(
      'cannot be restored onto older hsm1.medium',
    );
  });

  it('says nothing when the backup does not tell its mode or type', () => {
    expect(restoreProblems({ BackupId: 'backup-d' }, 'hsm2m.medium', 'NON_FIPS')).toEqual({});
  });
});
