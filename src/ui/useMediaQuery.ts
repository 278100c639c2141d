/**
 * Whether a CSS media query matches, following it as it changes (rotation, a resized window). For layouts
 * whose DOM differs by width (a table on a desktop, stacked cards on a phone), where CSS alone cannot switch.
 * Without matchMedia (tests, old engines) it reports false: the wide layout.
 */
import { useCallback, useSyncExternalStore } from 'react';

/** Below Tailwind's `sm` (640 px): a phone held upright. */
export const NARROW_QUERY = '(max-width: 639.98px)';

const mediaQueryList = (query: string): MediaQueryList | undefined =>
  typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : undefined;

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = mediaQueryList(query);
      list?.addEventListener('change', onChange);
      return () => list?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => mediaQueryList(query)?.matches ?? false,
    () => false,
  );
}

/** True below the `sm` breakpoint: lists become stacked cards. */
export const useNarrowScreen = (): boolean => useMediaQuery(NARROW_QUERY);
