/** Rendering views in tests as the app does: the data layer's providers plus the session's read-only flag. */
import type { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { CloudHsmClients } from '../../aws';
import { providers as awsProviders } from '../../aws/testing/render';
import { SessionReadOnly } from '../common/SessionReadOnly';

export { testQueryClient } from '../../aws/testing/render';

export function providers(queryClient: QueryClient, clients: CloudHsmClients, pollIntervalMs?: number) {
  const Aws = awsProviders(queryClient, clients, pollIntervalMs);
  return function Providers({ children }: { children: ReactNode }) {
    return (
      <Aws>
        <SessionReadOnly>{children}</SessionReadOnly>
      </Aws>
    );
  };
}
