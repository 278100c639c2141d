/**
 * The list's filters and sort in the URL: `state`, `region`, `account` (comma-separated), `vpc`, `tag` (`key=value`),
 * `q`, `attention` (`1`: only clusters that need attention) and `sort` (`column:asc|desc`). Other parameters (the shell's `regions`) are left alone.
 */
import { EMPTY_FILTERS, SORT_COLUMNS, type ListParams, type SortColumn, type SortSpec } from './types';
import { parseListParam } from '../../../ui/urlParams';

export const LIST_PARAM_NAMES = ['state', 'region', 'account', 'vpc', 'tag', 'q', 'attention', 'sort'] as const;

const list = parseListParam;

export function parseSort(value: string | null): SortSpec | null {
  if (!value) return null;
  const [column, direction = 'asc'] = value.split(':');
  if (!(SORT_COLUMNS as readonly string[]).includes(column ?? '')) return null;
  if (direction !== 'asc' && direction !== 'desc') return null;
  return { column: column as SortColumn, direction };
}

export function parseListParams(params: URLSearchParams): ListParams {
  return {
    filters: {
      state: list(params.get('state')).map((s) => s.toUpperCase()),
      region: list(params.get('region')),
      account: list(params.get('account')),
      vpc: params.get('vpc')?.trim() ?? '',
      tag: params.get('tag')?.trim() ?? '',
      q: params.get('q') ?? '',
      attention: ['1', 'true', 'yes'].includes(params.get('attention')?.trim().toLowerCase() ?? ''),
    },
    sort: parseSort(params.get('sort')),
  };
}

/**
 * The list's parameters written over `base` (a copy; `base`'s other parameters are kept). Empty filters
 * and the default sort leave no parameter, so the plain list has a plain URL.
 */
export function toListParams(input: ListParams, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const name of LIST_PARAM_NAMES) out.delete(name);
  const { filters, sort } = { filters: { ...EMPTY_FILTERS, ...input.filters }, sort: input.sort };
  if (filters.state.length > 0) out.set('state', filters.state.join(','));
  if (filters.region.length > 0) out.set('region', filters.region.join(','));
  if (filters.account.length > 0) out.set('account', filters.account.join(','));
  if (filters.vpc.trim()) out.set('vpc', filters.vpc.trim());
  if (filters.tag.trim()) out.set('tag', filters.tag.trim());
  if (filters.q.trim()) out.set('q', filters.q);
  if (filters.attention) out.set('attention', '1');
  if (sort) out.set('sort', `${sort.column}:${sort.direction}`);
  return out;
}

/** The sort after a click on a column header: a new column sorts ascending, the same column flips. */
export function nextSort(current: SortSpec | null, column: SortColumn): SortSpec {
  if (current?.column === column) return { column, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { column, direction: 'asc' };
}
