/**
 * Which regions the views show: the URL's `regions` parameter when present (so links and back/forward carry
 * it), else what the person last chose (remembered in localStorage), else the server's defaults.
 * Pure functions; the hook that wires them to the router is useShownRegions (shownRegions.ts). These two files are
 * the only ones that know the parameter's name.
 */
export const REGIONS_PARAM = 'regions';
export const REGIONS_STORAGE_KEY = 'cloudhsm-dashboard:regions';

/** Regions named in a comma-separated value, known to the server, deduplicated, in the given order. */
export function parseRegions(value: string | null | undefined, available: readonly string[]): string[] {
  if (!value) return [];
  const known = new Set(available);
  return [...new Set(value.split(',').map((r) => r.trim()))].filter((r) => known.has(r));
}

export function formatRegions(regions: readonly string[]): string {
  return regions.join(',');
}

/** The selection in force: URL first, then the remembered choice, then the server's defaults. */
export function chooseRegions(input: {
  url: string | null;
  remembered: string | null;
  defaults: readonly string[];
  available: readonly string[];
}): string[] {
  const fromUrl = parseRegions(input.url, input.available);
  if (fromUrl.length > 0) return fromUrl;
  const remembered = parseRegions(input.remembered, input.available);
  if (remembered.length > 0) return remembered;
  return input.defaults.filter((r) => input.available.includes(r));
}

/** Turning one region on or off; the last region cannot be turned off (a view of nothing helps nobody). */
export function toggleRegion(selected: readonly string[], region: string, available: readonly string[]): string[] {
  const next = selected.includes(region) ? selected.filter((r) => r !== region) : [...selected, region];
  if (next.length === 0) return [...selected];
  // Keep the server's order so the URL does not depend on the order of clicks.
  return available.filter((r) => next.includes(r));
}

/** The search string of a link: the given regions (when any), then other parameters. */
export function linkSearch(regions: string | null, params: Readonly<Record<string, string>> = {}): string {
  const search = new URLSearchParams();
  if (regions) search.set(REGIONS_PARAM, regions);
  for (const [name, value] of Object.entries(params)) search.set(name, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}
