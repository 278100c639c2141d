/**
 * One signed exchange with CloudHSM V2 (or --endpoint-url): SigV4 with the signing name `cloudhsm` and the
 * region of the path, one deadline for the whole exchange, and the few headers the browser may see back.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, HttpRequest } from '@smithy/types';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { clip } from '../../cloudhsm/clip';
import { endpointOf, JSON_CONTENT_TYPE, SIGNING_SERVICE, TARGET_PREFIX } from '../../cloudhsm/protocol';
import { readStream } from '../../node/http';
import { DashboardApiError } from '../apiErrors';
import { MAX_ERROR_BODY_BYTES } from '../security/errorBody';
import { redact, type KnownSecrets } from '../security/redact';

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
  const what = code
    ? `${code}${NETWORK_ERRORS[code] ? ` (${NETWORK_ERRORS[code]})` : ''}`
    : redact(error instanceof Error ? error.message : String(error));
  return new DashboardApiError(
    'EndpointUnreachableException',
    502,
    `Could not reach ${origin}: ${what}. Check your network connection, proxy or --endpoint-url, then retry.`,
  );
}

/** Connections to AWS are reused: TLS set-up would otherwise cost more than the call. */
export function createAgents(): { http: HttpAgent; https: HttpsAgent } {
  return { https: new HttpsAgent({ keepAlive: true, maxSockets: 32 }), http: new HttpAgent({ keepAlive: true, maxSockets: 32 }) };
}

export interface UpstreamCall {
  url: URL;
  region: string;
  operation: string;
  body: Buffer;
  identity: AwsCredentialIdentity;
  agents: ReturnType<typeof createAgents>;
  timeoutMs: number;
  /** Another AWS JSON 1.1 service (Service Quotas): its signing name and X-Amz-Target prefix; default CloudHSM V2's. */
  service?: { signingName: string; targetPrefix: string };
}

async function signedHeaders({ url, region, operation, body, identity, service }: UpstreamCall): Promise<Record<string, string>> {
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
      'x-amz-target': `${service?.targetPrefix ?? TARGET_PREFIX}${operation}`,
      'content-length': String(body.length),
    },
    body,
  };
  const signer = new SignatureV4({
    service: service?.signingName ?? SIGNING_SERVICE,
    region,
    credentials: identity,
    sha256: Sha256,
    applyChecksum: true,
  });
  const signed = await signer.sign(request);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) headers[name] = value;
  return headers;
}

/** Sends the call, signed; resolves with the answer as it starts to arrive. */
export async function sendSigned(call: UpstreamCall): Promise<IncomingMessage> {
  const { url, operation, body, agents, timeoutMs } = call;
  const headers = await signedHeaders(call);
  return new Promise<IncomingMessage>((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send({
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port || undefined,
      path: url.pathname || '/',
      method: 'POST',
      headers,
      agent: url.protocol === 'https:' ? agents.https : agents.http,
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
}

/** The headers the browser may see, redacted and clipped like the body (a header is text from upstream too). */
export function passedHeaders(upstream: IncomingMessage, known: KnownSecrets, requestId: string): Record<string, string> {
  const passed: Record<string, string> = {};
  for (const [name, shown] of Object.entries(PASSED_HEADERS)) {
    const value = upstream.headers[name];
    if (typeof value === 'string') passed[shown] = clip(redact(value, known), 200);
  }
  passed['x-amzn-RequestId'] ??= requestId;
  passed['Content-Type'] ??= JSON_CONTENT_TYPE;
  return passed;
}

/** An upstream error answer, whole (bounded: a longer one is not an AWS error and is not passed on). */
export function readErrorBody(upstream: IncomingMessage, origin: string, operation: string): Promise<Buffer> {
  return readStream(
    upstream,
    MAX_ERROR_BODY_BYTES,
    () =>
      new DashboardApiError(
        'UpstreamAnswerTooLargeException',
        502,
        `The ${operation} error answer of ${origin} was larger than ${MAX_ERROR_BODY_BYTES} bytes; it was not passed on.`,
      ),
  );
}
