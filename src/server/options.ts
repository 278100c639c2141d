/** Options of the dashboard server, shared by the CLI (args.ts), the Node server (app.ts) and the Vite plugin. */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { LargeSeedOptions, SeedName } from './emulator/flags';

export type DashboardMode = 'emulator' | 'aws';

export interface DashboardServerOptions {
  /** Default 8373; 0 picks a free port. */
  port?: number;
  /** Address to bind; default 127.0.0.1. The Host check also accepts this name. */
  host?: string;
  /** Default 'emulator'. */
  mode?: DashboardMode;
  /** Refuse every mutating CloudHSM operation. */
  readOnly?: boolean;
  /** The built SPA; default <repo>/dist. */
  distDir?: string;
  /** Log lines (never a credential); default stderr. */
  log?: (line: string) => void;
  /** Largest accepted request body; default 1 MiB. */
  maxBodyBytes?: number;
  /** The tag key that keeps a backup's copies in some regions (/api/session); default `data-residency`. */
  residencyTagKey?: string;
  /** --poll-seconds, told to the browser in /api/session; absent: the SPA's default. */
  pollSeconds?: number;

  // ---- emulator mode ----
  seed?: SeedName;
  /** Sizes of the large seed (default 1000 clusters, 20000 backups). */
  large?: LargeSeedOptions;
  /** Emulator work runs this many times faster than AWS; default 60. */
  speed?: number;
  /** Milliseconds every emulator answer waits (--latency; emulator mode only). */
  latencyMs?: number;
  /** Persist the emulator state here. Absent: in memory only (the CLI passes the per-user default). */
  dataFile?: string;
  /** Move an existing data file aside and start from the seed. */
  fresh?: boolean;
  account?: string;
  /** The IAM user the embedded emulator's identity names (--principal-name). */
  principalName?: string;
  /** Emulator lifecycle timer period in ms; default 1000. */
  tickMillis?: number;
  /** The embedded emulator's quotas per account and region (--quota clusters=N,hsms=N); parts left out are AWS's defaults. */
  quotas?: { clusters?: number; hsms?: number };

  // ---- aws mode ----
  /** Shared config profile (fromNodeProviderChain({ profile })). */
  profile?: string;
  /** Regions the dashboard shows first. */
  regions?: string[];
  /** Send the signed traffic here instead of https://cloudhsmv2.<region>.amazonaws.com. */
  endpointUrl?: string;
  /** Credentials (tests inject one); default fromNodeProviderChain({ profile }). */
  credentials?: AwsCredentialIdentityProvider;
  /** Give up on an upstream request after this long; default 30 000 ms. */
  upstreamTimeoutMs?: number;
  /** Send STS GetCallerIdentity here; default endpointUrl when set, else the partition's STS. */
  stsEndpointUrl?: string;
  /** Look the account and caller up with STS GetCallerIdentity (once per set of credentials); default true. */
  lookUpAccount?: boolean;
  /** More accounts: roles assumed with the base credentials (--assume-role), session name `cloudhsm-dashboard`. */
  assumeRoles?: string[];
  /** The ExternalId of every --assume-role (--external-id). */
  externalId?: string;
  /** More accounts: shared-config profiles (--profiles), each resolved with fromIni. */
  profiles?: string[];
  /** Credentials of a --profiles profile (tests inject them); default fromIni({ profile }). */
  profileCredentials?: (profile: string) => AwsCredentialIdentityProvider;
  /** Where Service Quotas is asked (tests point this at a fake); default its regional endpoint, none with --endpoint-url. */
  serviceQuotasEndpoint?: string;
}

export const DEFAULT_PORT = 8373;
export const DEFAULT_SPEED = 60;
export const DEFAULT_UPSTREAM_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
/** The RoleSessionName of every --assume-role: CloudTrail shows it in the assumed role's ARN. */
export const ROLE_SESSION_NAME = 'cloudhsm-dashboard';
