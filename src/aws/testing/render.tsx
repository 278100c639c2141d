/** Rendering hooks against a test backend: a fresh QueryClient (no retries) and the AwsProvider. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { expect } from 'vitest';
import type { CloudHsmClients } from '../clients';
import { AwsProvider } from '../context';
import { testClients } from './backend';
import { RequestLog } from './requestLog';

export function testQueryClient(): QueryClient {
  return new QueryClient({ defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } } });
}

export function providers(queryClient: QueryClient, clients: CloudHsmClients, pollIntervalMs = 60_000) {
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <QueryClientProvider client={queryClient}>
        <AwsProvider clients={clients} pollIntervalMs={pollIntervalMs}>
          {children}
        </AwsProvider>
      </QueryClientProvider>
    );
  };
}

/** What a hook test needs against a backend: recorded clients, a fresh QueryClient and the wrapper of both. */
export function hookHarness(backend: { url: string }, pollIntervalMs?: number) {
  const { clients, log } = testClients(backend);
  const queryClient = testQueryClient();
  return { clients, log, queryClient, wrapper: providers(queryClient, clients, pollIntervalMs) };
}

/** Renders a fan-out hook (several regions' clusters or backups) and waits until every part has answered. */
export async function renderFanOut<Result extends { isPending: boolean }>(
  hook: () => Result,
  wrapper: ReturnType<typeof providers>,
): Promise<{ current: Result }> {
  const { result } = renderHook(hook, { wrapper });
  await waitFor(() => expect(result.current.isPending).toBe(false), { timeout: 10_000 });
  return result;
}

/**
 * Renders a hook that fans out over `regions` and checks what every fan-out owes: no region failed, and the
 * regions' first `operation` calls were in flight at the same time (one region after another would be 1).
 * Returns the result and the request log for the hook's own checks.
 */
export async function renderParallelFanOut<Result extends { isPending: boolean; errors: readonly unknown[] }>(
  backend: { url: string },
  regions: readonly string[],
  operation: string,
  hook: () => Result,
): Promise<{ result: { current: Result }; log: RequestLog }> {
  const { log, wrapper } = hookHarness(backend);
  const result = await renderFanOut(hook, wrapper);
  expect(result.current.errors).toEqual([]);
  expect(RequestLog.maxOverlap(log.firstOfEach(operation, regions))).toBe(regions.length);
  return { result, log };
}
