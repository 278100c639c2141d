/**
 * The copies this browser tab started, kept outside React so a tracker survives navigation between the
 * backups pages (the list, the timeline, a backup's page): a person can start a copy on a backup's page and
 * go and watch it arrive on the timeline. A tiny subscribable store for useSyncExternalStore. Pure.
 */
import type { AwsRequestError } from '../../../../aws';

export type CopyTrackStatus = 'requesting' | 'tracking' | 'failed';

export interface CopyTrack {
  id: string;
  sourceRegion: string;
  sourceBackupId: string;
  destinationRegion: string;
  /** The source's account, where the copy lands too (undefined: the base account). */
  account?: string;
  /** When the copy was asked for (epoch ms): the copy made by this request is the newest one after it. */
  startedAt: number;
  status: CopyTrackStatus;
  /** How the copy is tagged, in words ("with the source's tags"). */
  tagsNote: string;
  error?: AwsRequestError;
}

export type CopyTrackStart = Pick<CopyTrack, 'sourceRegion' | 'sourceBackupId' | 'destinationRegion' | 'tagsNote' | 'account'>;

/** Older trackers are dropped beyond this many. */
export const MAX_TRACKS = 10;

export interface CopyTrackerStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => readonly CopyTrack[];
  /** A copy was asked for: returns the tracker's id. */
  start: (input: CopyTrackStart) => string;
  /** AWS accepted the copy: from now on the tracker looks for it in the destination region. */
  accepted: (id: string) => void;
  failed: (id: string, error: AwsRequestError) => void;
  dismiss: (id: string) => void;
}

export function createCopyTrackerStore(now: () => number = Date.now): CopyTrackerStore {
  let tracks: readonly CopyTrack[] = [];
  let counter = 0;
  const listeners = new Set<() => void>();
  const set = (next: readonly CopyTrack[]) => {
    tracks = next;
    for (const listener of listeners) listener();
  };
  const update = (id: string, change: Partial<CopyTrack>) => {
    if (!tracks.some((t) => t.id === id)) return;
    set(tracks.map((t) => (t.id === id ? { ...t, ...change } : t)));
  };
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot: () => tracks,
    start: (input) => {
      counter += 1;
      const track: CopyTrack = { ...input, id: `copy-${counter}`, startedAt: now(), status: 'requesting' };
      set([track, ...tracks].slice(0, MAX_TRACKS));
      return track.id;
    },
    accepted: (id) => update(id, { status: 'tracking' }),
    failed: (id, error) => update(id, { status: 'failed', error }),
    dismiss: (id) => {
      if (tracks.some((t) => t.id === id)) set(tracks.filter((t) => t.id !== id));
    },
  };
}

/** The one store of the tab. */
export const copyTracker = createCopyTrackerStore();
