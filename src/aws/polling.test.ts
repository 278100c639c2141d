import { describe, expect, it } from 'vitest';
import { backupPollInterval, isBackupTransitional, isClusterTransitional, isTransitionalState, pollIntervalFor } from './polling';

describe('what polls', () => {
  it('treats *_IN_PROGRESS and PENDING_DELETION as transitional, everything else as settled', () => {
    for (const state of [
      'CREATE_IN_PROGRESS',
      'INITIALIZE_IN_PROGRESS',
      'UPDATE_IN_PROGRESS',
      'MODIFY_IN_PROGRESS',
      'ROLLBACK_IN_PROGRESS',
      'DELETE_IN_PROGRESS',
      'PENDING_DELETION',
    ]) {
      expect(isTransitionalState(state), state).toBe(true);
    }
    for (const state of ['UNINITIALIZED', 'INITIALIZED', 'ACTIVE', 'DEGRADED', 'DELETED', 'READY', '', undefined]) {
      expect(isTransitionalState(state), String(state)).toBe(false);
    }
  });

  it('counts a settled cluster with an HSM being created or deleted as transitional', () => {
    expect(isClusterTransitional({ State: 'ACTIVE', Hsms: [{ HsmId: 'hsm-a', State: 'ACTIVE' }] })).toBe(false);
    expect(
      isClusterTransitional({
        State: 'ACTIVE',
        Hsms: [
          { HsmId: 'hsm-a', State: 'ACTIVE' },
          { HsmId: 'hsm-b', State: 'CREATE_IN_PROGRESS' },
        ],
      }),
    ).toBe(true);
    expect(isClusterTransitional({ State: 'UNINITIALIZED', Hsms: [{ HsmId: 'hsm-a', State: 'DELETE_IN_PROGRESS' }] })).toBe(true);
    expect(isClusterTransitional({ State: 'DELETE_IN_PROGRESS' })).toBe(true);
    expect(isClusterTransitional({ State: 'ACTIVE', Hsms: [{ HsmId: 'hsm-a', State: 'DEGRADED' }] })).toBe(false);
    expect(isBackupTransitional({ BackupState: 'PENDING_DELETION' })).toBe(true);
    expect(isBackupTransitional({ BackupState: 'READY' })).toBe(false);
  });

  it('gives the interval while anything is transitional and false once all is settled (or there is no data)', () => {
    const backups = [{ BackupState: 'READY' }, { BackupState: 'CREATE_IN_PROGRESS' }];
    expect(pollIntervalFor(backups, isBackupTransitional, 250)).toBe(250);
    expect(pollIntervalFor([{ BackupState: 'READY' }], isBackupTransitional, 250)).toBe(false);
    expect(pollIntervalFor([], isBackupTransitional, 250)).toBe(false);
    expect(pollIntervalFor(undefined, isBackupTransitional, 250)).toBe(false);
  });
});

describe('backupPollInterval', () => {
  it('polls fast while a backup is created or copied, slowly while one awaits deletion, not at all when settled', () => {
    expect(
      backupPollInterval([{ BackupState: 'READY' }, { BackupState: 'CREATE_IN_PROGRESS' }, { BackupState: 'PENDING_DELETION' }], 250),
    ).toBe(250);
    expect(backupPollInterval([{ BackupState: 'READY' }, { BackupState: 'PENDING_DELETION' }], 250)).toBe(3_000);
    expect(backupPollInterval([{ BackupState: 'READY' }, { BackupState: 'DELETED' }], 250)).toBe(false);
    expect(backupPollInterval(undefined, 250)).toBe(false);
  });
});
