/**
 * The recovery targets (a default and per-cluster overrides), shared by every row of the view and kept in
 * localStorage for the next visit. Storage can be missing or refuse: then the targets last only for the page.
 */
import { useSyncExternalStore } from 'react';
import { parseTargetSettings, serializeTargetSettings, type TargetSettings } from '../../cloudhsm/recovery';
import { browserStorage, readStoredText } from '../backups/actions/copy/lastDestination';

export const TARGETS_KEY = 'cloudhsm-dashboard:recovery-targets';

const listeners = new Set<() => void>();
let current: TargetSettings | undefined;

const read = (): TargetSettings => (current ??= parseTargetSettings(readStoredText(browserStorage(), TARGETS_KEY)));

export function setTargetSettings(settings: TargetSettings): void {
  current = settings;
  try {
    browserStorage()?.setItem(TARGETS_KEY, serializeTargetSettings(settings));
  } catch {
    // Storage full or disabled: the targets hold until the page reloads.
  }
  for (const listener of listeners) listener();
}

/** Forgets what was read, so the next read takes storage again (tests). */
export function resetTargetSettingsCache(): void {
  current = undefined;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export function useTargetSettings(): TargetSettings {
  return useSyncExternalStore(subscribe, read, read);
}
