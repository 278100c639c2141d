/** Test helper: JSON 1.1 requests to the emulator signed with SigV4 (@smithy/signature-v4), for `--credentials` mode. */
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { JSON_CONTENT_TYPE, SIGNING_SERVICE, TARGET_PREFIX } from '../../cloudhsm/protocol';
import { TEST_CREDENTIALS } from './harness';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignOptions {
  operation: string;
  body: string;
  region?: string;
  service?: string;
  credentials?: Credentials;
  signingDate?: Date;
  /** false: no x-amz-content-sha256 header (what most non-S3 clients send). */
  applyChecksum?: boolean;
  /** More headers to sign (an x-amz-content-sha256 given here is signed over as it is, whatever the body). */
  headers?: Record<string, string>;
}

/** Signs a POST to `/` with `headers` and `body`, and returns the headers to send (without Host: fetch sets it). */
export async function signedHeaders(
  url: string,
  options: Pick<SignOptions, 'region' | 'credentials' | 'signingDate' | 'applyChecksum'> & {
    service: string;
    headers: Record<string, string>;
    body: string;
  },
): Promise<Record<string, string>> {
  const { hostname, port, host } = new URL(url);
  const signer = new SignatureV4({
    service: options.service,
    region: options.region ?? 'us-east-1',
    credentials: options.credentials ?? TEST_CREDENTIALS,
    sha256: Sha256,
    applyChecksum: options.applyChecksum ?? true,
  });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname,
      port: Number(port),
      path: '/',
      query: {},
      headers: { host, ...options.headers },
      body: options.body,
    },
    options.signingDate ? { signingDate: options.signingDate } : {},
  );
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(signed.headers)) {
    if (name.toLowerCase() !== 'host') headers[name] = String(value);
  }
  return headers;
}

/** Signs a JSON 1.1 request for the emulator and returns the headers to send (without Host: fetch sets it). */
export function sign(url: string, options: SignOptions): Promise<Record<string, string>> {
  return signedHeaders(url, {
    ...options,
    service: options.service ?? SIGNING_SERVICE,
    headers: { 'content-type': JSON_CONTENT_TYPE, 'x-amz-target': `${TARGET_PREFIX}${options.operation}`, ...options.headers },
  });
}
