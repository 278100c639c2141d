/**
 * What the local server says about itself (`GET /api/session`): mode, the regions to show first, read-only,
 * the account. Never a credential. The shape is the server's own (type-only import: no server code here).
 */
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SessionInfo } from '../server/apiHandler';
import { useAwsSettings } from './context';

export type { SessionInfo };

export const sessionKey = ['session'] as const;

export async function fetchSession(baseUrl: string): Promise<SessionInfo> {
  const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/api/session`, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET /api/session answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  // A static server (or a stale SPA build on another host) answers HTML here.
  if (!(response.headers.get('content-type') ?? '').includes('application/json')) {
    throw new Error(`GET /api/session did not answer JSON: is the page served by the dashboard server (npm start)?`);
  }
  return (await response.json()) as SessionInfo;
}

/** The session, fetched once per page load (it does not change while the server runs). */
export function useSessionQuery(): UseQueryResult<SessionInfo, Error> {
  const { clients } = useAwsSettings();
  const baseUrl = clients.baseUrl ?? window.location.origin;
  return useQuery({ queryKey: sessionKey, queryFn: () => fetchSession(baseUrl), staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}
