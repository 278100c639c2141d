/**
 * One CloudHSMV2Client per region, talking to the local server at `<origin>/aws/<region>`. The browser never
 * holds AWS credentials: the server answers from the emulator, or re-signs for real AWS. The SDK insists on
 * signing, so it gets placeholder credentials that carry no secret. Every client carries the extension
 * that recovers the members SDK 3.332 drops (extensions/droppedMembersPlugin.ts).
 */
import { CloudHSMV2Client, type CloudHSMV2ClientConfig } from '@aws-sdk/client-cloudhsm-v2';
import { installDroppedMembersExtension } from './extensions/droppedMembersPlugin';

/** A retry strategy that makes exactly one attempt (SDK 3.332 makes one more than `maxAttempts: 1` asks). */
const NO_RETRY: NonNullable<CloudHSMV2ClientConfig['retryStrategy']> = {
  mode: 'standard',
  retry: (next, args) => next(args),
};

export const PLACEHOLDER_CREDENTIALS = { accessKeyId: 'local-dashboard', secretAccessKey: 'not-a-secret' } as const;

export interface CloudHsmClientsOptions {
  /** Origin of the local server (`http://127.0.0.1:8373`); endpoints are `<baseUrl>/aws/<region>`. */
  baseUrl?: string;
  /** Overrides the endpoint per region (e.g. the standalone emulator: one URL, region from the SigV4 scope). */
  endpointFor?: (region: string) => string;
  /** SDK attempts per call (default 2: one retry for a 5xx or a dropped connection). */
  maxAttempts?: number;
  /** Further SDK client settings (request handler, logger, ...). */
  clientConfig?: Omit<CloudHSMV2ClientConfig, 'region' | 'endpoint'>;
  /** Called once for each client made, e.g. to add observing middleware in tests. */
  onClientCreated?: (client: CloudHSMV2Client, region: string) => void;
}

export interface CloudHsmClients {
  /** The client of a region (made on first use, then reused). */
  forRegion(region: string): CloudHSMV2Client;
  /**
   * The client for mutating calls: it never retries. A 5xx or a timeout may come after AWS carried the call
   * out, and a retried CreateCluster or CopyBackupToRegion would make a second resource.
   */
  forMutation(region: string): CloudHSMV2Client;
  /** The endpoint a region's client calls. */
  endpointFor(region: string): string;
  /** Origin of the local server, when the clients talk to one (its /api/session describes it). */
  readonly baseUrl?: string;
  destroy(): void;
}

export function createCloudHsmClients(options: CloudHsmClientsOptions = {}): CloudHsmClients {
  const endpointFor =
    options.endpointFor ??
    ((region: string) => {
      if (options.baseUrl === undefined) throw new Error('createCloudHsmClients needs baseUrl or endpointFor.');
      return `${options.baseUrl.replace(/\/+$/, '')}/aws/${encodeURIComponent(region)}`;
    });
  const clients = new Map<string, CloudHSMV2Client>();
  const mutationClients = new Map<string, CloudHSMV2Client>();
  const make = (region: string, extra: Partial<CloudHSMV2ClientConfig>): CloudHSMV2Client => {
    const client = new CloudHSMV2Client({
      credentials: PLACEHOLDER_CREDENTIALS,
      maxAttempts: options.maxAttempts ?? 2,
      ...options.clientConfig,
      ...extra,
      region,
      endpoint: endpointFor(region),
    });
    installDroppedMembersExtension(client);
    options.onClientCreated?.(client, region);
    return client;
  };
  return {
    endpointFor,
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    forRegion(region) {
      let client = clients.get(region);
      if (!client) {
        client = make(region, {});
        clients.set(region, client);
      }
      return client;
    },
    forMutation(region) {
      let client = mutationClients.get(region);
      if (!client) {
        client = make(region, { retryStrategy: NO_RETRY });
        mutationClients.set(region, client);
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
