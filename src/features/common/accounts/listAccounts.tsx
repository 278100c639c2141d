/**
 * The accounts a list shows (issue 15), given once by the list (`<ListAccountsProvider value={useShownAccounts()}>`)
 * to its rows, cells and filters, so a row does not subscribe to the router and the session itself. Without a
 * provider, or with one account, nothing about accounts is drawn: today's one-account lists look as before.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { accountName, type AccountInfo, type ShownAccounts } from '../../../aws';

const ONE_ACCOUNT: ShownAccounts = {
  available: [],
  multi: false,
  ids: [],
  callAccounts: [undefined],
  failed: [],
  setAccounts: () => undefined,
  infoOf: () => undefined,
};

const ListAccounts = createContext<ShownAccounts>(ONE_ACCOUNT);

export function ListAccountsProvider({ value, children }: { value: ShownAccounts; children: ReactNode }) {
  return <ListAccounts.Provider value={value}>{children}</ListAccounts.Provider>;
}

export const useListAccounts = (): ShownAccounts => useContext(ListAccounts);

/** The id a row's account filter matches: its `account`, or the base account's id when it has none. */
export function rowAccountId(account: string | undefined, accounts: Pick<ShownAccounts, 'available'>): string {
  return account ?? accounts.available[0]?.id ?? '';
}

/** The account filter's choices: the shown accounts that could be asked (a failed one has no rows), by label and id. */
export function accountChoices(accounts: Pick<ShownAccounts, 'available' | 'ids'>): { value: string; label: string }[] {
  return accounts.available.filter((a) => accounts.ids.includes(a.id) && !a.error).map((a) => ({ value: a.id, label: accountName(a) }));
}

/**
 * Where a part of a list was asked: "us-east-1" with one account; with several, "us-east-1 (workload)" in
 * counts, or `long` "us-east-1 in workload (222233334444)" in an alert.
 */
export function placeName(region: string, account: string | undefined, accounts: ShownAccounts, long = false): string {
  if (!accounts.multi) return region;
  const info: AccountInfo | undefined = accounts.infoOf(account);
  if (long) return `${region} in ${info ? accountName(info) : (account ?? 'the base account')}`;
  return `${region} (${info?.label ?? account ?? 'base'})`;
}
