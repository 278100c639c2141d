/**
 * What the region picker lists, as plain data: the chosen regions first (so they are never buried among 34),
 * then the rest grouped by geography in the console's order, each with its console name. Searching matches the
 * code, the name and the geography ("Frankfurt", "eu-central", "Europe"), ignoring case.
 */
import { GEOGRAPHIES, geographyOf, regionName } from '../../../cloudhsm/regions';

export interface RegionChoice {
  code: string;
  name: string;
  /** What a search is matched against: code, name and geography, lower-cased. */
  searchText: string;
}

export interface RegionGroup {
  heading: string;
  regions: RegionChoice[];
}

export const SELECTED_HEADING = 'Selected';
const OTHER_HEADING = 'Other';

const choiceOf = (code: string): RegionChoice => {
  const name = regionName(code);
  return { code, name, searchText: `${code} ${name} ${geographyOf(code) ?? ''}`.toLowerCase() };
};

export function regionGroups(selected: readonly string[], available: readonly string[]): RegionGroup[] {
  const chosen = available.filter((code) => selected.includes(code));
  const rest = available.filter((code) => !selected.includes(code));
  const groups: RegionGroup[] = chosen.length ? [{ heading: SELECTED_HEADING, regions: chosen.map(choiceOf) }] : [];
  for (const geography of GEOGRAPHIES) {
    const regions = rest.filter((code) => geographyOf(code) === geography);
    if (regions.length) groups.push({ heading: geography, regions: regions.map(choiceOf) });
  }
  const unplaced = rest.filter((code) => geographyOf(code) === undefined);
  if (unplaced.length) groups.push({ heading: OTHER_HEADING, regions: unplaced.map(choiceOf) });
  return groups;
}

/** Whether every word typed appears in the region's code, name or geography. */
export function matchesRegionSearch(searchText: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((word) => searchText.includes(word));
}
