/** What answers the CloudHSM calls the server has accepted: the in-process emulator or real AWS. */
import type { Readable } from 'node:stream';
import type { OperationName } from '../cloudhsm/operations';
import type { AccountInfo, NetworkInfo, QuotaInfo } from '../cloudhsm/api';

export interface ApiCall {
  region: string;
  /** The account whose credentials sign the call (`/aws/<account>/<region>`); undefined: the base account. */
  account?: string;
  operation: OperationName;
  /** The JSON 1.1 request body as the browser sent it. */
  body: Buffer;
  /** The id the server gives errors it makes itself. */
  requestId: string;
}

export interface BackendAnswer {
  status: number;
  /** Only headers safe to pass to the browser (content type, request id, error type). */
  headers: Record<string, string>;
  body: Buffer | Readable;
}

export interface BackendSession {
  regions: string[];
  accountId?: string;
  /** The caller's ARN (STS GetCallerIdentity), when known. */
  arn?: string;
  profile?: string;
  endpoint?: string;
  /** Every account shown, the base first (each failing one with its error). */
  accounts?: AccountInfo[];
}

/** The account ids `/aws/<account>/<region>` accepts: the base's (when known) and the others'. */
export interface AccountIds {
  base?: string;
  others: string[];
}

export interface Backend {
  readonly mode: 'emulator' | 'aws';
  call(call: ApiCall): Promise<BackendAnswer>;
  session(): Promise<BackendSession>;
  /** The VPCs and subnets of a region for the create-cluster form (or why they cannot be listed); account undefined: the base. */
  network(region: string, account?: string): Promise<NetworkInfo>;
  /** The accounts the server was started with, without asking for their credentials. */
  accountIds(): Promise<AccountIds>;
  /** An account's CloudHSM quotas in a region (account undefined: the base); never throws for want of a permission. */
  quotas(region: string, account: string | undefined): Promise<QuotaInfo>;
  /**
   * Emulator mode only: what `cloudhsm-cli cluster activate` does to an INITIALIZED cluster (it becomes ACTIVE).
   * Real AWS has no API for it, so the AWS backend has no such method.
   */
  activateCluster?(region: string, clusterId: string): Promise<void>;
  close(): Promise<void>;
}
