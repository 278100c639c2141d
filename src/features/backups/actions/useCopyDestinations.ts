import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSessionQuery } from '../../../aws';
import { chooseRegions, REGIONS_PARAM, REGIONS_STORAGE_KEY } from '../../../app/shell/regions';
import { copyDestinations, defaultDestination } from './copyDestinations';
import { browserStorage, readStoredText } from './lastDestination';
import { useLastDestination } from './lastDestinationStore';

export interface CopyDestinations {
  /** Every region the backup can be copied to, the shown regions first. */
  all: string[];
  /** Those of them the person shows (the header's regions). */
  shown: string[];
  /** The one-click destination, or null when there is none. */
  preferred: string | null;
  /** The destination of the last copy made in this browser, when it is one of `all`. */
  lastUsed: string | null;
}

/**
 * Where a backup of `source` can be copied, as the person set things up: the shown regions (the same choice
 * the header's picker makes: URL, then remembered, then the server's defaults) first, then the rest.
 */
export function useCopyDestinations(source: string): CopyDestinations {
  const session = useSessionQuery();
  const [search] = useSearchParams();
  const lastUsed = useLastDestination();
  const fromUrl = search.get(REGIONS_PARAM);
  const defaults = session.data?.regions;
  const available = session.data?.availableRegions;
  return useMemo(() => {
    if (!defaults || !available) return { all: [], shown: [], preferred: null, lastUsed: null };
    const chosen = chooseRegions({ url: fromUrl, remembered: readStoredText(browserStorage(), REGIONS_STORAGE_KEY), defaults, available });
    const all = copyDestinations({ source, chosen, available });
    return {
      all,
      shown: all.filter((r) => chosen.includes(r)),
      preferred: defaultDestination({ source, chosen, available, lastUsed }),
      lastUsed: lastUsed && all.includes(lastUsed) ? lastUsed : null,
    };
  }, [source, fromUrl, defaults, available, lastUsed]);
}
