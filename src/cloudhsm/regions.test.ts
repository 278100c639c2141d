import { describe, expect, it } from 'vitest';
import { CLOUDHSM_REGIONS, geographyOf, isCloudHsmRegion, partitionOf, regionInfo, regionName } from './regions';

describe('regions', () => {
  it('names every CloudHSM region as the console does', () => {
    expect(regionName('us-east-1')).toBe('US East (N. Virginia)');
    expect(regionName('eu-central-1')).toBe('Europe (Frankfurt)');
    expect(regionName('us-gov-west-1')).toBe('AWS GovCloud (US-West)');
    for (const region of CLOUDHSM_REGIONS) expect(regionName(region)).not.toBe(region);
  });

  it('falls back to the code for a region the SDK data does not know', () => {
    expect(regionName('xx-nowhere-9')).toBe('xx-nowhere-9');
  });

  it('knows partitions, geographies and which regions offer CloudHSM', () => {
    expect(partitionOf('us-gov-east-1')).toBe('aws-us-gov');
    expect(partitionOf('eu-west-1')).toBe('aws');
    expect(geographyOf('us-gov-east-1')).toBe('AWS GovCloud');
    expect(geographyOf('ap-southeast-7')).toBe('Asia Pacific');
    expect(isCloudHsmRegion('cn-north-1')).toBe(false);
    expect(regionInfo('eu-west-1')).toEqual({ code: 'eu-west-1', name: 'Europe (Ireland)', partition: 'aws', geography: 'Europe' });
  });
});
