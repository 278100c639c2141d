import { useSyncExternalStore } from 'react';
import { copyTracker, type CopyTrack } from './copyTrackerStore';

/** The copies started in this tab, newest first. */
export function useCopyTracks(): readonly CopyTrack[] {
  return useSyncExternalStore(copyTracker.subscribe, copyTracker.getSnapshot, copyTracker.getSnapshot);
}
