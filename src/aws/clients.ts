/**
 * One CloudHSMV2Client per (account, region), talking to the local server at `<origin>/aws/<region>` for the
 * base account and `<origin>/aws/<account>/<region>` for another account the server was started with
 * (issue 15). The clients do not know the base account's id: `account` undefined IS the base account, and
 * callers pass an id only for another account (the session's first account is the base; see src/aws/accounts). The browser never
 * holds AWS credentials: the server answers from the emulator, or re-signs for real AWS. The SDK insists on
 * signing, so it gets placeholder credentials that carry no secret. Every client carries the extension
 * that recovers the members SDK 3.332 drops (extensions/droppedMembersPlugin.ts).
 */
import { CloudHSMV2Client, type CloudHSMV2ClientConfig } from '@aws-sdk/client-cloudhsm-v2';
import { installDroppedMembersExtension } from './extensions/droppedMembersPlugin';
import { scopeOf } from './keys';

/** A retry strategy that makes exactly one attempt (SDK 3.332 makes one more than `maxAttempts: 1` asks). */
const NO_RETRY: NonNullable<CloudHSMV2ClientConfig['retryStrategy']> = {
  mode: 'standard',
  retry: (next, args) => next(args),
};

export const PLACEHOLDER_CREDENTIALS = { accessKeyId: 'local-dashboard', secretAccessKey: 'not-a-secret' } as const;

export interface CloudHsmClientsOptions {
  /** Origin of the local server (`http://127.0.0.1:8373`); endpoints are `<baseUrl>/aws/[<account>/]<region>`. */
  baseUrl?: string;
  /** Overrides the endpoint per region (e.g. the standalone emulator: one URL, region from the SigV4 scope). */
  endpointFor?: (region: string, account?: string) => string;
  /** SDK attempts per call (default 2: one retry for a 5xx or a dropped connection). */
  maxAttempts?: number;
  /** Further SDK client settings (request handler, logger, ...). */
  clientConfig?: Omit<CloudHSMV2ClientConfig, 'region' | 'endpoint'>;
  /** Called once for each client made, e.g. to add observing middleware in tests. */
  onClientCreated?: (client: CloudHSMV2Client, region: string, account?: string) => void;
}

export interface CloudHsmClients {
  /** The client of a region of an account (undefined: the base account), made on first use, then reused. */
  forRegion(region: string, account?: string): CloudHSMV2Client;
  /**
   * The client for mutating calls: it never retries. A 5xx or a timeout may come after AWS carried the call
   * out, and a retried CreateCluster or CopyBackupToRegion would make a second resource.
   */
  forMutation(region: string, account?: string): CloudHSMV2Client;
  /** The endpoint a region's client calls. */
  endpointFor(region: string, account?: string): string;
  /** Origin of the local server, when the clients talk to one (its /api/session describes it). */
  readonly baseUrl?: string;
  destroy(): void;
}

export function createCloudHsmClients(options: CloudHsmClientsOptions = {}): CloudHsmClients {
  const endpointFor =
    options.endpointFor ??
    ((region: string, account?: string) => {
      if (options.baseUrl === undefined) throw new Error('createCloudHsmClients needs baseUrl or endpointFor.');
      const accountPath = account ? `${encodeURIComponent(account)}/` : '';
      return `${options.baseUrl.replace(/\/+$/, '')}/aws/${accountPath}${encodeURIComponent(region)}`;
    });
  const clients = new Map<string, CloudHSMV2Client>();
  const mutationClients = new Map<string, CloudHSMV2Client>();
  const make = (region: string, account: string | undefined, extra: Partial<CloudHSMV2ClientConfig>): CloudHSMV2Client => {
    const client = new CloudHSMV2Client({
      credentials: PLACEHOLDER_CREDENTIALS,
      maxAttempts: options.maxAttempts ?? 2,
      ...options.clientConfig,
      ...extra,
      region,
      endpoint: endpointFor(region, account),
    });
    installDroppedMembersExtension(client);
    options.onClientCreated?.(client, region, account);
    return client;
  };
  return {
    endpointFor: (region, account) => endpointFor(region, account || undefined),
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    forRegion(region, account) {
      const key = scopeOf({ region, account });
      let client = clients.get(key);
      if (!client) {
        client = make(region, account || undefined, {});
        clients.set(key, client);
      }
      return client;
    },
    forMutation(region, account) {
      const key = scopeOf({ region, account });
      let client = mutationClients.get(key);
      if (!client) {
        client = make(region, account || undefined, { retryStrategy: NO_RETRY });
        mutationClients.set(key, client);
      }
      return client;
    },
    destroy() {
      for (const client of [...clients.values(), ...mutationClients.values()]) client.destroy();
      clients.clear();
      mutationClients.clear();
    },
  };
}

let browserClients: CloudHsmClients | undefined;

/** The clients of the page's own server (`window.location.origin`), shared by the whole app. */
export function browserCloudHsmClients(): CloudHsmClients {
  browserClients ??= createCloudHsmClients({ baseUrl: window.location.origin });
  return browserClients;
}
