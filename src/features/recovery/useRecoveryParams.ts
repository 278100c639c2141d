import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseRecoveryParams, toRecoveryParams, type RecoveryParams } from '../../cloudhsm/recovery';

/** The view's status filter and sort, read from and written to the URL (the shell's `regions` kept). */
export function useRecoveryParams(): { params: RecoveryParams; setParams: (next: RecoveryParams) => void } {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const params = useMemo(() => parseRecoveryParams(new URLSearchParams(key)), [key]);
  const setParams = useCallback((next: RecoveryParams) => setSearch((current) => toRecoveryParams(next, current)), [setSearch]);
  return { params, setParams };
}
