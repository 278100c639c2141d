import { describe, expect, it } from 'vitest';
import { clusterLabel, holdsLiveBackup, promptFor, type CopyFacts } from './copyChecks';

const facts = (over: Partial<CopyFacts> = {}): CopyFacts => ({
  source: { region: 'eu-west-1', backupId: 'backup-a', clusterId: 'cluster-a', clusterRegion: 'eu-west-1' },
  destination: 'us-east-1',
  hasCopies: true,
  clusterName: undefined,
  residency: [],
  unreadable: [],
  ...over,
});

describe('promptFor', () => {
  it('copies at once when the cluster has a copy there and nothing keeps it out', () => {
    expect(promptFor(facts())).toBeNull();
  });
  it('asks before the first copy, and when it could not tell (the safe side)', () => {
    expect(promptFor(facts({ hasCopies: false }))).toMatchObject({ firstCopy: true, needsOverride: false });
    expect(promptFor(facts({ hasCopies: null }))).toMatchObject({ firstCopy: true, needsOverride: false });
  });
  it('needs an override when a residency tag keeps it out or tags could not be read', () => {
    const block = { kind: 'backup' as const, id: 'backup-a', tag: 'data-residency=eu', invalid: false, reason: '…' };
    expect(promptFor(facts({ residency: [block] }))).toMatchObject({ firstCopy: false, needsOverride: true });
    expect(promptFor(facts({ unreadable: ['the tags of backup backup-a (AccessDenied)'] }))).toMatchObject({ needsOverride: true });
  });
});

describe('holdsLiveBackup', () => {
  it('counts READY and copying backups, not deleted or pending deletion ones', () => {
    expect(holdsLiveBackup([])).toBe(false);
    expect(holdsLiveBackup([{ BackupState: 'DELETED' }, { BackupState: 'PENDING_DELETION' }])).toBe(false);
    expect(holdsLiveBackup([{ BackupState: 'DELETED' }, { BackupState: 'CREATE_IN_PROGRESS' }])).toBe(true);
    expect(holdsLiveBackup([{ BackupState: 'READY' }])).toBe(true);
  });
});

describe('labels', () => {
  it('names the cluster by its Name tag and id', () => {
    expect(clusterLabel(facts({ clusterName: 'identity-eu-prod' }))).toBe('identity-eu-prod (cluster-a)');
    expect(clusterLabel(facts())).toBe('cluster-a');
  });
});
