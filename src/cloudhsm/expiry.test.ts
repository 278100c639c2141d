import { describe, expect, it } from 'vitest';
import { backupExpiry, retentionDays } from './expiry';

const created = new Date('2026-12-01T10:00:00Z');
const ninety = { Type: 'DAYS', Value: '90' };

describe('backupExpiry', () => {
  it('a backup under its cluster’s retention expires at creation + retention days', () => {
    expect(backupExpiry({ BackupState: 'READY', CreateTimestamp: created }, ninety)).toEqual({
      kind: 'retention',
      at: new Date('2027-03-01T10:00:00Z'),
      days: 90,
    });
    expect(backupExpiry({ BackupState: 'CREATE_IN_PROGRESS', CreateTimestamp: created }, { Type: 'DAYS', Value: '7' })).toMatchObject({
      at: new Date('2026-12-08T10:00:00Z'),
    });
  });

  it('NeverExpires and cross-region copies are not under any retention', () => {
    expect(backupExpiry({ BackupState: 'READY', CreateTimestamp: created, NeverExpires: true }, ninety)).toEqual({ kind: 'never' });
    expect(backupExpiry({ BackupState: 'READY', CreateTimestamp: created, SourceRegion: 'us-east-1' }, ninety)).toEqual({ kind: 'copy' });
    // A copy marked NeverExpires is still a copy: no retention would apply either way.
    expect(backupExpiry({ BackupState: 'READY', SourceRegion: 'us-east-1', NeverExpires: true }, undefined)).toEqual({ kind: 'copy' });
  });

  it('a PENDING_DELETION backup goes at its DeleteTimestamp; a deleted one is gone', () => {
    const at = new Date('2026-12-08T10:00:00Z');
    expect(backupExpiry({ BackupState: 'PENDING_DELETION', CreateTimestamp: created, DeleteTimestamp: at }, ninety)).toEqual({
      kind: 'purge',
      at,
    });
    expect(backupExpiry({ BackupState: 'DELETED', CreateTimestamp: created }, ninety)).toEqual({ kind: 'deleted' });
  });

  it('says nothing it does not know: no cluster, no creation time, a policy it cannot read', () => {
    expect(backupExpiry({ BackupState: 'READY', CreateTimestamp: created }, undefined)).toEqual({ kind: 'unknown' });
    expect(backupExpiry({ BackupState: 'READY' }, ninety)).toEqual({ kind: 'unknown' });
    expect(backupExpiry({ BackupState: 'READY', CreateTimestamp: new Date(NaN) }, ninety)).toEqual({ kind: 'unknown' });
    expect(backupExpiry({ BackupState: 'PENDING_DELETION', CreateTimestamp: created }, ninety)).toEqual({ kind: 'unknown' });
  });
});

describe('retentionDays', () => {
  it('reads a DAYS policy (its value is a string on the wire) and nothing else', () => {
    expect(retentionDays(ninety)).toBe(90);
    expect(retentionDays({ Value: '379' })).toBe(379);
    expect(retentionDays({ Type: 'WEEKS', Value: '2' })).toBeUndefined();
    expect(retentionDays({ Type: 'DAYS', Value: 'x' })).toBeUndefined();
    expect(retentionDays({ Type: 'DAYS', Value: '0' })).toBeUndefined();
    expect(retentionDays({})).toBeUndefined();
    expect(retentionDays(undefined)).toBeUndefined();
  });
});
