/**
 * Bulk actions act on backups of several regions, each through its own region's client. The data layer's
 * mutation hooks are made per region, and hooks cannot be created in a loop over a changing list, so a small
 * invisible worker per region holds that region's hooks and lends their calls (with the hooks' invalidation)
 * to the bulk runner.
 */
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { type Tag } from '../../../../aws';
import { useCopyBackupMutation, useDeleteBackupMutation, useTagResourceMutation, useUntagResourceMutation } from '../../../../aws/actions';

export interface RegionCalls {
  deleteBackup: (backupId: string) => Promise<unknown>;
  copyBackup: (backupId: string, destination: string) => Promise<unknown>;
  tagResource: (resourceId: string, tags: Tag[]) => Promise<unknown>;
  untagResource: (resourceId: string, keys: string[]) => Promise<unknown>;
}

function RegionWorker({ region, register }: { region: string; register: (region: string, calls: RegionCalls | null) => void }) {
  const remove = useDeleteBackupMutation(region).mutateAsync;
  const tag = useTagResourceMutation(region).mutateAsync;
  const untag = useUntagResourceMutation(region).mutateAsync;
  const copy = useCopyBackupMutation(region).mutateAsync;
  const calls = useMemo<RegionCalls>(
    () => ({
      deleteBackup: (BackupId) => remove({ BackupId }),
      copyBackup: (BackupId, DestinationRegion) => copy({ BackupId, DestinationRegion }),
      tagResource: (ResourceId, TagList) => tag({ ResourceId, TagList }),
      untagResource: (ResourceId, TagKeyList) => untag({ ResourceId, TagKeyList }),
    }),
    [remove, tag, untag, copy],
  );
  useEffect(() => {
    register(region, calls);
    return () => register(region, null);
  }, [region, calls, register]);
  return null;
}

/** Render `workers`; then `callsFor(region)` gives that region's calls. */
export function useRegionCalls(regions: readonly string[]): { workers: ReactNode; callsFor: (region: string) => RegionCalls } {
  const registry = useRef(new Map<string, RegionCalls>());
  const register = useCallback((region: string, calls: RegionCalls | null) => {
    if (calls) registry.current.set(region, calls);
    else registry.current.delete(region);
  }, []);
  const unique = [...new Set(regions)];
  const workers = unique.map((region) => <RegionWorker key={region} region={region} register={register} />);
  const callsFor = useCallback((region: string): RegionCalls => {
    const calls = registry.current.get(region);
    if (!calls) throw new Error(`No CloudHSM client is ready for ${region}`);
    return calls;
  }, []);
  return { workers, callsFor };
}
