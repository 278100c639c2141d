/**
 * The data layer: the only module the app imports for CloudHSM data (nothing else imports the SDK). Its
 * mutating half is `./actions` (kept out of the first view's download).
 * SDK types the views need are re-exported here.
 */
export type { Backup, BackupRetentionPolicy, Certificates, Cluster, DestinationBackup, Hsm, Tag } from '@aws-sdk/client-cloudhsm-v2';

export { browserCloudHsmClients, createCloudHsmClients, type CloudHsmClients, type CloudHsmClientsOptions } from './clients';
export { AwsProvider, useAwsSettings, type AwsSettings } from './context';
export { AwsRequestError, toAwsErrorInfo, withAwsErrors, type AwsErrorContext, type AwsErrorInfo } from './errors';
export type { BackupExtras, BackupWithExtras, ClusterExtras, ClusterMode, ClusterWithExtras, NetworkType } from './extensions/extras';
export type { CreateClusterInput, ModifyClusterInput } from './extensions/inputs';
export {
  accountOf,
  backupKeys,
  clusterKeys,
  normalizeFilters,
  parseScope,
  policyKeys,
  regionOf,
  scopeOf,
  tagKeys,
  type BackupFilters,
  type ClusterFilters,
  type Where,
} from './keys';
export {
  backupPollInterval,
  DEFAULT_POLL_INTERVAL_MS,
  isBackupTransitional,
  isClusterTransitional,
  isHsmTransitional,
  isTransitionalState,
  pollIntervalFor,
} from './polling';

export { useAllBackupsQuery, useBackupQuery, useBackupsQuery, type AllBackupsOptions, type RegionalBackup } from './queries/backups';
export { useBackupScan, type BackupScanResult, type RegionScanProgress } from './queries/backupScan';
export { useBackupWindow, type BackupWindowOptions, type BackupWindowResult } from './queries/backupWindow';
export type { RegionWindowProgress } from './queries/backupWindowModel';
export { useClusterQuery, useClustersQuery, type RegionalCluster } from './queries/clusters';
export { accountRegionParts, type FanOutFailure, type FanOutPart, type FanOutResult } from './queries/fanOut';
export { useNewestBackups, type NewestBackupAnswer, type NewestBackupAsk } from './queries/newestBackup';
export type { BackupPage } from './queries/fetchers';
export { useResourcePolicyQuery } from './queries/policies';
export { useTagsQuery } from './queries/tags';

export { fetchSession, sessionKey, useSessionQuery, type SessionInfo } from './session';

export { linkSearch, toggleRegion } from './regions/regionsParam';
export { accountLinkParams, accountName, toggleAccount, type AccountInfo } from './accounts/accountsParam';
export { useAccountParam, useShownAccounts, type ShownAccounts } from './accounts/shownAccounts';
export { useRememberShownRegions, useShownRegions, type LinkOptions, type ShownRegions } from './regions/shownRegions';
