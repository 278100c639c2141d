/**
 * The id formats of the CloudHSM V2 API, as its service model writes them: what the emulator checks requests
 * against (through the constraint table) and what the dashboard's forms check before they send. Making new
 * ids is the emulator's business (src/emulator/ids.ts): nothing else mints one.
 */
import { partitionOf } from './regions';

/** `cluster-`, `hsm-` and `backup-` ids: the prefix and 11 to 16 base32 characters (real ones have 11, lowercase). */
const RESOURCE_SUFFIX = '[2-7a-zA-Z]{11,16}';
/** EC2 ids: the prefix and 8 (older) to 17 hex digits. */
const EC2_SUFFIX = '[0-9a-fA-F]{8,17}';

/** Pattern sources (unanchored, as in the model); the constraint table anchors them. */
export const ID_PATTERNS = {
  cluster: `cluster-${RESOURCE_SUFFIX}`,
  hsm: `hsm-${RESOURCE_SUFFIX}`,
  backup: `backup-${RESOURCE_SUFFIX}`,
  /** What TagResource, UntagResource and ListTags take: a cluster or a backup. */
  taggable: `(?:cluster|backup)-${RESOURCE_SUFFIX}`,
  subnet: `subnet-${EC2_SUFFIX}`,
  eni: `eni-${EC2_SUFFIX}`,
} as const;

const anchored = (source: string): RegExp => new RegExp(`^(?:${source})$`);
const CLUSTER_ID = anchored(ID_PATTERNS.cluster);
const HSM_ID = anchored(ID_PATTERNS.hsm);
const BACKUP_ID = anchored(ID_PATTERNS.backup);
const SUBNET_ID = anchored(ID_PATTERNS.subnet);
const ACCOUNT_ID = /^\d{12}$/;

export const isClusterId = (text: string): boolean => CLUSTER_ID.test(text);
export const isHsmId = (text: string): boolean => HSM_ID.test(text);
export const isBackupId = (text: string): boolean => BACKUP_ID.test(text);
export const isSubnetId = (text: string): boolean => SUBNET_ID.test(text);
/** An AWS account id: 12 digits. */
export const isAccountId = (text: string): boolean => ACCOUNT_ID.test(text);

/** `arn:aws:cloudhsm:us-east-1:123456789012:backup/backup-...`, in the region's partition. */
export const backupArn = (region: string, account: string, backupId: string): string =>
  `arn:${partitionOf(region)}:cloudhsm:${region}:${account}:backup/${backupId}`;

export interface BackupArnParts {
  partition: string;
  region: string;
  account: string;
  backupId: string;
}

/** The parts of a backup ARN, or null when the text is not one. */
export function parseBackupArn(arn: string | undefined): BackupArnParts | null {
  const match = /^arn:(aws[a-z-]*):cloudhsm:([a-z0-9-]+):(\d{12}):backup\/(backup-[2-7a-zA-Z]+)$/.exec(arn ?? '');
  if (!match) return null;
  const [, partition, region, account, backupId] = match as unknown as [string, string, string, string, string];
  return { partition, region, account, backupId };
}
