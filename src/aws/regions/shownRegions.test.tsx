// @vitest-environment happy-dom
/** The regions service as views use it: the choice in force and links that keep it. */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../cloudhsm/api';
import { sessionKey } from '../session';
import { testQueryClient } from '../testing/render';
import { linkSearch } from './regionsParam';
import { useShownRegions } from './shownRegions';

const SESSION: SessionInfo = {
  mode: 'emulator',
  regions: ['us-east-1'],
  readOnly: false,
  availableRegions: ['eu-west-1', 'us-east-1', 'us-west-2'],
};

function wrapperAt(url: string) {
  const client = testQueryClient();
  client.setQueryData(sessionKey, SESSION);
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[url]}>{children}</MemoryRouter>
    </QueryClientProvider>
  );
}

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

describe('useShownRegions', () => {
  it('shows the server defaults when neither the URL nor the browser names regions, and links stay plain', () => {
    const { result } = renderHook(() => useShownRegions(), { wrapper: wrapperAt('/clusters') });
    expect(result.current.regions).toEqual(['us-east-1']);
    expect(result.current.linkTo('/backups')).toEqual({ pathname: '/backups', search: '' });
  });

  it('keeps the URL choice on every link, and adds other parameters after it', () => {
    const { result } = renderHook(() => useShownRegions(), { wrapper: wrapperAt('/clusters?regions=us-west-2,eu-west-1&q=x') });
    expect(result.current.regions).toEqual(['us-west-2', 'eu-west-1']);
    expect(result.current.linkTo('/backups/us-west-2/backup-a')).toEqual({
      pathname: '/backups/us-west-2/backup-a',
      search: '?regions=us-west-2%2Ceu-west-1',
    });
    expect(result.current.linkTo('/clusters/new', { params: { region: 'eu-west-1' } }).search).toBe(
      '?regions=us-west-2%2Ceu-west-1&region=eu-west-1',
    );
  });

  it('links to other regions when asked, keeping the page parameters only on request', () => {
    const { result } = renderHook(() => useShownRegions(), { wrapper: wrapperAt('/backups?regions=us-east-1&zoom=7d') });
    expect(result.current.linkTo('/backups', { regions: ['us-east-1', 'eu-west-1', 'us-east-1'] }).search).toBe(
      '?regions=us-east-1%2Ceu-west-1',
    );
    expect(result.current.linkTo('/backups', { regions: ['eu-west-1'], keepParams: true }).search).toBe('?regions=eu-west-1&zoom=7d');
  });

  it('falls back to the remembered choice, ignoring regions the server does not offer', () => {
    window.localStorage.setItem('cloudhsm-dashboard:regions', 'xx-nowhere-1,eu-west-1');
    const { result } = renderHook(() => useShownRegions(), { wrapper: wrapperAt('/clusters') });
    expect(result.current.regions).toEqual(['eu-west-1']);
  });

  it('shows nothing until the session is known', () => {
    const client = testQueryClient();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>
        <MemoryRouter>{children}</MemoryRouter>
      </QueryClientProvider>
    );
    const { result } = renderHook(() => useShownRegions(), { wrapper });
    expect(result.current.regions).toEqual([]);
  });
});

describe('linkSearch', () => {
  it('is empty without regions or parameters', () => {
    expect(linkSearch(null)).toBe('');
    expect(linkSearch('', { tab: 'hsms' })).toBe('?tab=hsms');
  });
});
