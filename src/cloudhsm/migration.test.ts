import { describe, expect, it } from 'vitest';
import { formatRemaining, migrationBlocker, migrationChecks, migrationDuration, migrationState, type CheckId } from './migration';

const NOW = new Date('2026-12-08T03:00:00Z');
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000);
const hsm = (HsmId: string, State = 'ACTIVE') => ({ HsmId, State });
const ALL_CONFIRMED = new Set<CheckId>(['client-sdk', 'kms-key-store']);

describe('migrationChecks', () => {
  it('passes the API checks of an ACTIVE hsm1 cluster whose HSMs are all ACTIVE, and asks the operator for the rest', () => {
    const checks = migrationChecks({ State: 'ACTIVE', HsmType: 'hsm1.medium', Hsms: [hsm('hsm-a'), hsm('hsm-b')] });
    expect(checks.map((c) => [c.id, c.status])).toEqual([
      ['cluster-active', 'passed'],
      ['hsms-active', 'passed'],
      ['client-sdk', 'confirm'],
      ['kms-key-store', 'confirm'],
    ]);
    expect(checks[1]!.detail).toBe('All 2 HSMs are ACTIVE.');
    expect(checks[2]!.detail).toContain('Client SDK 5.9.0 or later');
    expect(checks[2]!.detail).toContain('Client SDK 3 does not support it');
  });

  it('fails, naming the HSMs that are not ACTIVE and their states', () => {
    const checks = migrationChecks({ State: 'ACTIVE', Hsms: [hsm('hsm-a'), hsm('hsm-b', 'CREATE_IN_PROGRESS'), hsm('hsm-c', 'DEGRADED')] });
    const hsms = checks.find((c) => c.id === 'hsms-active')!;
    expect(hsms.status).toBe('failed');
    expect(hsms.detail).toBe(
      '2 HSMs not ACTIVE: hsm-b (CREATE_IN_PROGRESS), hsm-c (DEGRADED). Wait for them to be ACTIVE, or delete them.',
    );
  });

  it('fails a cluster that is not ACTIVE, saying its state', () => {
    const check = migrationChecks({ State: 'DEGRADED', Hsms: [] }).find((c) => c.id === 'cluster-active')!;
    expect(check.status).toBe('failed');
    expect(check.detail).toContain('The cluster is DEGRADED');
  });
});

describe('migrationBlocker', () => {
  const good = migrationChecks({ State: 'ACTIVE', Hsms: [hsm('hsm-a')] });

  it('asks for the unconfirmed items, then lets the migration start', () => {
    expect(migrationBlocker(good, new Set())).toBe(
      'Confirm first: every client uses Client SDK 5.9.0 or later; no AWS KMS key store uses this cluster.',
    );
    expect(migrationBlocker(good, new Set<CheckId>(['client-sdk']))).toBe('Confirm first: no AWS KMS key store uses this cluster.');
    expect(migrationBlocker(good, ALL_CONFIRMED)).toBeNull();
  });

  it('says the failed check even when everything is confirmed', () => {
    const bad = migrationChecks({ State: 'ACTIVE', Hsms: [hsm('hsm-a', 'DELETE_IN_PROGRESS')] });
    expect(migrationBlocker(bad, ALL_CONFIRMED)).toContain('hsm-a (DELETE_IN_PROGRESS)');
  });
});

describe('migrationState', () => {
  it('an hsm1 cluster can migrate', () => {
    expect(migrationState({ State: 'ACTIVE', HsmType: 'hsm1.medium' }, NOW)).toEqual({ kind: 'possible' });
  });

  it('an hsm2m cluster without a migration behind it is not concerned', () => {
    const state = migrationState({ State: 'ACTIVE', HsmType: 'hsm2m.medium' }, NOW);
    expect(state).toEqual({ kind: 'not-applicable', reason: 'The cluster runs hsm2m.medium; only hsm1.medium clusters migrate.' });
  });

  it('MODIFY_IN_PROGRESS is a migration to hsm2m.medium, with its rollback deadline while ahead', () => {
    expect(migrationState({ State: 'MODIFY_IN_PROGRESS', HsmType: 'hsm2m.medium', HsmTypeRollbackExpiration: hours(24) }, NOW)).toEqual({
      kind: 'in-progress',
      target: 'hsm2m.medium',
      rollbackUntil: hours(24),
    });
    expect(migrationState({ State: 'MODIFY_IN_PROGRESS', HsmType: 'hsm2m.medium' }, NOW)).toEqual({
      kind: 'in-progress',
      target: 'hsm2m.medium',
    });
  });

  it('a migrated ACTIVE cluster offers the rollback until the deadline, then is done', () => {
    const migrated = { State: 'ACTIVE', HsmType: 'hsm2m.medium', HsmTypeRollbackExpiration: hours(23.5) };
    expect(migrationState(migrated, NOW)).toEqual({ kind: 'rollback-available', until: hours(23.5) });
    expect(migrationState(migrated, hours(23.5))).toEqual({ kind: 'done', closedAt: hours(23.5) });
    expect(migrationState(migrated, hours(30))).toEqual({ kind: 'done', closedAt: hours(23.5) });
  });

  it('ROLLBACK_IN_PROGRESS goes back to hsm1.medium', () => {
    expect(migrationState({ State: 'ROLLBACK_IN_PROGRESS', HsmType: 'hsm1.medium' }, NOW)).toEqual({
      kind: 'rolling-back',
      target: 'hsm1.medium',
    });
  });
});

describe('formatRemaining', () => {
  it('says hours and minutes, rounded down', () => {
    expect(formatRemaining(hours(23).getTime() - NOW.getTime() + 41 * 60_000 + 59_000)).toBe('23 h 41 min');
    expect(formatRemaining(2 * 3_600_000)).toBe('2 h');
    expect(formatRemaining(41 * 60_000)).toBe('41 min');
    expect(formatRemaining(59_000)).toBe('less than a minute');
    expect(formatRemaining(-5_000)).toBe('less than a minute');
  });

  it('estimates 30 minutes per HSM', () => {
    expect(migrationDuration(2)).toBe('1 h');
    expect(migrationDuration(3)).toBe('1 h 30 min');
    expect(migrationDuration(0)).toBe('30 min');
  });
});
