import { describe, expect, it } from 'vitest';
import type { BackupWithExtras } from '../../../../aws';
import { findCopy } from './findCopy';

const CLICK = Date.UTC(2026, 0, 10, 12, 0, 0);
const copy = (id: string, copiedAt: number | undefined, source = 'backup-source00000', sourceRegion = 'us-east-1'): BackupWithExtras => ({
  BackupId: id,
  BackupState: 'CREATE_IN_PROGRESS',
  SourceBackup: source,
  SourceRegion: sourceRegion,
  ...(copiedAt === undefined ? {} : { CopyTimestamp: new Date(copiedAt) }),
});
const query = { sourceBackupId: 'backup-source00000', sourceRegion: 'us-east-1', since: CLICK };

describe('findCopy', () => {
  it('finds the copy made after the click', () => {
    expect(findCopy([copy('backup-new', CLICK + 2_000)], query)?.BackupId).toBe('backup-new');
  });

  it('among several copies of the same backup, takes the newest made at or after the click', () => {
    const found = findCopy(
      [copy('backup-lastweek', CLICK - 7 * 86_400_000), copy('backup-first', CLICK + 1_000), copy('backup-second', CLICK + 5_000)],
      query,
    );
    expect(found?.BackupId).toBe('backup-second');
  });

  it('ignores copies made before the click (beyond the clock-skew allowance)', () => {
    expect(findCopy([copy('backup-old', CLICK - 5 * 60_000)], query)).toBeNull();
    expect(findCopy([copy('backup-skewed', CLICK - 30_000)], query)?.BackupId).toBe('backup-skewed');
    expect(findCopy([copy('backup-skewed', CLICK - 30_000)], { ...query, allowanceMs: 0 })).toBeNull();
  });

  it('ignores other sources, other source regions and copies without a CopyTimestamp', () => {
    expect(
      findCopy(
        [
          copy('backup-other', CLICK + 1_000, 'backup-other00000'),
          copy('backup-elsewhere', CLICK + 1_000, 'backup-source00000', 'eu-west-1'),
          copy('backup-undated', undefined),
        ],
        query,
      ),
    ).toBeNull();
  });

  it('accepts a copy whose SourceRegion is not given (older listings)', () => {
    const undated: BackupWithExtras = { BackupId: 'backup-noregion', SourceBackup: 'backup-source00000', CopyTimestamp: new Date(CLICK) };
    expect(findCopy([undated], query)?.BackupId).toBe('backup-noregion');
  });

  it('finds nothing in nothing', () => {
    expect(findCopy([], query)).toBeNull();
  });
});
