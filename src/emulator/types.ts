/**
 * The emulator's records and the wire shapes it answers with.
 *
 * Wire shapes are what the real service sends: PascalCase members, timestamps as epoch seconds (numbers),
 * optional members omitted rather than null. Records add the emulator's own bookkeeping (fields starting
 * with an underscore are never put on the wire).
 */
import type { BackupState, ClusterState, HsmState } from '../cloudhsm/states';
import type { HsmCertificateSet } from './certs';

export type { BackupState, ClusterState, HsmState } from '../cloudhsm/states';
export type ClusterMode = 'FIPS' | 'NON_FIPS';
export type NetworkType = 'IPV4' | 'DUALSTACK';

export interface Tag {
  Key: string;
  Value: string;
}

export interface WireCertificates {
  ClusterCsr?: string;
  HsmCertificate?: string;
  AwsHardwareCertificate?: string;
  ManufacturerHardwareCertificate?: string;
  ClusterCertificate?: string;
}

export interface WireHsm {
  AvailabilityZone: string;
  ClusterId: string;
  SubnetId: string;
  EniId?: string;
  EniIp?: string;
  EniIpV6?: string;
  HsmId: string;
  HsmType: string;
  State: HsmState;
  StateMessage?: string;
}

export interface WireCluster {
  BackupPolicy: 'DEFAULT';
  BackupRetentionPolicy: { Type: 'DAYS'; Value: string };
  ClusterId: string;
  CreateTimestamp: number;
  Hsms: WireHsm[];
  HsmType: string;
  HsmTypeRollbackExpiration?: number;
  SecurityGroup?: string;
  SourceBackupId?: string;
  State: ClusterState;
  StateMessage?: string;
  SubnetMapping: Record<string, string>;
  VpcId: string;
  NetworkType: NetworkType;
  Certificates: WireCertificates;
  TagList?: Tag[];
  Mode: ClusterMode;
}

export interface WireBackup {
  BackupId: string;
  BackupArn: string;
  BackupState: BackupState;
  ClusterId: string;
  CreateTimestamp: number;
  CopyTimestamp?: number;
  NeverExpires: boolean;
  SourceRegion?: string;
  SourceBackup?: string;
  SourceCluster?: string;
  DeleteTimestamp?: number;
  TagList?: Tag[];
  HsmType: string;
  Mode: ClusterMode;
}

export interface HsmRecord {
  HsmId: string;
  ClusterId: string;
  AvailabilityZone: string;
  SubnetId: string;
  HsmType: string;
  State: HsmState;
  StateMessage?: string;
  /** Allocated when the HSM is requested; shown on the wire once the ENI exists (HSM ACTIVE). */
  _eniId: string;
  _eniIp: string;
  _eniIpV6?: string;
  /** Emulator time at which the current *_IN_PROGRESS state completes. */
  _dueAt?: number;
}

export interface ClusterRecord {
  ClusterId: string;
  CreateTimestamp: number;
  HsmType: string;
  Mode: ClusterMode;
  NetworkType: NetworkType;
  State: ClusterState;
  StateMessage?: string;
  SubnetMapping: Record<string, string>;
  VpcId: string;
  SecurityGroup?: string;
  SourceBackupId?: string;
  RetentionDays: number;
  Certificates: WireCertificates;
  HsmTypeRollbackExpiration?: number;
  Tags: Tag[];
  Hsms: HsmRecord[];
  _dueAt?: number;
  /** Certificates made when the first HSM was requested, published when it becomes ACTIVE. */
  _pendingCertificates?: HsmCertificateSet;
  /** The cluster certificate of the backup a cluster is created from, published when it becomes ACTIVE. */
  _restoredClusterCertificate?: string;
  /** The signed certificate InitializeCluster accepted, published when the cluster is INITIALIZED. */
  _pendingClusterCertificate?: string;
  /** HSM type before a migration started, for a rollback. */
  _previousHsmType?: string;
  /** Emulator time of the next periodic (daily) backup while the cluster is active with HSMs. */
  _nextDailyBackupAt?: number;
  /** When a DELETED cluster stops being listed. */
  _forgetAt?: number;
}

export interface BackupRecord {
  BackupId: string;
  ClusterId: string;
  CreateTimestamp: number;
  BackupState: BackupState;
  NeverExpires: boolean;
  CopyTimestamp?: number;
  SourceRegion?: string;
  SourceBackup?: string;
  SourceCluster?: string;
  DeleteTimestamp?: number;
  HsmType: string;
  Mode: ClusterMode;
  Tags: Tag[];
  Policy?: string;
  /** The retention of the backup's cluster once that cluster is gone (deleted clusters' backups keep it). */
  _retentionDays?: number;
  /** RestoreBackup gives a retention-purged backup this long (a day) before the policy may purge it again. */
  _retentionGraceUntil?: number;
  /** The cluster certificate the backup carries, so a cluster restored from it is ACTIVE with it. */
  _clusterCertificate?: string;
  _dueAt?: number;
  /** When a DELETED backup stops being listed. */
  _forgetAt?: number;
}

export interface VpcRecord {
  VpcId: string;
  CidrBlock: string;
}

export interface SubnetRecord {
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  CidrBlock: string;
}
