import { describe, expect, it } from 'vitest';
import { backupsPurgedByRetention, countNewlyPendingDeletion, readyBackupIds, retentionWarning } from './retentionImpact';

const NOW = new Date('2025-06-01T12:00:00Z');
const daysAgo = (d: number) => new Date(NOW.getTime() - d * 86_400_000);
const C = 'cluster-aaaaaaaaaaa';
const backup = (id: string, age: number, extra: Record<string, unknown> = {}) => ({
  BackupId: id,
  ClusterId: C,
  BackupState: 'READY',
  CreateTimestamp: daysAgo(age),
  ...extra,
});

describe('backupsPurgedByRetention', () => {
  it('purges READY backups older than the retention, keeping the newest, NeverExpires ones and copies', () => {
    const backups = [
      backup('backup-new', 1),
      backup('backup-6d', 6),
      backup('backup-7d', 7),
      backup('backup-30d', 30),
      backup('backup-kept', 100, { NeverExpires: true }),
      backup('backup-copy', 50, { SourceRegion: 'us-east-1' }),
      backup('backup-pending', 40, { BackupState: 'PENDING_DELETION' }),
      backup('backup-other', 40, { ClusterId: 'cluster-bbbbbbbbbbb' }),
    ];
    expect(backupsPurgedByRetention(backups, C, 7, NOW).map((b) => b.BackupId)).toEqual(['backup-7d', 'backup-30d']);
    expect(backupsPurgedByRetention(backups, C, 31, NOW)).toEqual([]);
  });

  it('never purges the newest READY backup, even when it is older than the retention', () => {
    const backups = [backup('backup-a', 20), backup('backup-b', 10), backup('backup-c', 12, { BackupState: 'CREATE_IN_PROGRESS' })];
    expect(backupsPurgedByRetention(backups, C, 7, NOW).map((b) => b.BackupId)).toEqual(['backup-a']);
  });

  it('counts nothing for bad input: a retention that is not a positive whole number, no timestamp, no backups', () => {
    const backups = [backup('backup-a', 20), backup('backup-b', 10), { BackupId: 'backup-x', ClusterId: C, BackupState: 'READY' }];
    for (const days of [0, -7, 7.5, Number.NaN]) expect(backupsPurgedByRetention(backups, C, days, NOW)).toEqual([]);
    expect(backupsPurgedByRetention(backups, C, 7, new Date('nope'))).toEqual([]);
    expect(backupsPurgedByRetention([], C, 7, NOW)).toEqual([]);
    expect(backupsPurgedByRetention(backups, C, 7, NOW).map((b) => b.BackupId)).toEqual(['backup-a']);
  });
});

describe('countNewlyPendingDeletion', () => {
  it('counts the backups that were READY and are PENDING_DELETION now', () => {
    const before = readyBackupIds(
      [backup('backup-a', 20), backup('backup-b', 10), backup('backup-c', 3, { BackupState: 'PENDING_DELETION' })],
      C,
    );
    expect([...before]).toEqual(['backup-a', 'backup-b']);
    const now = [
      backup('backup-a', 20, { BackupState: 'PENDING_DELETION' }),
      backup('backup-b', 10),
      backup('backup-c', 3, { BackupState: 'PENDING_DELETION' }),
    ];
    expect(countNewlyPendingDeletion(before, now)).toBe(1);
    expect(countNewlyPendingDeletion(new Set(), now)).toBe(0);
  });
});

describe('retentionWarning', () => {
  it('says how many backups go, or nothing when none do', () => {
    expect(retentionWarning(114, 7)).toBe('114 backups are older than 7 days and will be deleted (restorable for 7 days).');
    expect(retentionWarning(1, 30)).toBe('1 backup is older than 30 days and will be deleted (restorable for 7 days).');
    expect(retentionWarning(0, 7)).toBeNull();
  });
});
