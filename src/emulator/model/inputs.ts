/** Typed views of validated request bodies (validation guarantees these shapes). */
import type { Tag } from '../types';

export type Filters = Record<string, string[]>;
export interface RetentionPolicyInput {
  Type?: 'DAYS';
  Value?: string;
}

export interface OperationInputs {
  CopyBackupToRegion: { DestinationRegion: string; BackupId: string; TagList?: Tag[] };
  CreateCluster: {
    BackupRetentionPolicy?: RetentionPolicyInput;
    HsmType: string;
    SourceBackupId?: string;
    SubnetIds: string[];
    NetworkType?: 'IPV4' | 'DUALSTACK';
    TagList?: Tag[];
    Mode?: 'FIPS' | 'NON_FIPS';
  };
  CreateHsm: { ClusterId: string; AvailabilityZone: string; IpAddress?: string };
  DeleteBackup: { BackupId: string };
  DeleteCluster: { ClusterId: string };
  DeleteHsm: { ClusterId: string; HsmId?: string; EniId?: string; EniIp?: string };
  DeleteResourcePolicy: { ResourceArn?: string };
  DescribeBackups: { NextToken?: string; MaxResults?: number; Filters?: Filters; Shared?: boolean; SortAscending?: boolean };
  DescribeClusters: { Filters?: Filters; NextToken?: string; MaxResults?: number };
  GetResourcePolicy: { ResourceArn?: string };
  InitializeCluster: { ClusterId: string; SignedCert: string; TrustAnchor: string };
  ListTags: { ResourceId: string; NextToken?: string; MaxResults?: number };
  ModifyBackupAttributes: { BackupId: string; NeverExpires: boolean };
  ModifyCluster: { HsmType?: string; BackupRetentionPolicy?: RetentionPolicyInput; ClusterId: string };
  PutResourcePolicy: { ResourceArn?: string; Policy?: string };
  RestoreBackup: { BackupId: string };
  TagResource: { ResourceId: string; TagList: Tag[] };
  UntagResource: { ResourceId: string; TagKeyList: string[] };
}
