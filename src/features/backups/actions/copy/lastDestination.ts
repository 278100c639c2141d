/**
 * The last region a backup was copied to, remembered in localStorage so the next one-click copy goes there.
 * Storage can be missing or refuse (private windows, disabled storage): then nothing is remembered and the
 * default destination applies. What is read back is only a candidate; defaultDestination checks it.
 */
export const LAST_DESTINATION_KEY = 'cloudhsm-dashboard:last-copy-destination';

/** The part of `Storage` used here (a fake in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Region names are short lowercase words with hyphens and digits; anything else is not ours. */
const REGION_LIKE = /^[a-z]{2}(-[a-z]+)+-\d+$/;

export function readLastDestination(storage: KeyValueStorage | null): string | null {
  try {
    const value = storage?.getItem(LAST_DESTINATION_KEY)?.trim() ?? null;
    return value && value.length <= 32 && REGION_LIKE.test(value) ? value : null;
  } catch {
    return null;
  }
}

export function rememberDestination(storage: KeyValueStorage | null, region: string): void {
  if (!REGION_LIKE.test(region)) return;
  try {
    storage?.setItem(LAST_DESTINATION_KEY, region);
  } catch {
    // Storage full or disabled: the next copy uses the default destination.
  }
}

/** A stored value, or null when there is none or storage refuses. */
export function readStoredText(storage: KeyValueStorage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** The browser's localStorage, or null where it cannot be used. */
export function browserStorage(): KeyValueStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}
