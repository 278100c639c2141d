import { describe, expect, it } from 'vitest';
import { nextSort, parseListParams, parseSort, toListParams } from './params';
import { EMPTY_FILTERS } from './types';

describe('parseListParams / toListParams', () => {
  it('reads every filter and the sort', () => {
    const p = parseListParams(
      new URLSearchParams(
        'state=ACTIVE,degraded&region=eu-west-1&account=222233334444&accounts=111122223333,222233334444&vpc=vpc-1&tag=Environment%3Dproduction&q=pay%20ments&sort=created:desc&regions=us-east-1',
      ),
    );
    expect(p).toEqual({
      filters: {
        state: ['ACTIVE', 'DEGRADED'],
        region: ['eu-west-1'],
        account: ['222233334444'],
        vpc: 'vpc-1',
        tag: 'Environment=production',
        q: 'pay ments',
        attention: false,
      },
      sort: { column: 'created', direction: 'desc' },
    });
  });

  it('reads an empty URL as no filter and no sort', () => {
    expect(parseListParams(new URLSearchParams())).toEqual({ filters: EMPTY_FILTERS, sort: null });
  });

  it('reads the "needs attention" filter from attention=1 (or true), and nothing else', () => {
    expect(parseListParams(new URLSearchParams('attention=1')).filters.attention).toBe(true);
    expect(parseListParams(new URLSearchParams('attention=true')).filters.attention).toBe(true);
    expect(parseListParams(new URLSearchParams('attention=0')).filters.attention).toBe(false);
    expect(parseListParams(new URLSearchParams('attention=')).filters.attention).toBe(false);
    expect(toListParams({ filters: { ...EMPTY_FILTERS, attention: false }, sort: null }).has('attention')).toBe(false);
  });

  it('ignores a sort it does not know', () => {
    expect(parseSort('bogus:asc')).toBeNull();
    expect(parseSort('created:sideways')).toBeNull();
    expect(parseSort('name')).toEqual({ column: 'name', direction: 'asc' });
  });

  it('round-trips, keeps other parameters and drops empty filters', () => {
    const params = {
      filters: {
        state: ['ACTIVE'],
        region: [],
        account: ['222233334444'],
        vpc: '',
        tag: 'Environment=production',
        q: 'x y',
        attention: true,
      },
      sort: { column: 'created' as const, direction: 'asc' as const },
    };
    const out = toListParams(params, new URLSearchParams('regions=us-east-1,eu-west-1&accounts=222233334444&vpc=old'));
    expect(out.get('regions')).toBe('us-east-1,eu-west-1');
    // The shell's shown accounts are not the list's account filter: left alone.
    expect(out.get('accounts')).toBe('222233334444');
    expect(out.get('account')).toBe('222233334444');
    expect(out.get('attention')).toBe('1');
    expect(out.has('vpc')).toBe(false);
    expect(out.has('region')).toBe(false);
    expect(parseListParams(out)).toEqual(params);
    expect(toListParams({ filters: EMPTY_FILTERS, sort: null }).toString()).toBe('');
  });

  it('nextSort: a new column sorts ascending, the same column flips', () => {
    expect(nextSort(null, 'created')).toEqual({ column: 'created', direction: 'asc' });
    expect(nextSort({ column: 'created', direction: 'asc' }, 'created')).toEqual({ column: 'created', direction: 'desc' });
    expect(nextSort({ column: 'created', direction: 'desc' }, 'created')).toEqual({ column: 'created', direction: 'asc' });
    expect(nextSort({ column: 'created', direction: 'desc' }, 'name')).toEqual({ column: 'name', direction: 'asc' });
  });
});
