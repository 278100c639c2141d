import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseListParams, toListParams } from './params';
import type { ListParams } from './types';

/** The list's filters and sort, read from and written to the URL (each change is a history entry). */
export function useListParams(): { params: ListParams; setParams: (next: ListParams) => void } {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  // Keyed on the text: a new URLSearchParams object with the same content keeps the same value.
  const params = useMemo(() => parseListParams(new URLSearchParams(key)), [key]);
  const setParams = useCallback((next: ListParams) => setSearch((current) => toListParams(next, current)), [setSearch]);
  return { params, setParams };
}
