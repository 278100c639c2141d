// @vitest-environment happy-dom
/** The accounts service as views use it: the accounts in force, what the hooks are asked with, links that keep the choice. */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../cloudhsm/api';
import { useShownRegions } from '../regions/shownRegions';
import { sessionKey } from '../session';
import { testQueryClient } from '../testing/render';
import { useAccountParam, useShownAccounts } from './shownAccounts';

const ONE: SessionInfo = { mode: 'emulator', regions: ['us-east-1'], readOnly: false, availableRegions: ['us-east-1'] };
const MANY: SessionInfo = {
  ...ONE,
  accounts: [
    { id: '111122223333', label: 'security', source: 'base' },
    { id: '222233334444', label: 'workload', source: 'role' },
    { id: '333344445555', label: 'denied', source: 'role', error: 'AccessDenied' },
  ],
};

function wrapperAt(url: string, session: SessionInfo) {
  const client = testQueryClient();
  client.setQueryData(sessionKey, session);
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

afterEach(cleanup);

describe('useShownAccounts', () => {
  it('one account: hooks are asked for the base account only, as before accounts existed', () => {
    const { result } = renderHook(() => useShownAccounts(), { wrapper: wrapperAt('/clusters', ONE) });
    expect(result.current.multi).toBe(false);
    expect(result.current.callAccounts).toEqual([undefined]);
    expect(result.current.failed).toEqual([]);
  });

  it('many accounts: every one by default; the base is asked as undefined, a failed one is not asked but listed', () => {
    const { result } = renderHook(() => useShownAccounts(), { wrapper: wrapperAt('/clusters', MANY) });
    expect(result.current.multi).toBe(true);
    expect(result.current.ids).toEqual(['111122223333', '222233334444', '333344445555']);
    expect(result.current.callAccounts).toEqual([undefined, '222233334444']);
    expect(result.current.failed.map((a) => a.label)).toEqual(['denied']);
    expect(result.current.infoOf(undefined)?.label).toBe('security');
  });

  it('the URL narrows the accounts, and every link keeps that choice', () => {
    const { result } = renderHook(() => ({ accounts: useShownAccounts(), regions: useShownRegions() }), {
      wrapper: wrapperAt('/clusters?accounts=222233334444', MANY),
    });
    expect(result.current.accounts.callAccounts).toEqual(['222233334444']);
    expect(result.current.regions.linkTo('/backups').search).toBe('?accounts=222233334444');
  });

  it('a detail page’s ?account= is the id for another account, undefined for the base account or none', () => {
    const other = renderHook(() => useAccountParam(), { wrapper: wrapperAt('/clusters/us-east-1/cluster-a?account=222233334444', MANY) });
    expect(other.result.current).toBe('222233334444');
    const base = renderHook(() => useAccountParam(), { wrapper: wrapperAt('/clusters/us-east-1/cluster-a?account=111122223333', MANY) });
    expect(base.result.current).toBeUndefined();
    const none = renderHook(() => useAccountParam(), { wrapper: wrapperAt('/clusters/us-east-1/cluster-a', MANY) });
    expect(none.result.current).toBeUndefined();
  });
});
