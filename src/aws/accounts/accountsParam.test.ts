import { describe, expect, it } from 'vitest';
import {
  accountInfoOf,
  accountLinkParams,
  accountName,
  callAccount,
  chooseAccounts,
  isMultiAccount,
  parseAccounts,
  sessionAccounts,
  toggleAccount,
  type AccountInfo,
} from './accountsParam';

const BASE: AccountInfo = { id: '111122223333', label: 'security', source: 'base' };
const ROLE: AccountInfo = { id: '222233334444', label: 'workload', source: 'role', roleArn: 'arn:aws:iam::222233334444:role/read' };
const FAILED: AccountInfo = { id: '333344445555', label: 'denied', source: 'role', error: 'AccessDenied: not authorized to assume' };
const ALL = [BASE, ROLE, FAILED];

describe('account selection', () => {
  it('a session without accounts, or with one, is a one-account dashboard', () => {
    expect(sessionAccounts({ mode: 'emulator', regions: [], readOnly: false, availableRegions: [] })).toEqual([]);
    expect(isMultiAccount([])).toBe(false);
    expect(isMultiAccount([BASE])).toBe(false);
    expect(isMultiAccount(ALL)).toBe(true);
  });

  it('parses a URL value: known accounts only, in the server order', () => {
    expect(parseAccounts('333344445555, 999999999999,111122223333,111122223333', ALL)).toEqual(['111122223333', '333344445555']);
    expect(parseAccounts('', ALL)).toEqual([]);
    expect(parseAccounts(null, ALL)).toEqual([]);
  });

  it('shows the URL’s accounts, else every account, failed ones included (they show why)', () => {
    expect(chooseAccounts('222233334444', ALL)).toEqual(['222233334444']);
    expect(chooseAccounts('999999999999', ALL)).toEqual(['111122223333', '222233334444', '333344445555']);
    expect(chooseAccounts(null, ALL)).toEqual(['111122223333', '222233334444', '333344445555']);
  });

  it('toggles an account in the server order, never to none', () => {
    expect(toggleAccount(['333344445555'], '111122223333', ALL)).toEqual(['111122223333', '333344445555']);
    expect(toggleAccount(['111122223333', '333344445555'], '111122223333', ALL)).toEqual(['333344445555']);
    expect(toggleAccount(['333344445555'], '333344445555', ALL)).toEqual(['333344445555']);
  });

  it('calls the base account as undefined, another by its id; a row without an account is the base account’s', () => {
    expect(callAccount('111122223333', ALL)).toBeUndefined();
    expect(callAccount('222233334444', ALL)).toBe('222233334444');
    expect(callAccount(undefined, ALL)).toBeUndefined();
    expect(accountInfoOf(undefined, ALL)).toBe(BASE);
    expect(accountInfoOf('222233334444', ALL)).toBe(ROLE);
  });

  it('names an account by label and id, and links carry only a non-base account', () => {
    expect(accountName(BASE)).toBe('security (111122223333)');
    expect(accountName({ id: '111122223333', label: '111122223333' })).toBe('111122223333');
    expect(accountLinkParams(undefined)).toEqual({});
    expect(accountLinkParams('222233334444')).toEqual({ account: '222233334444' });
  });
});
