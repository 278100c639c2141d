/**
 * Which accounts the views show (issue 15): the URL's `accounts` parameter when present (so links and
 * back/forward carry it), else every account the server was started with, failed ones included (they show as
 * failed, so the person sees why their resources are missing). Pure functions; the hook that wires them to the
 * router is useShownAccounts (shownAccounts.ts). These two files are the only ones that know the parameter's
 * names (`accounts` for the lists, `account` for a detail page of another account's resource).
 *
 * An account is named by its 12-digit id. The data layer calls the base account with `account` undefined
 * (clients.ts), so `callAccount` turns an id into what the hooks take.
 */
import type { AccountInfo, SessionInfo } from '../../cloudhsm/api';

export type { AccountInfo };

export const ACCOUNTS_PARAM = 'accounts';
/** A detail page's account, for a resource of an account other than the base. */
export const ACCOUNT_PARAM = 'account';

/** The session's accounts, base first; one (or none, before accounts existed) means a one-account dashboard. */
export function sessionAccounts(session: SessionInfo | undefined): AccountInfo[] {
  return session?.accounts ?? [];
}

/** Whether the dashboard shows several accounts (picker, Account column and filter appear only then). */
export const isMultiAccount = (accounts: readonly AccountInfo[]): boolean => accounts.length > 1;

/** Account ids named in a comma-separated value, known to the server, deduplicated, in the server's order. */
export function parseAccounts(value: string | null | undefined, available: readonly AccountInfo[]): string[] {
  if (!value) return [];
  const named = new Set(value.split(',').map((id) => id.trim()));
  return available.map((a) => a.id).filter((id) => named.has(id));
}

export function formatAccounts(ids: readonly string[]): string {
  return ids.join(',');
}

/** The accounts in force: the URL's when it names any known one, else every account. */
export function chooseAccounts(url: string | null, available: readonly AccountInfo[]): string[] {
  const fromUrl = parseAccounts(url, available);
  return fromUrl.length > 0 ? fromUrl : available.map((a) => a.id);
}

/** Turning one account on or off, in the server's order; the last one cannot be turned off. */
export function toggleAccount(selected: readonly string[], id: string, available: readonly AccountInfo[]): string[] {
  const next = selected.includes(id) ? selected.filter((a) => a !== id) : [...selected, id];
  if (next.length === 0) return [...selected];
  return available.map((a) => a.id).filter((a) => next.includes(a));
}

/** What the data layer takes for an account id: undefined for the base account (the first), else the id. */
export function callAccount(id: string | undefined, available: readonly AccountInfo[]): string | undefined {
  if (!id) return undefined;
  return available[0]?.id === id ? undefined : id;
}

/** The account a row (or failure) belongs to: its `account` id, or the base account when it has none. */
export function accountInfoOf(account: string | undefined, available: readonly AccountInfo[]): AccountInfo | undefined {
  return account ? available.find((a) => a.id === account) : available[0];
}

/** "security (111122223333)": the label and the id, the id alone when the label says nothing more. */
export function accountName(info: Pick<AccountInfo, 'id' | 'label'>): string {
  return info.label && info.label !== info.id ? `${info.label} (${info.id})` : info.id;
}

/** The query parameters a link to another account's resource carries (none for the base account). */
export function accountLinkParams(account: string | undefined): Record<string, string> {
  return account ? { [ACCOUNT_PARAM]: account } : {};
}
