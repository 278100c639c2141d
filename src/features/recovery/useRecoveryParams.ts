import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseRecoveryParams, toRecoveryParams, type RecoveryParams } from '../../cloudhsm/recovery';
import { parseListParam } from '../../ui/urlParams';

/** The URL parameter of the view's account filter (several accounts only; issue 15), as the other lists name it. */
const ACCOUNT_FILTER = 'account';

/** The view's status filter and sort, read from and written to the URL (the shell's `regions` kept). */
export function useRecoveryParams(): { params: RecoveryParams; setParams: (next: RecoveryParams) => void } {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  const params = useMemo(() => parseRecoveryParams(new URLSearchParams(key)), [key]);
  const setParams = useCallback((next: RecoveryParams) => setSearch((current) => toRecoveryParams(next, current)), [setSearch]);
  return { params, setParams };
}

/** The account filter (owner account ids; empty: every shown account), in the URL like the status filter. */
export function useRecoveryAccountFilter(): { accounts: string[]; setAccounts: (next: readonly string[]) => void } {
  const [search, setSearch] = useSearchParams();
  const value = search.get(ACCOUNT_FILTER);
  const accounts = useMemo(() => parseListParam(value), [value]);
  const setAccounts = useCallback(
    (next: readonly string[]) =>
      setSearch((current) => {
        const out = new URLSearchParams(current);
        if (next.length > 0) out.set(ACCOUNT_FILTER, next.join(','));
        else out.delete(ACCOUNT_FILTER);
        return out;
      }),
    [setSearch],
  );
  return { accounts, setAccounts };
}

/** Clears the status and the account filters in one history entry (two writes in a row would lose the first). */
export function useClearRecoveryFilters(): (params: RecoveryParams) => void {
  const [, setSearch] = useSearchParams();
  return useCallback(
    (params: RecoveryParams) =>
      setSearch((current) => {
        const out = toRecoveryParams({ ...params, status: [] }, current);
        out.delete(ACCOUNT_FILTER);
        return out;
      }),
    [setSearch],
  );
}
