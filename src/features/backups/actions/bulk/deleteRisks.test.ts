import { describe, expect, it } from 'vitest';
import type { BackupRow } from '../../filterBackups';
import { deleteRisks } from './deleteRisks';

const day = 86_400_000;
const row = (region: string, id: string, over: Record<string, unknown> = {}): BackupRow => ({
  region,
  backup: { BackupId: id, ClusterId: 'cluster-p', BackupState: 'READY', CreateTimestamp: new Date(0), ...over },
});
const names = (id: string) => (id === 'cluster-p' ? 'payments-prod' : id);

const newest = row('us-east-1', 'backup-new', { CreateTimestamp: new Date(3 * day) });
const older = row('us-east-1', 'backup-old', { CreateTimestamp: new Date(2 * day) });
const kept = row('us-east-1', 'backup-kept', { CreateTimestamp: new Date(1 * day), NeverExpires: true });
const copyW = row('us-west-2', 'backup-cw', { SourceBackup: 'backup-old', SourceRegion: 'us-east-1' });
const copyE1 = row('eu-west-1', 'backup-ce1', { SourceBackup: 'backup-new', SourceRegion: 'us-east-1' });
const copyE2 = row('eu-west-1', 'backup-ce2', { SourceBackup: 'backup-new', SourceRegion: 'us-east-1' });
const loaded = [newest, older, kept, copyW, copyE1, copyE2];

const risksOf = (selection: BackupRow[], all = loaded) =>
  deleteRisks(selection, all, names).map((r) => [r.row.backup.BackupId, r.risks, r.unknown.length]);

describe('deleteRisks', () => {
  it('says what each backup puts at risk, those at risk first', () => {
    expect(risksOf([older, newest, kept, copyW])).toEqual([
      ['backup-new', ['newest backup of payments-prod', 'source of 2 copies'], 0],
      ['backup-old', ['source of 1 copy'], 0],
      ['backup-kept', ['never expires'], 0],
      ['backup-cw', ['last copy of payments-prod in us-west-2'], 0],
    ]);
  });

  it('counts backups deleted together as gone: the last two copies in a region are both the last', () => {
    expect(risksOf([copyE1])).toEqual([['backup-ce1', [], 0]]);
    expect(risksOf([copyE1, copyE2])).toEqual([
      ['backup-ce1', ['last copy of payments-prod in eu-west-1'], 0],
      ['backup-ce2', ['last copy of payments-prod in eu-west-1'], 0],
    ]);
  });

  it('ignores copies going away or gone, and says when it cannot tell the newest', () => {
    const gone = row('eu-west-1', 'backup-gone', { SourceBackup: 'backup-old', BackupState: 'PENDING_DELETION' });
    expect(risksOf([older], [older, gone])).toEqual([['backup-old', [], 1]]);
    const [only] = deleteRisks([older], [older], names);
    expect(only?.unknown[0]).toContain('cannot tell whether it is the newest backup of payments-prod');
  });
});
