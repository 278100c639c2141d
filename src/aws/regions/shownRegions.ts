/**
 * Regions as a service: which regions the views show, and links that keep that choice. The URL's parameter
 * wins (links and back/forward carry it), then the person's last choice (remembered in the browser), then the
 * server's defaults. Every view and link goes through `useShownRegions`, so no one else reads or writes the
 * parameter. Needs a router and the session query (any view has both).
 */
import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useSessionQuery } from '../session';
import { ACCOUNTS_PARAM } from '../accounts/accountsParam';
import { chooseRegions, formatRegions, linkSearch, REGIONS_PARAM, REGIONS_STORAGE_KEY } from './regionsParam';

export interface LinkOptions {
  /** Show these regions at the destination instead of the current choice. */
  regions?: readonly string[];
  /** Further query parameters of the destination. */
  params?: Readonly<Record<string, string>>;
  /** Keep the current page's other query parameters (filters, selection) too. */
  keepParams?: boolean;
}

export interface ShownRegions {
  /** The regions in force (empty until the session is known). */
  regions: string[];
  /** Every region the dashboard can show. */
  available: string[];
  setRegions(next: readonly string[]): void;
  /** A router `to` that keeps the choice in the URL (only when the URL carries one, so plain links stay plain). */
  linkTo(pathname: string, options?: LinkOptions): { pathname: string; search: string };
}

const storage = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: the URL still carries the choice
  }
};

const readRemembered = (): string | null => {
  try {
    return storage()?.getItem(REGIONS_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
};

const EMPTY: readonly string[] = [];

export function useShownRegions(): ShownRegions {
  const session = useSessionQuery();
  const [params, setParams] = useSearchParams();
  const fromUrl = params.get(REGIONS_PARAM);
  const defaults = session.data?.regions ?? EMPTY;
  const available = session.data?.availableRegions ?? EMPTY;
  const regions = useMemo(
    () => (session.data ? chooseRegions({ url: fromUrl, remembered: readRemembered(), defaults, available }) : []),
    [session.data, fromUrl, defaults, available],
  );
  const setRegions = useCallback(
    (next: readonly string[]) => {
      setParams((current) => {
        const updated = new URLSearchParams(current);
        updated.set(REGIONS_PARAM, formatRegions(next));
        return updated;
      });
    },
    [setParams],
  );
  const linkTo = useCallback(
    (pathname: string, options: LinkOptions = {}) => {
      const kept = options.keepParams ? Object.fromEntries([...params].filter(([name]) => name !== REGIONS_PARAM)) : {};
      const regions = options.regions ? formatRegions([...new Set(options.regions)]) : fromUrl;
      // The shown accounts travel like the regions (issue 15), so every link keeps both choices.
      const accounts = params.get(ACCOUNTS_PARAM);
      const carried: Record<string, string> = accounts ? { [ACCOUNTS_PARAM]: accounts } : {};
      return { pathname, search: linkSearch(regions, { ...carried, ...kept, ...options.params }) };
    },
    [fromUrl, params],
  );
  return useMemo(() => ({ regions, available: [...available], setRegions, linkTo }), [regions, available, setRegions, linkTo]);
}

/** Remembers the choice in force, so the next visit without the parameter starts where this one is (call once, in the shell). */
export function useRememberShownRegions(regions: readonly string[]): void {
  const value = formatRegions(regions);
  useEffect(() => {
    if (value === '') return;
    try {
      storage()?.setItem(REGIONS_STORAGE_KEY, value);
    } catch {
      // storage disabled or full: the URL still carries the choice
    }
  }, [value]);
}
