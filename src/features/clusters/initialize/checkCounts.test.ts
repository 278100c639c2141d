import { describe, expect, it } from 'vitest';
import type { InitCheck, InitCheckStatus } from './checkInitializationCertificates';
import { checksShortfall, countChecks } from './checkCounts';

const checks = (...statuses: InitCheckStatus[]): InitCheck[] =>
  statuses.map((status, i) => ({ id: 'key-types', label: `check ${i}`, status, detail: '' }));

describe('countChecks and checksShortfall', () => {
  it('counts failed and not-made checks apart', () => {
    const list = checks('fail', 'skipped', 'skipped', 'skipped', 'skipped', 'pass', 'pass', 'pass', 'pass');
    expect(countChecks(list)).toEqual({ total: 9, passed: 4, failed: 1, notMade: 4 });
    expect(checksShortfall(list)).toBe('1 of 9 checks fail, 4 of 9 could not be made');
  });

  it('names only the parts that are there', () => {
    expect(checksShortfall(checks('fail', 'pass'))).toBe('1 of 2 checks fail');
    expect(checksShortfall(checks('skipped', 'pass', 'pass'))).toBe('1 of 3 could not be made');
  });

  it('is null when every check passes, and never says so of no checks at all', () => {
    expect(checksShortfall(checks('pass', 'pass'))).toBeNull();
    expect(checksShortfall([])).toBe('No check could be made');
  });
});
