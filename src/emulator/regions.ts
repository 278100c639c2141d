/** Regions with a CloudHSM V2 endpoint (botocore endpoints.json), by partition. */
export const AWS_REGIONS = [
  'af-south-1', 'ap-east-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'il-central-1', 'me-central-1', 'me-south-1', 'mx-central-1',
  'sa-east-1', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
] as const;
export const GOV_REGIONS = ['us-gov-east-1', 'us-gov-west-1'] as const;
export const CLOUDHSM_REGIONS: readonly string[] = [...AWS_REGIONS, ...GOV_REGIONS];

export const partitionOf = (region: string): 'aws' | 'aws-us-gov' => (region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws');
export const isCloudHsmRegion = (region: string): boolean => CLOUDHSM_REGIONS.includes(region);
