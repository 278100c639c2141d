/**
 * AWS mode: each accepted call is signed here with SigV4 (signing name `cloudhsm`, the region from the
 * path) using credentials from the Node provider chain, sent to https://cloudhsmv2.<region>.amazonaws.com
 * (or --endpoint-url), and the answer streamed back as it came: status, body, content type, request id.
 * Error answers are read whole and redacted first: AWS quotes the canonical request of a bad signature,
 * and with it the session token. Nothing from the browser but the operation name and the body is
 * forwarded (its placeholder Authorization is dropped); nothing from AWS but those headers is passed back.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { endpointOf, JSON_CONTENT_TYPE, SIGNING_SERVICE, TARGET_PREFIX } from '../cloudhsm/protocol';
import { DashboardApiError } from './awsErrors';
import { defaultRegionFor, profileIsDefined } from './awsConfig';
import type { ApiCall, Backend, BackendAnswer, BackendSession } from './backend';
import { refreshingCredentials, type CredentialSource } from './credentials';
import { DEFAULT_UPSTREAM_TIMEOUT_MS, type DashboardServerOptions } from './options';
import { isCloudHsmRegion } from '../cloudhsm/regions';
import { redact } from './redact';
import { cleanErrorBody, MAX_ERROR_BODY_BYTES } from './errorBody';
import { clip } from '../cloudhsm/clip';
import { lookUpAccountId } from './accountId';
import { describeEc2Network } from './ec2Network';

/** Upstream headers the browser may see; everything else (hop-by-hop, cookies, auth) stays here. */
const PASSED_HEADERS: Record<string, string> = {
  'content-type': 'Content-Type',
  'x-amzn-requestid': 'x-amzn-RequestId',
  'x-amzn-errortype': 'x-amzn-ErrorType',
};

const NETWORK_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'DNS lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed',
};

export function endpointFor(region: string, endpointUrl: string | undefined): URL {
  return new URL(endpointUrl ?? endpointOf(region));
}

function networkError(origin: string, error: unknown): DashboardApiError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const what = code ? `${code}${NETWORK_ERRORS[code] ? ` (${NETWORK_ERRORS[code]})` : ''}` : redact(error instanceof Error ? error.message : String(error));
  return new DashboardApiError('EndpointUnreachableException', 502, `Could not reach ${origin}: ${what}. Check your network connection, proxy or --endpoint-url, then retry.`);
}

/** An upstream error answer, whole (bounded: a longer one is not an AWS error and is not passed on). */
async function readErrorBody(upstream: IncomingMessage, origin: string, operation: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of upstream) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > MAX_ERROR_BODY_BYTES) {
      upstream.destroy();
      throw new DashboardApiError('UpstreamAnswerTooLargeException', 502, `The ${operation} error answer of ${origin} was larger than ${MAX_ERROR_BODY_BYTES} bytes; it was not passed on.`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

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
  readonly credentials: CredentialSource;
}

export async function createAwsBackend(options: DashboardServerOptions, log: (line: string) => void): Promise<AwsBackend> {
  const profile = options.profile ?? (process.env['AWS_PROFILE'] || undefined);
  const timeoutMs = options.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  const injected = options.credentials;
  const credentials = refreshingCredentials(() => injected ?? fromNodeProviderChain(profile ? { profile, ignoreCache: true } : { ignoreCache: true }), {
    profile,
    missingHint: () =>
      profile && !injected && !profileIsDefined(profile)
        ? `Profile ${profile} is not defined in ${process.env['AWS_CONFIG_FILE'] || '~/.aws/config'} or ${process.env['AWS_SHARED_CREDENTIALS_FILE'] || '~/.aws/credentials'}: check the name.`
        : undefined,
  });
  // Connections to AWS are reused: TLS set-up would otherwise cost more than the call.
  const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 32 });
  const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 32 });

  let regions = options.regions;
  if (!regions || regions.length === 0) {
    const fromProfile = defaultRegionFor(profile);
    if (fromProfile && !isCloudHsmRegion(fromProfile)) log(`region ${fromProfile} of ${profile ? `profile ${profile}` : 'the environment'} has no CloudHSM; showing us-east-1`);
    regions = [fromProfile && isCloudHsmRegion(fromProfile) ? fromProfile : 'us-east-1'];
  }
  const shownRegions = regions;
  const lookUpAccount = options.lookUpAccount ?? options.endpointUrl === undefined;
  let account: Promise<string | undefined> | null = null;

  const call = async ({ region, operation, body, requestId }: ApiCall): Promise<BackendAnswer> => {
    const identity = await credentials.get();
    const url = endpointFor(region, options.endpointUrl);
    const request: HttpRequest = {
      method: 'POST',
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      path: url.pathname || '/',
      query: {},
      headers: {
        host: url.host,
        'content-type': JSON_CONTENT_TYPE,
        'x-amz-target': `${TARGET_PREFIX}${operation}`,
        'content-length': String(body.length),
      },
      body,
    };
    const signer = new SignatureV4({ service: SIGNING_SERVICE, region, credentials: identity, sha256: Sha256, applyChecksum: true });
    const signed = await signer.sign(request);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(signed.headers)) headers[name] = value;

    const upstream = await new Promise<IncomingMessage>((resolve, reject) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const outgoing = send({
        protocol: url.protocol,
        hostname: url.hostname,
        port: url.port || undefined,
        path: request.path,
        method: 'POST',
        headers,
        agent: url.protocol === 'https:' ? httpsAgent : httpAgent,
      });
      // One deadline for the whole exchange, body included: a stalled endpoint never holds the page.
      const timedOut = new DashboardApiError(
        'EndpointTimeoutException',
        504,
        `${url.origin} did not answer ${operation} within ${timeoutMs / 1000} s. Check your network connection or proxy, then retry.`,
      );
      let response: IncomingMessage | null = null;
      const deadline = setTimeout(() => {
        response?.destroy(timedOut);
        outgoing.destroy(timedOut);
      }, timeoutMs);
      outgoing.on('response', (answer) => {
        response = answer;
        answer.on('close', () => clearTimeout(deadline));
        resolve(answer);
      });
      outgoing.on('error', (error) => {
        clearTimeout(deadline);
        reject(error instanceof DashboardApiError ? error : networkError(url.origin, error));
      });
      outgoing.end(body);
    });

    const known = { accessKeyId: identity.accessKeyId, secretAccessKey: identity.secretAccessKey, sessionToken: identity.sessionToken };
    const passed: Record<string, string> = {};
    for (const [name, shown] of Object.entries(PASSED_HEADERS)) {
      const value = upstream.headers[name];
      // Redacted and clipped like the body: a header is text from upstream too.
      if (typeof value === 'string') passed[shown] = clip(redact(value, known), 200);
    }
    passed['x-amzn-RequestId'] ??= requestId;
    passed['Content-Type'] ??= JSON_CONTENT_TYPE;
    const status = upstream.statusCode ?? 502;
    if (status < 400) return { status, headers: passed, body: upstream };

    const cleaned = cleanErrorBody(await readErrorBody(upstream, url.origin, operation), passed['x-amzn-ErrorType'], known);
    // JSON 1.1 services name the error in the body; the header, when there is one, wins (as in the SDKs).
    const errorType = (passed['x-amzn-ErrorType'] ?? errorTypeOf(cleaned)).split(':')[0]!.split('#').pop() ?? '';
    const authProblem = /^(ExpiredToken|UnrecognizedClient|InvalidClientTokenId|InvalidSignature|IncompleteSignature|MissingAuthenticationToken)/.test(errorType);
    if (status === 403 || authProblem) {
      // AWS does not take these credentials (or this clock): resolve them again on the next call.
      credentials.invalidate();
    }
    if (status >= 500 || status === 403 || authProblem) {
      // The operator's view of a failure the page also shows; the message is already redacted (cleanErrorBody).
      log(`${operation} in ${region}: ${url.origin} answered HTTP ${status} ${clip(errorType)}: ${clip(messageOf(cleaned).replace(/\s+/g, " "), 300)}`);
    }
    return { status, headers: passed, body: cleaned };
  };

  const session = async (): Promise<BackendSession> => {
    const info: BackendSession = { regions: [...shownRegions] };
    if (profile) info.profile = profile;
    if (options.endpointUrl) info.endpoint = options.endpointUrl;
    if (lookUpAccount) {
      account ??= lookUpAccountId(shownRegions[0] ?? 'us-east-1', credentials, log).then((id) => {
        if (id === undefined) account = null; // try again on the next session request
        return id;
      });
      const id = await account;
      if (id) info.accountId = id;
    }
    return info;
  };

  return {
    mode: 'aws',
    credentials,
    call,
    session,
    network: (region) => describeEc2Network(region, { credentials, timeoutMs, endpointUrl: options.endpointUrl, log }),
    close: async () => {
      httpsAgent.destroy();
      httpAgent.destroy();
    },
  };
}
