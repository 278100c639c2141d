/**
 * AWS mode: each accepted call is signed here with SigV4 (signing name `cloudhsm`, the region from the
 * path) using credentials from the Node provider chain (another account's: aws/accounts.ts), sent to
 * https://cloudhsmv2.<region>.amazonaws.com (or --endpoint-url), and the answer streamed back as it came: status, body, content type, request id.
 * Error answers are read whole and redacted first: AWS quotes the canonical request of a bad signature,
 * and with it the session token. Nothing from the browser but the operation name and the body is
 * forwarded (its placeholder Authorization is dropped); nothing from AWS but those headers is passed back.
 */
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { clip } from '../../cloudhsm/clip';
import { isCloudHsmRegion } from '../../cloudhsm/regions';
import type { ApiCall, Backend, BackendAnswer, BackendSession } from '../backend';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, type DashboardServerOptions } from '../options';
import { cleanErrorBody } from '../security/errorBody';
import type { KnownSecrets } from '../security/redact';
import { callerIdentityLookup } from './accountId';
import { createAccountRegistry, type AccountRegistry } from './accounts';
import { defaultRegionFor, profileIsDefined } from './config';
import { refreshingCredentials, type CredentialSource } from './credentials';
import { describeEc2Network } from './ec2Network';
import { quotaLookup } from './quotas';
import { createAgents, endpointFor, passedHeaders, readErrorBody, sendSigned } from './upstream';

/** A member of a JSON error body (cleanErrorBody's output, so always an object). */
function memberOf(body: Buffer, names: string[]): string {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
    const value = names.map((name) => parsed[name]).find((v) => typeof v === 'string');
    return typeof value === 'string' ? value : '';
  } catch {
    return '';
  }
}
const errorTypeOf = (body: Buffer): string => memberOf(body, ['__type', 'code']);
const messageOf = (body: Buffer): string => memberOf(body, ['message', 'Message']);

export interface AwsBackend extends Backend {
  /** The base account's. */
  readonly credentials: CredentialSource;
  readonly accounts: AccountRegistry;
}

function credentialSource(options: DashboardServerOptions, profile: string | undefined): CredentialSource {
  const injected = options.credentials;
  return refreshingCredentials(() => injected ?? fromNodeProviderChain(profile ? { profile, ignoreCache: true } : { ignoreCache: true }), {
    profile,
    missingHint: () =>
      profile && !injected && !profileIsDefined(profile)
        ? `Profile ${profile} is not defined in ${process.env['AWS_CONFIG_FILE'] || '~/.aws/config'} or ${process.env['AWS_SHARED_CREDENTIALS_FILE'] || '~/.aws/credentials'}: check the name.`
        : undefined,
  });
}

/** The regions shown first: --regions, else the profile's region when it has CloudHSM, else us-east-1. */
function shownRegionsFor(options: DashboardServerOptions, profile: string | undefined, log: (line: string) => void): string[] {
  if (options.regions && options.regions.length > 0) return options.regions;
  const fromProfile = defaultRegionFor(profile);
  if (fromProfile && !isCloudHsmRegion(fromProfile))
    log(`region ${fromProfile} of ${profile ? `profile ${profile}` : 'the environment'} has no CloudHSM; showing us-east-1`);
  return [fromProfile && isCloudHsmRegion(fromProfile) ? fromProfile : 'us-east-1'];
}

/**
 * An error answer, cleaned. AWS not taking the credentials (or this clock) makes them be resolved again on the
 * next call; such failures and 5xx answers are logged for the operator (the page shows them too).
 */
interface UpstreamError {
  status: number;
  body: Buffer;
  passed: Record<string, string>;
  known: KnownSecrets;
  operation: string;
  region: string;
  /** Another account than the base (its calls are logged with it). */
  account?: string;
  origin: string;
}

function errorAnswer(
  { status, body, passed, known, operation, region, account, origin }: UpstreamError,
  credentials: CredentialSource,
  log: (line: string) => void,
): BackendAnswer {
  const cleaned = cleanErrorBody(body, passed['x-amzn-ErrorType'], known);
  // JSON 1.1 services name the error in the body; the header, when there is one, wins (as in the SDKs).
  const errorType = (passed['x-amzn-ErrorType'] ?? errorTypeOf(cleaned)).split(':')[0]!.split('#').pop() ?? '';
  const authProblem =
    /^(ExpiredToken|UnrecognizedClient|InvalidClientTokenId|InvalidSignature|IncompleteSignature|MissingAuthenticationToken)/.test(
      errorType,
    );
  if (status === 403 || authProblem) credentials.invalidate();
  if (status >= 500 || status === 403 || authProblem) {
    // The message is already redacted (cleanErrorBody).
    log(
      `${operation} in ${region}${account ? ` (account ${account})` : ''}: ${origin} answered HTTP ${status} ${clip(errorType)}: ${clip(messageOf(cleaned).replace(/\s+/g, ' '), 300)}`,
    );
  }
  return { status, headers: passed, body: cleaned };
}

export async function createAwsBackend(options: DashboardServerOptions, log: (line: string) => void): Promise<AwsBackend> {
  const profile = options.profile ?? (process.env['AWS_PROFILE'] || undefined);
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const credentials = credentialSource(options, profile);
  const agents = createAgents();
  const shownRegions = shownRegionsFor(options, profile, log);
  const whoAmI =
    options.lookUpAccount === false
      ? null
      : callerIdentityLookup(credentials, {
          region: shownRegions[0] ?? 'us-east-1',
          endpoint: options.stsEndpointUrl ?? options.endpointUrl,
          log,
        });
  const accounts = createAccountRegistry({
    base: credentials,
    baseIdentity: whoAmI,
    baseProfile: profile,
    roles: options.assumeRoles ?? [],
    externalId: options.externalId,
    profiles: options.profiles ?? [],
    region: shownRegions[0] ?? 'us-east-1',
    stsEndpoint: options.stsEndpointUrl ?? options.endpointUrl,
    profileCredentials: options.profileCredentials,
    log,
  });
  const quotas = quotaLookup({
    credentialsFor: accounts.credentialsFor,
    timeoutMs,
    agents,
    endpointUrl: options.endpointUrl,
    serviceQuotasEndpoint: options.serviceQuotasEndpoint,
    log,
  });

  const call = async ({ region, account, operation, body, requestId }: ApiCall): Promise<BackendAnswer> => {
    const credentials = await accounts.credentialsFor(account);
    const identity = await credentials.get();
    const url = endpointFor(region, options.endpointUrl);
    const upstream = await sendSigned({ url, region, operation, body, identity, agents, timeoutMs });
    const known = { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken };
    const passed = passedHeaders(upstream, known, requestId);
    const status = upstream.statusCode ?? 502;
    if (status < 400) return { status, headers: passed, body: upstream };
    const errorBody = await readErrorBody(upstream, url.origin, operation);
    return errorAnswer({ status, body: errorBody, passed, known, operation, region, account, origin: url.origin }, credentials, log);
  };

  const session = async (): Promise<BackendSession> => {
    const info: BackendSession = { regions: [...shownRegions] };
    if (profile) info.profile = profile;
    if (options.endpointUrl) info.endpoint = options.endpointUrl;
    // The base entry carries the base identity: one lookup per session request, not two.
    info.accounts = await accounts.list();
    const base = info.accounts[0];
    if (base?.id) info.accountId = base.id;
    if (base?.arn) info.arn = base.arn;
    return info;
  };

  return {
    mode: 'aws',
    credentials,
    accounts,
    call,
    session,
    accountIds: () => accounts.ids(),
    quotas: async (region, account) => {
      const ids = await accounts.ids();
      return quotas(region, account ?? ids.base ?? '', account === ids.base ? undefined : account);
    },
    network: async (region, account) =>
      describeEc2Network(region, { credentials: await accounts.credentialsFor(account), timeoutMs, endpointUrl: options.endpointUrl, log }),
    close: async () => {
      agents.https.destroy();
      agents.http.destroy();
    },
  };
}
