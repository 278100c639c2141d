/**
 * The restore drills of this browser, one per source cluster, kept in localStorage so a drill's progress and
 * its result survive closing the dialog, leaving the page and reloading. A tiny subscribable store for
 * useSyncExternalStore; how an event changes the records is drillReducer's (src/cloudhsm/drills.ts).
 */
import { useSyncExternalStore } from 'react';
import { drillReducer, parseDrillRecords, type DrillEvent, type DrillRecord, type DrillRecords } from '../../../cloudhsm/drills';
import { browserStorage, readStoredText, type KeyValueStorage } from '../../backups/actions/copy/lastDestination';

export const DRILLS_KEY = 'cloudhsm-dashboard:restore-drills';

export interface DrillStore {
  subscribe: (listener: () => void) => () => void;
  getSnapshot: () => DrillRecords;
  dispatch: (event: DrillEvent) => void;
}

export function createDrillStore(storage: () => KeyValueStorage | null): DrillStore {
  let records: DrillRecords | undefined;
  const listeners = new Set<() => void>();
  const read = (): DrillRecords => (records ??= parseDrillRecords(readStoredText(storage(), DRILLS_KEY)));
  const notify = () => {
    for (const listener of listeners) listener();
  };
  return {
    subscribe: (listener) => {
      listeners.add(listener);
      // Another tab's drills: read them again when it writes.
      const reload = (event: StorageEvent) => {
        if (event.key !== DRILLS_KEY) return;
        records = undefined;
        notify();
      };
      if (typeof window !== 'undefined') window.addEventListener('storage', reload);
      return () => {
        listeners.delete(listener);
        if (typeof window !== 'undefined') window.removeEventListener('storage', reload);
      };
    },
    getSnapshot: read,
    dispatch: (event) => {
      const current = read();
      const next = drillReducer(current, event);
      if (next === current) return;
      records = next;
      try {
        storage()?.setItem(DRILLS_KEY, JSON.stringify(next));
      } catch {
        // Storage full or refused: the drill is still followed in this tab.
      }
      notify();
    },
  };
}

/** The one store of the app. */
export const drillStore = createDrillStore(browserStorage);

/** The last drill of a source cluster, or undefined. */
export function useDrillRecord(sourceClusterId: string): DrillRecord | undefined {
  const records = useSyncExternalStore(drillStore.subscribe, drillStore.getSnapshot, drillStore.getSnapshot);
  return records[sourceClusterId];
}
