/**
 * The contract of the local server's own routes (`/api/...`), shared by the server that answers them and the
 * browser that reads them. Types only: the CloudHSM calls themselves (`/aws/<region>`) are the AWS API.
 */

/** `GET /api/session`: what the SPA needs to start. Never a credential. */
export interface SessionInfo {
  mode: 'emulator' | 'aws';
  /** Regions to show when the person has chosen none. */
  regions: string[];
  /** The server refuses every mutating operation. */
  readOnly: boolean;
  accountId?: string;
  /** AWS mode: the shared-config profile in use. */
  profile?: string;
  /** Every region the dashboard can show. */
  availableRegions: string[];
  /** AWS mode with --endpoint-url: where the signed calls go. */
  endpoint?: string;
  /** Who the calls run as (STS GetCallerIdentity), when known. Never a credential. */
  identity?: SessionIdentity;
  /** The tag key that keeps a backup's copies in some regions (--residency-tag-key); absent: `data-residency`. */
  residencyTagKey?: string;
  /**
   * Every account the dashboard shows, the base credentials' account first (issue 15). Absent or one entry:
   * one account. The base account's calls go to `/aws/<region>`, the others' to `/aws/<account>/<region>`.
   */
  accounts?: AccountInfo[];
  /** --poll-seconds: how often the views poll what is changing; absent: the SPA's default (5 s). */
  pollSeconds?: number;
}

/** One account the server was started with: the base credentials', an assumed role's (--assume-role) or a profile's (--profiles). */
export interface AccountInfo {
  /** 12 digits. For a role, read from its ARN even when assuming it failed; for a profile, from GetCallerIdentity. */
  id: string;
  /** What the header shows: "base", the role name, or the profile name (never a credential). */
  label: string;
  source: 'base' | 'role' | 'profile';
  /** The role assumed (--assume-role), for `source: 'role'`. */
  roleArn?: string;
  /** The profile (--profiles or --profile), for `source: 'profile'` (and the base when --profile is given). */
  profile?: string;
  /** Why this account's credentials could not be had (AccessDenied on AssumeRole, a profile without credentials), redacted. */
  error?: string;
  /** The caller's ARN in that account (assumed-role ARN), when known. */
  arn?: string;
}

/**
 * `GET /api/quotas?region=R[&account=A]`: the account's CloudHSM quotas in a region (usage is counted by the
 * browser from DescribeClusters). `source` says where the limits came from: the emulator's settings, AWS
 * Service Quotas, or AWS's documented defaults because Service Quotas could not be asked (said as such).
 */
export interface QuotaInfo {
  region: string;
  account: string;
  /** Clusters per account and region (default 4, adjustable). */
  clusters: number;
  /** HSMs per account and region, over all clusters (default 6, adjustable). */
  hsms: number;
  /** HSMs per cluster (28, fixed). */
  hsmsPerCluster: number;
  source: 'emulator' | 'service-quotas' | 'aws-default';
  /** Why the defaults are shown (e.g. no servicequotas:GetServiceQuota permission), redacted. */
  note?: string;
}

/** The principal behind the credentials, read from its ARN. */
export interface SessionIdentity {
  arn: string;
  kind: 'user' | 'role' | 'root' | 'federated-user' | 'other';
  /** The user name, or the role name of an assumed role. */
  principal: string;
  /** An assumed role's session name. */
  session?: string;
}

/** `GET /api/network?region=R`: the VPCs and subnets a cluster can be created in. */
export interface NetworkVpc {
  VpcId: string;
  CidrBlock?: string;
  /** The VPC's Name tag. */
  Name?: string;
  IsDefault?: boolean;
}

export interface NetworkSubnet {
  SubnetId: string;
  VpcId: string;
  AvailabilityZone: string;
  CidrBlock?: string;
  Name?: string;
}

/** Either the network, or why it cannot be listed (no ec2:Describe* permission, --endpoint-url). */
export type NetworkInfo =
  { available: true; region: string; vpcs: NetworkVpc[]; subnets: NetworkSubnet[] } | { available: false; region: string; reason: string };

/** `POST /api/emulator/activate-cluster` (emulator mode only). */
export interface ActivateClusterRequest {
  region: string;
  clusterId: string;
}

/** The body of every refusal of the local routes, in the AWS JSON 1.1 error shape. */
export interface LocalApiErrorBody {
  __type?: string;
  message?: string;
}
