import { describe, expect, it } from 'vitest';
import {
  copyBlockedReason,
  createClusterBlockedReason,
  deleteBlockedReason,
  isCopy,
  neverExpiresBlockedReason,
  restoreBlockedReason,
} from './backupRules';

const backup = (BackupState: string | undefined) => ({ BackupId: 'backup-abcdefghijk', BackupState });

describe('what a backup in each state allows', () => {
  it('READY: copy, delete, never expires and create cluster; not restore', () => {
    const b = backup('READY');
    expect(copyBlockedReason(b)).toBeNull();
    expect(deleteBlockedReason(b)).toBeNull();
    expect(neverExpiresBlockedReason(b)).toBeNull();
    expect(createClusterBlockedReason(b)).toBeNull();
    expect(restoreBlockedReason(b)).toBe('Only PENDING_DELETION backups can be restored; this one is READY');
  });

  it('PENDING_DELETION: only restore, and the others say why', () => {
    const b = backup('PENDING_DELETION');
    expect(restoreBlockedReason(b)).toBeNull();
    expect(copyBlockedReason(b)).toBe('Only READY backups can be copied; this one is PENDING_DELETION');
    expect(deleteBlockedReason(b)).toMatch(/already PENDING_DELETION; restore it/);
    expect(neverExpiresBlockedReason(b)).toMatch(/only be changed on a READY backup; this one is PENDING_DELETION/);
    expect(createClusterBlockedReason(b)).toMatch(/READY backup; this one is PENDING_DELETION/);
  });

  it('CREATE_IN_PROGRESS, DELETED and a missing state allow nothing', () => {
    for (const state of ['CREATE_IN_PROGRESS', 'DELETED', undefined]) {
      const b = backup(state);
      for (const rule of [
        copyBlockedReason,
        deleteBlockedReason,
        restoreBlockedReason,
        neverExpiresBlockedReason,
        createClusterBlockedReason,
      ]) {
        expect(rule(b)).toContain(state ?? 'in an unknown state');
      }
    }
  });

  it('a backup with a SourceBackup is a copy', () => {
    expect(isCopy({ SourceBackup: 'backup-abcdefghijk' })).toBe(true);
    expect(isCopy({})).toBe(false);
    expect(isCopy({ SourceBackup: '' })).toBe(false);
  });
});
