/**
 * Bulk actions act on backups of several regions and accounts, each through its own (account, region) client.
 * The data layer's mutation hooks are made per (region, account), and hooks cannot be created in a loop over a
 * changing list, so a small invisible worker per (account, region) holds its hooks and lends their calls (with
 * the hooks' invalidation) to the bulk runner.
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

/** Where a call goes: a region of an account (`account` undefined: the base account), as rows carry them. */
export interface CallPlace {
  region: string;
  account?: string;
}

const placeKey = ({ region, account }: CallPlace): string => `${account ?? ''}@${region}`;

function RegionWorker({ place, register }: { place: CallPlace; register: (key: string, calls: RegionCalls | null) => void }) {
  const { region, account } = place;
  const remove = useDeleteBackupMutation(region, account).mutateAsync;
  const tag = useTagResourceMutation(region, account).mutateAsync;
  const untag = useUntagResourceMutation(region, account).mutateAsync;
  const copy = useCopyBackupMutation(region, account).mutateAsync;
  const calls = useMemo<RegionCalls>(
    () => ({
      deleteBackup: (BackupId) => remove({ BackupId }),
      copyBackup: (BackupId, DestinationRegion) => copy({ BackupId, DestinationRegion }),
      tagResource: (ResourceId, TagList) => tag({ ResourceId, TagList }),
      untagResource: (ResourceId, TagKeyList) => untag({ ResourceId, TagKeyList }),
    }),
    [remove, tag, untag, copy],
  );
  const key = placeKey(place);
  useEffect(() => {
    register(key, calls);
    return () => register(key, null);
  }, [key, calls, register]);
  return null;
}

/** Render `workers`; then `callsFor(place)` gives the calls of that place's account and region. */
export function useRegionCalls(places: readonly CallPlace[]): { workers: ReactNode; callsFor: (place: CallPlace) => RegionCalls } {
  const registry = useRef(new Map<string, RegionCalls>());
  const register = useCallback((key: string, calls: RegionCalls | null) => {
    if (calls) registry.current.set(key, calls);
    else registry.current.delete(key);
  }, []);
  const unique = new Map(places.map((p) => [placeKey(p), { region: p.region, account: p.account }]));
  const workers = [...unique].map(([key, place]) => <RegionWorker key={key} place={place} register={register} />);
  const callsFor = useCallback((place: CallPlace): RegionCalls => {
    const calls = registry.current.get(placeKey(place));
    if (!calls) throw new Error(`No CloudHSM client is ready for ${place.region}${place.account ? ` of account ${place.account}` : ''}`);
    return calls;
  }, []);
  return { workers, callsFor };
}
