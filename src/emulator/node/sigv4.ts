/**
 * SigV4 verification for the emulator (`--credentials AKID:SECRET[:ACCOUNT]`, and AssumeRole's sessions), with
 * @smithy/signature-v4: the request is re-signed with the key's secret over exactly the headers the client
 * signed, and the two signatures are compared. Errors use the types and wording AWS front ends use for bad signatures.
 */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpRequest } from '@smithy/types';
import { createHash, timingSafeEqual } from 'node:crypto';
import { SIGNING_SERVICE } from '../../cloudhsm/protocol';
import { EmulatorError } from '../errors';
import type { CallerIdentity } from '../sts/identity';
import type { Principals } from '../sts/principals';

/**
 * How far X-Amz-Date may be from the server's clock, either way. AWS's SigV4 documentation says five minutes
 * "in most cases"; services differ (DynamoDB, STS and ECR allow 15, KMS, Kinesis and EC2 five), and no
 * CloudHSM answer is on record, so the documented default it is.
 */
export const MAX_SKEW_MINUTES = 5;

/** 20250101T000400Z: the ISO 8601 basic format of X-Amz-Date, which the skew messages use. */
const amzDateOf = (millis: number): string =>
  new Date(millis)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/,\s]+)\/([^/,\s]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;

/** Reads the credential scope out of an Authorization header; null when there is none or it is not SigV4. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | null {
  if (!header) return null;
  const m = AUTH_PATTERN.exec(header);
  if (!m) return null;
  return {
    accessKeyId: m[1]!,
    date: m[2]!,
    region: m[3]!,
    service: m[4]!,
    signedHeaders: m[5]!.split(';'),
    signature: m[6]!,
  };
}

/** The region of a request: the SigV4 credential scope's, or us-east-1 when unsigned (what AWS CLIs default to). */
export function regionOf(authorization: string | undefined): string {
  return parseAuthorization(authorization)?.region ?? 'us-east-1';
}

function parseAmzDate(value: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) return null;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!));
}

export interface IncomingSignedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** What a signature must be scoped to: the signing name, and how far its date may be from now. */
export interface SignatureScope {
  service: string;
  maxSkewMinutes: number;
}

const CLOUDHSM_SCOPE: SignatureScope = { service: SIGNING_SERVICE, maxSkewMinutes: MAX_SKEW_MINUTES };

/** What a signature must be scoped to, and whether an unsigned request is refused even when none is required. */
export interface VerifyScope extends SignatureScope {
  /** STS: an unsigned GetCallerIdentity has no caller to name. */
  alwaysSigned?: boolean;
}

const header = (request: IncomingSignedRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const MISSING_TOKEN = 'Request is missing Authentication Token';
const incomplete = (authorization: string): EmulatorError =>
  new EmulatorError(
    'IncompleteSignatureException',
    `Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters of an AWS4-HMAC-SHA256 signature. Authorization=${authorization.split(' ')[0] ?? ''}`,
  );

/**
 * Checks who signed a request and answers the caller. With `--credentials` every request must be signed with
 * a configured key or an issued session; without, a request signed with an issued session is checked and
 * served as its role, and anything else is served as the emulator's own user, unchecked.
 */
export class SigV4Verifier {
  constructor(private readonly principals: Principals) {}

  async verify(request: IncomingSignedRequest, scope: VerifyScope = CLOUDHSM_SCOPE): Promise<CallerIdentity> {
    const required = this.principals.signaturesRequired;
    const authorization = header(request, 'authorization');
    if (!authorization) {
      if (required || scope.alwaysSigned) throw new EmulatorError('MissingAuthenticationTokenException', MISSING_TOKEN);
      return this.principals.defaultIdentity;
    }
    const parsed = parseAuthorization(authorization);
    if (!parsed) {
      if (required || scope.alwaysSigned) throw incomplete(authorization);
      return this.principals.defaultIdentity;
    }
    const key = this.principals.signingKey(parsed.accessKeyId, header(request, 'x-amz-security-token'));
    if (!key) {
      if (required) throw new EmulatorError('UnrecognizedClientException', 'The security token included in the request is invalid.');
      return this.principals.defaultIdentity;
    }
    await this.checkSignature(request, parsed, key.secretAccessKey, scope);
    return key.identity;
  }

  private async checkSignature(
    request: IncomingSignedRequest,
    parsed: ParsedAuthorization,
    secretAccessKey: string,
    { service, maxSkewMinutes }: SignatureScope,
  ): Promise<void> {
    const maxSkewMs = maxSkewMinutes * 60 * 1000;
    if (parsed.service !== service) {
      throw new EmulatorError('InvalidSignatureException', `Credential should be scoped to correct service: '${service}'.`);
    }
    const amzDateHeader = request.headers['x-amz-date'];
    const amzDate = Array.isArray(amzDateHeader) ? amzDateHeader[0] : amzDateHeader;
    const signingDate = amzDate ? parseAmzDate(amzDate) : null;
    if (!amzDate || !signingDate) {
      throw new EmulatorError(
        'IncompleteSignatureException',
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      );
    }
    if (!amzDate.startsWith(parsed.date)) {
      throw new EmulatorError(
        'InvalidSignatureException',
        `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${parsed.date}' != '${amzDate.slice(0, 8)}'`,
      );
    }
    // AWS's wording, e.g. "Signature expired: 20241231T230000Z is now earlier than 20241231T235400Z
    // (20241231T235900Z - 5 min.)" and "Signature not yet current: ... is still later than ... (... + 5 min.)".
    const now = Date.now();
    const signedAt = signingDate.getTime();
    if (signedAt < now - maxSkewMs) {
      throw new EmulatorError(
        'InvalidSignatureException',
        `Signature expired: ${amzDate} is now earlier than ${amzDateOf(now - maxSkewMs)} (${amzDateOf(now)} - ${maxSkewMinutes} min.)`,
      );
    }
    if (signedAt > now + maxSkewMs) {
      throw new EmulatorError(
        'InvalidSignatureException',
        `Signature not yet current: ${amzDate} is still later than ${amzDateOf(now + maxSkewMs)} (${amzDateOf(now)} + ${maxSkewMinutes} min.)`,
      );
    }
    if (!parsed.signedHeaders.includes('host')) {
      throw new EmulatorError('InvalidSignatureException', "'Host' must be a 'SignedHeader' in the AWS Authorization.");
    }
    // The payload hash is computed here, never taken from the client: @smithy/signature-v4 would use an
    // x-amz-content-sha256 header as given, so a body changed after signing (or UNSIGNED-PAYLOAD) would pass.
    const payloadHash = createHash('sha256').update(request.body).digest('hex');
    const claimedHeader = request.headers['x-amz-content-sha256'];
    const claimedHash = Array.isArray(claimedHeader) ? claimedHeader.join(',') : claimedHeader;
    if (claimedHash !== undefined && claimedHash.toLowerCase() !== payloadHash) {
      throw new EmulatorError('InvalidSignatureException', "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    const headers: Record<string, string> = {};
    for (const name of parsed.signedHeaders) {
      const value = request.headers[name];
      if (value === undefined) throw new EmulatorError('InvalidSignatureException', `Signed header '${name}' is missing from the request.`);
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const toSign: HttpRequest = {
      method: request.method,
      protocol: 'http:',
      hostname: headers['host'] ?? '',
      path: request.path.split('?')[0] ?? '/',
      query: {},
      headers,
      body: request.body,
    };
    const signer = new SignatureV4({
      service,
      region: parsed.region,
      credentials: { accessKeyId: parsed.accessKeyId, secretAccessKey },
      sha256: Sha256,
      applyChecksum: false,
    });
    const signed = await signer.sign(toSign, { signingDate, signableHeaders: new Set(parsed.signedHeaders) });
    const expected = /Signature=([0-9a-f]{64})/.exec(String(signed.headers['authorization'] ?? ''))?.[1] ?? '';
    const a = new TextEncoder().encode(expected);
    const b = new TextEncoder().encode(parsed.signature);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new EmulatorError(
        'InvalidSignatureException',
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      );
    }
  }
}
