import { describe, expect, it } from 'vitest';
import { pickerSummary } from '../RegionPicker';
import { matchesRegionSearch, regionGroups, SELECTED_HEADING } from './regionChoices';

const AVAILABLE = ['ap-south-1', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2', 'us-gov-west-1'];

describe('regionGroups', () => {
  it('lists the chosen regions first, then the rest by geography with console names', () => {
    const groups = regionGroups(['us-west-2', 'eu-west-1'], AVAILABLE);
    expect(groups.map((g) => [g.heading, g.regions.map((r) => r.code)])).toEqual([
      [SELECTED_HEADING, ['eu-west-1', 'us-west-2']],
      ['United States', ['us-east-1']],
      ['Asia Pacific', ['ap-south-1']],
      ['Europe', ['eu-central-1']],
      ['AWS GovCloud', ['us-gov-west-1']],
    ]);
    expect(groups[2]?.regions[0]?.name).toBe('Asia Pacific (Mumbai)');
    expect(groups[3]?.regions[0]?.name).toBe('Europe (Frankfurt)');
  });

  it('lists each available region exactly once, and nothing that is not available', () => {
    const codes = regionGroups(['us-east-1', 'xx-fake-1'], AVAILABLE).flatMap((g) => g.regions.map((r) => r.code));
    expect([...codes].sort()).toEqual([...AVAILABLE].sort());
  });
});

describe('matchesRegionSearch', () => {
  const text = (code: string) =>
    regionGroups([], AVAILABLE)
      .flatMap((g) => g.regions)
      .find((r) => r.code === code)!.searchText;

  it('matches the console name, the code and the geography, in any case', () => {
    expect(matchesRegionSearch(text('eu-central-1'), 'Frankfurt')).toBe(true);
    expect(matchesRegionSearch(text('eu-central-1'), 'eu-central')).toBe(true);
    expect(matchesRegionSearch(text('eu-central-1'), 'EUROPE frank')).toBe(true);
    expect(matchesRegionSearch(text('eu-central-1'), '')).toBe(true);
  });

  it('does not match what the region is not', () => {
    expect(matchesRegionSearch(text('eu-central-1'), 'Virginia')).toBe(false);
    expect(matchesRegionSearch(text('us-east-1'), 'europe')).toBe(false);
    expect(matchesRegionSearch(text('eu-west-1'), 'eu-central')).toBe(false);
  });
});

describe('pickerSummary', () => {
  it('names up to three regions, then counts them', () => {
    expect(pickerSummary(['us-east-1'])).toBe('us-east-1');
    expect(pickerSummary(['us-east-1', 'eu-west-1', 'us-west-2'])).toBe('us-east-1, eu-west-1, us-west-2');
    expect(pickerSummary(['a', 'b', 'c', 'd'])).toBe('4 regions');
  });
});
