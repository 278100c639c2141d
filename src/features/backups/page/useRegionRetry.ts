/**
 * Try again for one region: asks again only what failed there (its failed backup pages, or its cluster list),
 * so the regions that answered keep their data and nothing else is fetched twice.
 */
import { useIsFetching, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { backupKeys, clusterKeys } from '../../../aws';

type Kind = 'backups' | 'clusters';

const keyOf = (kind: Kind, region: string) => (kind === 'backups' ? backupKeys.windows(region) : clusterKeys.lists(region));

export function useRegionRetry(kind: Kind) {
  const queryClient = useQueryClient();
  const retry = useCallback(
    (region: string) => {
      void queryClient.refetchQueries({ queryKey: keyOf(kind, region), type: 'active', predicate: (q) => q.state.status === 'error' });
    },
    [queryClient, kind],
  );
  // Any failed query of this kind being asked again (the button shows it is working).
  const retrying =
    useIsFetching({ predicate: (q) => q.queryKey[0] === (kind === 'backups' ? 'backups' : 'clusters') && q.state.status === 'error' }) > 0;
  return { retry, retrying };
}
