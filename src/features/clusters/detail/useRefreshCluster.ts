/**
 * After a refused change, read the cluster again: the refusal often means the page's copy is stale (an HSM
 * someone else added, a state that moved on), and the controls' reasons should follow the truth.
 */
import { useQueryClient } from '@tanstack/react-query';
import { clusterKeys } from '../../../aws';

export function useRefreshCluster(region: string, clusterId: string, account?: string): () => void {
  const queryClient = useQueryClient();
  const where = { region, account };
  return () => {
    void queryClient.invalidateQueries({ queryKey: clusterKeys.detail(where, clusterId) });
    void queryClient.invalidateQueries({ queryKey: clusterKeys.lists(where) });
  };
}
