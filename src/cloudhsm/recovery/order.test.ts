import { describe, expect, it } from 'vitest';
import { nextRecoverySort, orderRows, parseRecoveryParams, toRecoveryParams, type OrderableRow } from './order';
import type { LocalStatus, Newest } from './posture';

const row = (name: string, status: LocalStatus, local: Newest<unknown>, drStatus: 'behind' | 'on-target' | null = null): OrderableRow => ({
  name,
  id: `cluster-${name}`,
  region: name.startsWith('eu') ? 'eu-west-1' : 'us-east-1',
  posture: { status, local, drStatus },
});
const rows = [
  row('alpha', 'on-target', { kind: 'found', backup: {}, ageMs: 5 }),
  row('bravo', 'behind', { kind: 'found', backup: {}, ageMs: 50 }, 'behind'),
  row('eu-charlie', 'no-backup', { kind: 'none' }),
  row('delta', 'behind', { kind: 'older', sinceMs: 0 }),
  row('echo', 'unknown', { kind: 'unknown', reason: 'loading' }),
];
const names = (r: OrderableRow[]) => r.map((x) => x.name);

describe('ordering the recovery rows', () => {
  it('puts what needs doing first by default', () => {
    expect(names(orderRows(rows, { status: [], sort: null }))).toEqual(['eu-charlie', 'bravo', 'delta', 'echo', 'alpha']);
  });

  it('sorts by age (older-than after any found), name, region, DR status', () => {
    expect(names(orderRows(rows, { status: [], sort: { column: 'age', direction: 'asc' } }))).toEqual([
      'alpha',
      'bravo',
      'delta',
      'eu-charlie',
      'echo',
    ]);
    expect(names(orderRows(rows, { status: [], sort: { column: 'name', direction: 'desc' } }))[0]).toBe('eu-charlie');
    expect(names(orderRows(rows, { status: [], sort: { column: 'dr', direction: 'asc' } }))[0]).toBe('bravo');
  });

  it('filters by status, DR behind included', () => {
    expect(names(orderRows(rows, { status: ['behind'], sort: null }))).toEqual(['bravo', 'delta']);
    expect(names(orderRows(rows, { status: ['dr-behind', 'no-backup'], sort: null }))).toEqual(['eu-charlie', 'bravo']);
  });

  it('reads and writes its URL parameters, keeping the others and dropping unknown values', () => {
    const params = parseRecoveryParams(new URLSearchParams('regions=us-east-1&status=behind,bogus,BEHIND&sort=age:desc'));
    expect(params).toEqual({ status: ['behind'], sort: { column: 'age', direction: 'desc' } });
    expect(parseRecoveryParams(new URLSearchParams('sort=color:up')).sort).toBeNull();
    const out = toRecoveryParams({ status: [], sort: null }, new URLSearchParams('regions=us-east-1&status=behind&sort=age:desc'));
    expect(out.toString()).toBe('regions=us-east-1');
    expect(nextRecoverySort({ column: 'age', direction: 'asc' }, 'age')).toEqual({ column: 'age', direction: 'desc' });
    expect(nextRecoverySort(null, 'name')).toEqual({ column: 'name', direction: 'asc' });
  });
});
