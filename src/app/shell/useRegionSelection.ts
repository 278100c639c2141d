import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { SessionInfo } from '../../aws';
import { chooseRegions, formatRegions, REGIONS_PARAM, REGIONS_STORAGE_KEY } from './regions';

const readStorage = (key: string): string | null => {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the URL still carries the choice
  }
};

/** The regions in force (URL, then remembered, then the server's defaults) and a setter that updates both. */
export function useRegionSelection(session: SessionInfo): { regions: string[]; setRegions: (regions: string[]) => void } {
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(REGIONS_PARAM);
  const regions = useMemo(
    () => chooseRegions({ url: fromUrl, remembered: readStorage(REGIONS_STORAGE_KEY), defaults: session.regions, available: session.availableRegions }),
    [fromUrl, session.regions, session.availableRegions],
  );
  useEffect(() => {
    try {
      window.localStorage.setItem(REGIONS_STORAGE_KEY, formatRegions(regions));
    } catch {
      // storage disabled
    }
  }, [regions]);
  const setRegions = useCallback(
    (next: string[]) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set(REGIONS_PARAM, formatRegions(next));
        return updated;
      });
    },
    [setParams],
  );
  return { regions, setRegions };
}
