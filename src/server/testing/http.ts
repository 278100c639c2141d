/** Test helpers: raw HTTP (any Host, any header) and CloudHSM calls as the SPA's SDK client makes them. */
import { request, type IncomingHttpHeaders } from 'node:http';
import { JSON_CONTENT_TYPE, TARGET_PREFIX } from '../../cloudhsm/protocol';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Send the body in chunks without Content-Length. */
  chunked?: boolean;
}

/** One HTTP exchange on a fresh connection, with exactly the headers given (Host included). */
export function rawRequest(url: string, options: RawRequest = {}): Promise<RawResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${target.search}`,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined && options.chunked) {
      const body = Buffer.from(options.body);
      const step = 64 * 1024;
      for (let i = 0; i < body.length; i += step) req.write(body.subarray(i, i + step));
      req.end();
    } else req.end(options.body);
  });
}

export const JSON11 = JSON_CONTENT_TYPE;

/** A CloudHSM call as the SPA's SDK client makes it (with its placeholder signature). */
export function awsCall(
  baseUrl: string,
  region: string,
  operation: string,
  body: unknown = {},
  headers: Record<string, string> = {},
): Promise<RawResponse> {
  return awsCallAt(`${baseUrl}/aws/${region}`, operation, body, headers);
}

/** The same call as another account: POST /aws/<account>/<region>. */
export function accountCall(baseUrl: string, account: string, region: string, operation: string, body: unknown = {}): Promise<RawResponse> {
  return awsCallAt(`${baseUrl}/aws/${account}/${region}`, operation, body);
}

function awsCallAt(url: string, operation: string, body: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return rawRequest(url, {
    method: 'POST',
    headers: {
      'Content-Type': JSON11,
      'X-Amz-Target': `${TARGET_PREFIX}${operation}`,
      Authorization:
        'AWS4-HMAC-SHA256 Credential=local-dashboard/20260101/us-east-1/cloudhsm/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000',
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

export function jsonOf(response: RawResponse): Record<string, unknown> {
  return JSON.parse(response.body) as Record<string, unknown>;
}
