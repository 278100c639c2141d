import { describe, expect, it } from 'vitest';
import { CLOUDHSM_REGIONS, isCloudHsmRegion, regionInfo, regionName, type RegionInfo } from './regions';

/** Names as the console shows them, partitions and geographies. */
const KNOWN: Record<string, Omit<RegionInfo, 'code'>> = {
  'us-east-1': { name: 'US East (N. Virginia)', partition: 'aws', geography: 'United States' },
  'eu-central-1': { name: 'Europe (Frankfurt)', partition: 'aws', geography: 'Europe' },
  'eu-west-1': { name: 'Europe (Ireland)', partition: 'aws', geography: 'Europe' },
  'ap-southeast-7': { name: 'Asia Pacific (Thailand)', partition: 'aws', geography: 'Asia Pacific' },
  'us-gov-west-1': { name: 'AWS GovCloud (US-West)', partition: 'aws-us-gov', geography: 'AWS GovCloud' },
  'us-gov-east-1': { name: 'AWS GovCloud (US-East)', partition: 'aws-us-gov', geography: 'AWS GovCloud' },
};

describe('regions', () => {
  it('names every CloudHSM region as the console does', () => {
    for (const region of CLOUDHSM_REGIONS) expect(regionName(region)).not.toBe(region);
  });

  it('falls back to the code for a region the SDK data does not know', () => {
    expect(regionName('xx-nowhere-9')).toBe('xx-nowhere-9');
  });

  it.each(Object.entries(KNOWN))('knows %s', (code, info) => {
    expect(isCloudHsmRegion(code)).toBe(true);
    expect(regionInfo(code)).toEqual({ code, ...info });
  });

  it('knows which regions do not offer CloudHSM', () => {
    expect(isCloudHsmRegion('cn-north-1')).toBe(false);
  });
});
