import { describe, expect, it } from 'vitest';
import { AwsRequestError } from '../../../aws';
import { nextOutcome, outcomeHolds, succeeded, type BackupOutcome, type BackupState } from './backupOutcome';

const ID = 'backup-aaaaaaaaaaa';
const ready: BackupState = { BackupId: ID, BackupState: 'READY', NeverExpires: false };
const pending: BackupState = { BackupId: ID, BackupState: 'PENDING_DELETION', NeverExpires: false };
const forever: BackupState = { ...ready, NeverExpires: true };

describe('outcomeHolds', () => {
  it('each success holds exactly while the backup is in the state it claims', () => {
    expect(outcomeHolds(succeeded('deleted', ID), pending)).toBe(true);
    expect(outcomeHolds(succeeded('deleted', ID), ready)).toBe(false);
    expect(outcomeHolds(succeeded('restored', ID), ready)).toBe(true);
    expect(outcomeHolds(succeeded('restored', ID), pending)).toBe(false);
    expect(outcomeHolds(succeeded('never-expires-on', ID), forever)).toBe(true);
    expect(outcomeHolds(succeeded('never-expires-on', ID), ready)).toBe(false);
    expect(outcomeHolds(succeeded('never-expires-off', ID), ready)).toBe(true);
    expect(outcomeHolds(succeeded('never-expires-off', ID), forever)).toBe(false);
  });

  it('"under the retention policy again" is not claimed of a deleted backup', () => {
    expect(outcomeHolds(succeeded('never-expires-off', ID), pending)).toBe(false);
    expect(outcomeHolds(succeeded('never-expires-on', ID), { ...pending, NeverExpires: true })).toBe(false);
  });

  it('a failure holds until another action replaces it; nothing holds for another backup', () => {
    const failed: BackupOutcome = {
      kind: 'failed',
      backupId: ID,
      what: 'Could not restore',
      error: new AwsRequestError({
        code: 'X',
        message: 'no',
        operation: 'RestoreBackup',
        region: 'us-east-1',
        title: 'X',
        retryable: false,
      }),
    };
    expect(outcomeHolds(failed, pending)).toBe(true);
    expect(outcomeHolds(failed, { ...ready, BackupId: 'backup-bbbbbbbbbbb' })).toBe(false);
    expect(outcomeHolds(succeeded('deleted', ID), { ...pending, BackupId: 'backup-bbbbbbbbbbb' })).toBe(false);
  });

  it('a backup without a state matches no claim', () => {
    for (const kind of ['deleted', 'restored', 'never-expires-on', 'never-expires-off'] as const)
      expect(outcomeHolds(succeeded(kind, ID), { BackupId: ID })).toBe(false);
  });
});

describe('nextOutcome', () => {
  it('waits for the refreshed backup, then confirms the claim', () => {
    const just = succeeded('deleted', ID);
    expect(nextOutcome(just, ready)).toBe(just);
    expect(nextOutcome(just, pending)).toEqual({ ...just, confirmed: true });
  });

  it('drops a confirmed claim once it is no longer true, and keeps it while it is', () => {
    const confirmed = nextOutcome(succeeded('deleted', ID), pending);
    expect(nextOutcome(confirmed, pending)).toBe(confirmed);
    expect(nextOutcome(confirmed, ready)).toBeNull();
    const on = nextOutcome(succeeded('never-expires-on', ID), forever);
    expect(nextOutcome(on, ready)).toBeNull();
  });

  it('drops anything about another backup (the page moved on), and keeps nothing from nothing', () => {
    expect(nextOutcome(succeeded('restored', ID), { ...ready, BackupId: 'backup-bbbbbbbbbbb' })).toBeNull();
    expect(nextOutcome(null, ready)).toBeNull();
  });
});
