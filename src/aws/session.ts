/**
 * What the local server says about itself (`GET /api/session`): mode, the regions to show first, read-only,
 * the account. Never a credential. The shape is the /api contract in src/cloudhsm/api.ts.
 */
import { queryOptions, useQuery, type UseQueryResult } from '@tanstack/react-query';
import type { SessionInfo } from '../cloudhsm/api';
import { useAwsSettings } from './context';
import type { AwsRequestError } from './errors';
import { requestLocalApi } from './localApi';

export type { SessionInfo };

export const sessionKey = ['session'] as const;

export function fetchSession(baseUrl: string | undefined, signal?: AbortSignal): Promise<SessionInfo> {
  return requestLocalApi<SessionInfo>({ baseUrl, path: '/api/session', signal, operation: 'GET /api/session' });
}

/** The session, fetched once per page load (it does not change while the server runs). */
export const sessionQuery = (baseUrl: string | undefined) =>
  queryOptions<SessionInfo, AwsRequestError>({
    queryKey: sessionKey,
    queryFn: ({ signal }) => fetchSession(baseUrl, signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

export function useSessionQuery(): UseQueryResult<SessionInfo, AwsRequestError> {
  return useQuery(sessionQuery(useAwsSettings().clients.baseUrl));
}
