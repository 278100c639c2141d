/**
 * Typed inputs for members SDK 3.332's request types lack. Its serializers copy every input key to the
 * wire (`_json(input)`), so the extra members reach the service; only the TypeScript types need help.
 */
import {
  CreateClusterCommand,
  ModifyClusterCommand,
  type BackupRetentionPolicy,
  type CreateClusterRequest,
  type ModifyClusterRequest,
} from '@aws-sdk/client-cloudhsm-v2';
import type { ClusterMode, NetworkType } from './extras';

/** CreateCluster as of the 2024-12 model: adds `Mode` (hsm2m only for NON_FIPS) and `NetworkType`. */
export interface CreateClusterInput extends CreateClusterRequest {
  HsmType: string;
  SubnetIds: string[];
  Mode?: ClusterMode;
  NetworkType?: NetworkType;
}

/** ModifyCluster as of the 2025-01 model: `BackupRetentionPolicy` optional, `HsmType` added (at least one). */
export type ModifyClusterInput = { ClusterId: string } & (
  { BackupRetentionPolicy: BackupRetentionPolicy; HsmType?: string } | { BackupRetentionPolicy?: BackupRetentionPolicy; HsmType: string }
);

export const createClusterCommand = (input: CreateClusterInput): CreateClusterCommand => new CreateClusterCommand(input);

export const modifyClusterCommand = (input: ModifyClusterInput): ModifyClusterCommand =>
  // 3.332 types BackupRetentionPolicy as required; the service has not required it since 2025-01.
  new ModifyClusterCommand(input as ModifyClusterRequest);
