/**
 * The regions with a CloudHSM V2 endpoint (botocore endpoints.json, newest model), their partitions and the
 * names the AWS console shows ("Europe (Frankfurt)"), taken as data from the AWS SDK's partitions.json
 * (data/partitions.json, Apache-2.0, see data/NOTICE). Pure data and functions, shared by everyone.
 */
import partitions from './data/partitions.json';

/** Regions of the `aws` partition that offer CloudHSM V2. */
export const AWS_REGIONS = [
  'af-south-1',
  'ap-east-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-south-2',
  'ap-southeast-1',
  'ap-southeast-2',
  'ap-southeast-3',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-central-1',
  'ca-west-1',
  'eu-central-1',
  'eu-central-2',
  'eu-north-1',
  'eu-south-1',
  'eu-south-2',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
] as const;
export const GOV_REGIONS = ['us-gov-east-1', 'us-gov-west-1'] as const;
export const CLOUDHSM_REGIONS: readonly string[] = [...AWS_REGIONS, ...GOV_REGIONS];

export type Partition = 'aws' | 'aws-us-gov';

const CLOUDHSM_REGION_SET: ReadonlySet<string> = new Set(CLOUDHSM_REGIONS);

export const partitionOf = (region: string): Partition => (region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
export const isCloudHsmRegion = (region: string): boolean => CLOUDHSM_REGION_SET.has(region);

interface PartitionData {
  id: string;
  regions: Record<string, { description: string }>;
}

const NAMES: ReadonlyMap<string, string> = new Map(
  (partitions.partitions as unknown as PartitionData[]).flatMap((partition) =>
    Object.entries(partition.regions).map(([code, { description }]) => [code, description] as const),
  ),
);

/** The console's name of a region ("US East (N. Virginia)"); the code itself when the SDK's data has none. */
export const regionName = (region: string): string => NAMES.get(region) ?? region;

/** Where a region is, for grouping a long list the way the console's region menu does. */
export type Geography =
  | 'United States'
  | 'Asia Pacific'
  | 'Canada'
  | 'Europe'
  | 'Middle East'
  | 'Africa'
  | 'South America'
  | 'Mexico'
  | 'Israel'
  | 'AWS GovCloud';

const GEOGRAPHY_BY_PREFIX: readonly [string, Geography][] = [
  ['us-gov-', 'AWS GovCloud'],
  ['us-', 'United States'],
  ['ap-', 'Asia Pacific'],
  ['ca-', 'Canada'],
  ['eu-', 'Europe'],
  ['me-', 'Middle East'],
  ['il-', 'Israel'],
  ['af-', 'Africa'],
  ['sa-', 'South America'],
  ['mx-', 'Mexico'],
];

/** The geographies in the console's order (GovCloud, a partition of its own, last). */
export const GEOGRAPHIES: readonly Geography[] = [
  'United States',
  'Asia Pacific',
  'Canada',
  'Europe',
  'Israel',
  'Middle East',
  'Africa',
  'Mexico',
  'South America',
  'AWS GovCloud',
];

export function geographyOf(region: string): Geography | undefined {
  return GEOGRAPHY_BY_PREFIX.find(([prefix]) => region.startsWith(prefix))?.[1];
}

export interface RegionInfo {
  code: string;
  name: string;
  partition: Partition;
  geography: Geography | undefined;
}

export const regionInfo = (code: string): RegionInfo => ({
  code,
  name: regionName(code),
  partition: partitionOf(code),
  geography: geographyOf(code),
});
