/**
 * Secrets in upstream errors (issue 10). Real AWS answers a bad signature with a message quoting the
 * canonical request and the string to sign, and so the X-Amz-Security-Token of temporary credentials. A fake
 * upstream here echoes everything it got (every header, Authorization included); the dashboard, in AWS mode
 * with temporary credentials, must pass on what went wrong without the token, the secret, the signature or
 * more of the access key id than its last 4 characters: in the answer the browser reads and in every log line.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCall, JSON11, jsonOf, startFakeUpstream, startTestServer, type FakeUpstream, type RawResponse } from '../testing';

const TEMPORARY = {
  accessKeyId: 'ASIAEXAMPLEKEY00WXYZ',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY',
  // Shaped like an STS token (base64, hundreds of characters), and one piece no pattern would recognise.
  sessionToken: `IQoJb3JpZ2luX2VjEXAMPLE//////////wEaCXVzLWVhc3QtMSJHMEUCIQD+example/token=${'Zm9v'.repeat(60)}`,
};
const ODD_TOKEN = { ...TEMPORARY, sessionToken: 'tok-en_with.odd~chars-123456' };

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What AWS answers a signature it cannot verify: the canonical request and string to sign it computed. */
function signatureMismatch(req: IncomingMessage, body: string): string {
  const authorization = String(req.headers['authorization'] ?? '');
  const signed = /SignedHeaders=([^,\s]+)/.exec(authorization)?.[1]?.split(';') ?? [];
  const scope = /Credential=[^/]+\/([^,\s]+)/.exec(authorization)?.[1] ?? '';
  const canonical = [
    'POST',
    req.url ?? '/',
    '',
    ...signed.map((name) => `${name}:${String(req.headers[name] ?? '')}`),
    '',
    signed.join(';'),
    sha256(body),
  ].join('\n');
  const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date']), scope, sha256(canonical)].join('\n');
  return (
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. ' +
    `Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'${canonical}'\n\n` +
    `The String-to-Sign should have been\n'${toSign}'\n\nAuthorization: ${authorization}\nX-Amz-Security-Token: ${String(req.headers['x-amz-security-token'])}`
  );
}

let upstream: FakeUpstream;
beforeAll(async () => {
  upstream = await startFakeUpstream();
});
afterAll(() => upstream.close());

/** The signature the dashboard sent (to make sure it comes back nowhere). */
const sentSignature = (): string => /Signature=([0-9a-f]{64})/.exec(String(upstream.requests.at(-1)?.headers['authorization']))![1]!;

function expectNoSecrets(texts: string[], credentials: typeof TEMPORARY): void {
  const all = texts.join('\n');
  expect(all).not.toContain(credentials.sessionToken);
  expect(all).not.toContain(credentials.sessionToken.slice(0, 24));
  expect(all).not.toContain(credentials.secretAccessKey);
  expect(all).not.toContain(credentials.accessKeyId);
  expect(all).not.toContain(credentials.accessKeyId.slice(0, 12));
  expect(all).not.toContain(sentSignature());
}

const seen = (response: RawResponse): string[] => [response.body, JSON.stringify(response.headers)];

describe.each([
  ['an STS-shaped token', TEMPORARY],
  ['a token no pattern recognises', ODD_TOKEN],
])('a signature AWS cannot verify, with %s', (_what, credentials) => {
  it('JSON 1.1 form (HTTP 400, __type and message in the body): the browser learns what went wrong, and no secret', async () => {
    upstream.respond = (req, res, body) => {
      res.writeHead(400, { 'Content-Type': JSON11, 'x-amzn-RequestId': 'rid-1' });
      res.end(JSON.stringify({ __type: 'InvalidSignatureException', message: signatureMismatch(req, body) }));
    };
    const t = await startTestServer({ mode: 'aws', endpointUrl: upstream.url, credentials: async () => credentials });
    try {
      const response = await awsCall(t.url, 'us-east-1', 'DescribeClusters', { MaxResults: 5 });
      expect(response.status).toBe(400);
      const body = jsonOf(response);
      expect(body['__type']).toBe('InvalidSignatureException');
      const message = String(body['message']);
      expect(message).toMatch(/^The request signature we calculated does not match the signature you provided\./);
      expect(message).toContain("The Canonical String for this request should have been\n'POST\n/\n");
      expect(message).toContain(`Credential=${credentials.accessKeyId.slice(0, 4)}…WXYZ/`);
      expect(message).toMatch(/x-amz-security-token:\[redacted\]/);
      expect(message).toContain('Signature=[redacted]');
      expectNoSecrets([...seen(response), ...t.logs], credentials);
      expect(t.logs.join('\n')).toMatch(
        /DescribeClusters in us-east-1: .* answered HTTP 400 InvalidSignatureException: The request signature we calculated does not match/,
      );
    } finally {
      await t.server.close();
    }
  });

  it('REST form (HTTP 403, x-amzn-ErrorType, Message), a 500 quoting the request, and a body that is not JSON: no secret either', async () => {
    const answers: [number, Record<string, string>, (req: IncomingMessage, body: string) => string][] = [
      [
        403,
        { 'x-amzn-ErrorType': `InvalidSignatureException:${credentials.sessionToken}` },
        (req, body) => JSON.stringify({ Message: signatureMismatch(req, body) }),
      ],
      [
        500,
        {},
        (req, body) =>
          JSON.stringify({
            __type: 'InternalFailure',
            message: `failed on ${signatureMismatch(req, body)}`,
            detail: { token: credentials.sessionToken },
          }),
      ],
      [400, {}, (req, body) => `{"__type":"InvalidSignatureException","message":"${signatureMismatch(req, body).replace(/\n/g, ' ')}`],
    ];
    const t = await startTestServer({ mode: 'aws', endpointUrl: upstream.url, credentials: async () => credentials });
    try {
      for (const [status, headers, make] of answers) {
        upstream.respond = (req, res, body) => {
          res.writeHead(status, { 'Content-Type': JSON11, ...headers });
          res.end(make(req, body));
        };
        const response = await awsCall(t.url, 'eu-west-1', 'DescribeBackups');
        expect(response.status).toBe(status);
        expect(response.body).toMatch(/signature we calculated does not match/);
        expectNoSecrets([...seen(response), ...t.logs], credentials);
      }
    } finally {
      await t.server.close();
    }
  });
});
