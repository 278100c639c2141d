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
