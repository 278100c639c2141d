/**
 * The last-used copy destination, shared by every copy control on the page (after one copy, every "Copy to"
 * button names the new destination) and kept in localStorage for the next visit.
 */
import { useSyncExternalStore } from 'react';
import { browserStorage, readLastDestination, rememberDestination } from './lastDestination';

const listeners = new Set<() => void>();
let current: string | null | undefined;

const read = (): string | null => (current === undefined ? (current = readLastDestination(browserStorage())) : current);

export function setLastDestination(region: string): void {
  rememberDestination(browserStorage(), region);
  current = region;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useLastDestination(): string | null {
  return useSyncExternalStore(subscribe, read, read);
}
