import { useMemo } from 'react';
import { useShownRegions } from '../../../../aws';
import { copyDestinations, defaultDestination } from './copyDestinations';
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
  const { regions: chosen, available } = useShownRegions();
  const lastUsed = useLastDestination();
  return useMemo(() => {
    if (available.length === 0) return { all: [], shown: [], preferred: null, lastUsed: null };
    const all = copyDestinations({ source, chosen, available });
    return {
      all,
      shown: all.filter((r) => chosen.includes(r)),
      preferred: defaultDestination({ source, chosen, available, lastUsed }),
      lastUsed: lastUsed && all.includes(lastUsed) ? lastUsed : null,
    };
  }, [source, chosen, available, lastUsed]);
}
