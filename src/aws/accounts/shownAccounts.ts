/**
 * Accounts as a service (issue 15): which accounts the views show, as the data layer takes them, and the
 * account of a detail page. The URL's `accounts` parameter wins, else every account; the only readers and
 * writers of `accounts` and `account` are this file and accountsParam.ts (links carry `accounts` through
 * useShownRegions().linkTo, the one link maker). Needs a router and the session query (any view has both).
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSessionQuery } from '../session';
import {
  ACCOUNT_PARAM,
  ACCOUNTS_PARAM,
  accountInfoOf,
  callAccount,
  chooseAccounts,
  formatAccounts,
  isMultiAccount,
  sessionAccounts,
  type AccountInfo,
} from './accountsParam';

export interface ShownAccounts {
  /** Every account the server was started with, base first (none or one: a one-account dashboard). */
  available: AccountInfo[];
  /** More than one account: the picker, the Account column and its filter appear. */
  multi: boolean;
  /** The ids of the accounts in force. */
  ids: string[];
  /**
   * The shown accounts whose credentials work, as the query hooks take them (undefined: the base account).
   * A one-account dashboard gets `[undefined]`, so hooks called with it ask exactly what they asked before.
   */
  callAccounts: (string | undefined)[];
  /** Shown accounts the server could not get credentials for (their `error` says why): nothing is asked of them. */
  failed: AccountInfo[];
  setAccounts(ids: readonly string[]): void;
  /** The account of a row or failure (`account` undefined: the base account). */
  infoOf(account: string | undefined): AccountInfo | undefined;
}

const BASE_ONLY: (string | undefined)[] = [undefined];

export function useShownAccounts(): ShownAccounts {
  const session = useSessionQuery();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(ACCOUNTS_PARAM);
  const available = useMemo(() => sessionAccounts(session.data), [session.data]);
  const multi = isMultiAccount(available);
  const ids = useMemo(() => (multi ? chooseAccounts(fromUrl, available) : available.map((a) => a.id)), [multi, fromUrl, available]);
  const setAccounts = useCallback(
    (next: readonly string[]) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set(ACCOUNTS_PARAM, formatAccounts(next));
        return updated;
      });
    },
    [setParams],
  );
  return useMemo(() => {
    if (!multi) return { available, multi, ids, callAccounts: BASE_ONLY, failed: [], setAccounts, infoOf: () => available[0] };
    const shown = available.filter((a) => ids.includes(a.id));
    return {
      available,
      multi,
      ids,
      callAccounts: shown.filter((a) => !a.error).map((a) => callAccount(a.id, available)),
      failed: shown.filter((a) => a.error),
      setAccounts,
      infoOf: (account: string | undefined) => accountInfoOf(account, available),
    };
  }, [available, multi, ids, setAccounts]);
}

/**
 * The account of the resource a detail page shows (`?account=<id>`), as the query hooks take it: undefined
 * for the base account (no parameter, or the base account's id).
 */
export function useAccountParam(): string | undefined {
  const session = useSessionQuery();
  const [params] = useSearchParams();
  const id = params.get(ACCOUNT_PARAM) ?? undefined;
  // Before the session is known the id is passed as it came; a link only names a non-base account anyway.
  return session.data ? callAccount(id, sessionAccounts(session.data)) : id || undefined;
}
