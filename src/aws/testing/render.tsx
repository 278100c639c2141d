/** Rendering hooks against a test backend: a fresh QueryClient (no retries) and the AwsProvider. */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { CloudHsmClients } from '../clients';
import { AwsProvider } from '../context';

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
