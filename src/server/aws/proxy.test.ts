/**
 * AWS mode from the outside: the dashboard signs with SigV4 and forwards to an endpoint. The endpoint is
 * the standalone emulator started with --credentials (it verifies real signatures) or a fake upstream
 * (to see exactly what is sent and to answer what AWS would). No test reaches the internet.
 */
import { CloudHSMV2Client, CreateClusterCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '../../emulator/node/server';
import { seededSubnets } from '../../emulator/testing/harness';
import { endpointFor } from './upstream';
import {
  awsCall,
  JSON11,
  jsonOf,
  rawRequest,
  startFakeUpstream,
  startTestServer,
  type FakeUpstream,
  type RawResponse,
  type TestServer,
} from '../testing';

const CREDENTIALS = { accessKeyId: 'AKIAPROXYTEST0000001', secretAccessKey: 'proxy+test/secret+0123456789abcdefghijklmn' };
const SESSION_TOKEN = 'IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN/with+slashes/and=padding0123456789';

/** Every answer and log line of this file, searched for credentials at the end. */
const seen: string[] = [];
const record = (response: RawResponse): RawResponse => {
  seen.push(JSON.stringify(response.headers), response.body);
  return response;
};

const servers: TestServer[] = [];
async function proxy(options: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const t = await startTestServer({ mode: 'aws', ...options });
  servers.push(t);
  return t;
}
afterEach(async () => {
  for (const t of servers.splice(0)) {
    seen.push(...t.logs);
    await t.server.close();
  }
});

/** The SPA's client: the real SDK with placeholder credentials, pointed at the dashboard. */
function browserClient(dashboardUrl: string, region = 'us-east-1'): CloudHSMV2Client {
  return new CloudHSMV2Client({
    region,
    endpoint: `${dashboardUrl}/aws/${region}`,
    credentials: { accessKeyId: 'local-dashboard', secretAccessKey: 'not-a-secret' },
    maxAttempts: 1,
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('signing, end to end against the emulator that verifies SigV4', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulatorServer({ port: 0, seed: 'empty', credentials: CREDENTIALS, tickMillis: 50 });
  });
  afterAll(() => emulator.close());

  it('DescribeClusters and CreateCluster through the proxy, signed with the server-side credentials', async () => {
    const t = await proxy({ endpointUrl: emulator.url, credentials: async () => CREDENTIALS });
    const client = browserClient(t.url);
    try {
      expect((await client.send(new DescribeClustersCommand({}))).Clusters).toEqual([]);
      const subnets = await seededSubnets(emulator.url);
      const created = await client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId) }));
      expect(created.Cluster?.ClusterId).toMatch(/^cluster-[a-z2-7]{11}$/);
      const listed = await client.send(new DescribeClustersCommand({}));
      expect(listed.Clusters?.map((c) => c.ClusterId)).toEqual([created.Cluster?.ClusterId]);
    } finally {
      client.destroy();
    }
  });

  it('signs for the region in the path', async () => {
    const t = await proxy({ endpointUrl: emulator.url, credentials: async () => CREDENTIALS });
    const response = record(await awsCall(t.url, 'eu-west-1', 'DescribeClusters'));
    expect(response.status).toBe(200);
    expect(jsonOf(response)['Clusters']).toEqual([]); // eu-west-1 state: the cluster above is in us-east-1
  });

  it("wrong secret: the endpoint's InvalidSignatureException reaches the browser unchanged", async () => {
    const t = await proxy({ endpointUrl: emulator.url, credentials: async () => ({ ...CREDENTIALS, secretAccessKey: 'wrong-secret' }) });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe(JSON11);
    expect(jsonOf(response)).toEqual({
      __type: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    });
  });

  it('unknown access key: UnrecognizedClientException passes through', async () => {
    const t = await proxy({
      endpointUrl: emulator.url,
      credentials: async () => ({ ...CREDENTIALS, accessKeyId: 'AKIAUNKNOWN000000000' }),
    });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(403);
    expect(jsonOf(response)['__type']).toBe('UnrecognizedClientException');
  });
});

describe('credential problems become advice', () => {
  it('a provider that finds nothing: MissingAuthenticationTokenException naming the profile and the fix', async () => {
    const t = await proxy({
      profile: 'prod',
      endpointUrl: 'http://127.0.0.1:9',
      credentials: async () => {
        const error = new Error('Could not load credentials from any providers');
        error.name = 'CredentialsProviderError';
        throw error;
      },
    });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-requestid']).toMatch(/\S/);
    expect(jsonOf(response)['__type']).toBe('MissingAuthenticationTokenException');
    expect(jsonOf(response)['message']).toMatch(/^No AWS credentials found for profile prod: run `aws sso login --profile prod`/);
    expect(jsonOf(response)['message']).toContain('Could not load credentials from any providers');
  });

  it('the real provider chain with a profile that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
    writeFileSync(join(dir, 'config'), '[profile other]\nregion = eu-west-1\n');
    writeFileSync(join(dir, 'credentials'), '');
    const saved = { ...process.env };
    Object.assign(process.env, {
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
    });
    for (const name of [
      'AWS_ACCESS_KEY_ID',
      'AWS_SECRET_ACCESS_KEY',
      'AWS_SESSION_TOKEN',
      'AWS_PROFILE',
      'AWS_CONTAINER_CREDENTIALS_FULL_URI',
      'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI',
      'AWS_WEB_IDENTITY_TOKEN_FILE',
    ])
      delete process.env[name];
    try {
      const upstream = await startFakeUpstream();
      const t = await proxy({ profile: 'prod', endpointUrl: upstream.url });
      const started = Date.now();
      const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.status).toBe(403);
      expect(jsonOf(response)['message']).toMatch(/^No AWS credentials found for profile prod: run `aws sso login --profile prod`/);
      expect(jsonOf(response)['message']).toContain(
        `Profile prod is not defined in ${join(dir, 'config')} or ${join(dir, 'credentials')}: check the name.`,
      );
      expect(upstream.requests).toHaveLength(0);
      await upstream.close();
    } finally {
      process.env = saved;
    }
  });

  it('expired credentials: ExpiredTokenException with the way to renew them', async () => {
    const t = await proxy({
      profile: 'prod',
      endpointUrl: 'http://127.0.0.1:9',
      credentials: async () => ({ ...CREDENTIALS, expiration: new Date(Date.now() - 60_000) }),
    });
    const body = jsonOf(record(await awsCall(t.url, 'us-east-1', 'DescribeClusters')));
    expect(body['__type']).toBe('ExpiredTokenException');
    expect(body['message']).toMatch(/The AWS credentials for profile prod have expired: run `aws sso login --profile prod`/);
  });

  it('credentials near expiry are fetched again before a call', async () => {
    const upstream = await startFakeUpstream();
    let calls = 0;
    const t = await proxy({
      endpointUrl: upstream.url,
      credentials: async (): Promise<AwsCredentialIdentity> => {
        calls += 1;
        // The first answer is about to expire; later ones last an hour.
        return {
          accessKeyId: `AKIAROTATED${String(calls).padStart(9, '0')}`,
          secretAccessKey: 'rotated',
          expiration: new Date(Date.now() + (calls === 1 ? 60_000 : 3_600_000)),
        };
      },
    });
    record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(calls).toBe(2);
    expect(upstream.requests.map((r) => /Credential=(\w+)\//.exec(String(r.headers['authorization']))?.[1])).toEqual([
      'AKIAROTATED000000002',
      'AKIAROTATED000000002',
    ]);
    await upstream.close();
  });
});

describe('network problems never hang the page', () => {
  it('an unreachable endpoint: EndpointUnreachableException naming it and the cause, quickly', async () => {
    const port = await closedPort();
    const t = await proxy({ endpointUrl: `http://127.0.0.1:${port}`, credentials: async () => CREDENTIALS });
    const started = Date.now();
    const response = record(await awsCall(t.url, 'eu-west-1', 'DescribeClusters'));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(response.status).toBe(502);
    expect(jsonOf(response)['__type']).toBe('EndpointUnreachableException');
    expect(jsonOf(response)['message']).toMatch(
      new RegExp(`^Could not reach http://127\\.0\\.0\\.1:${port}: ECONNREFUSED \\(connection refused\\)`),
    );
  });

  it('an endpoint that never answers: EndpointTimeoutException after the configured timeout', async () => {
    const upstream = await startFakeUpstream();
    upstream.respond = () => {}; // never answers
    const t = await proxy({ endpointUrl: upstream.url, credentials: async () => CREDENTIALS, upstreamTimeoutMs: 300 });
    const started = Date.now();
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeBackups'));
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(250);
    expect(elapsed).toBeLessThan(2000);
    expect(response.status).toBe(504);
    expect(jsonOf(response)['__type']).toBe('EndpointTimeoutException');
    expect(jsonOf(response)['message']).toMatch(/did not answer DescribeBackups within 0\.3 s/);
    await upstream.close();
  });

  it('an endpoint that stalls in the middle of a cluster answer: 504, not a truncated success', async () => {
    const upstream = await startFakeUpstream();
    upstream.respond = (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON11 });
      res.write('{"Clusters":[');
    };
    const t = await proxy({ endpointUrl: upstream.url, credentials: async () => CREDENTIALS, upstreamTimeoutMs: 300 });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(504);
    expect(jsonOf(response)['__type']).toBe('EndpointTimeoutException');
    await upstream.close();
  });
});

describe('what goes up and what comes back', () => {
  let upstream: FakeUpstream;
  beforeAll(async () => {
    upstream = await startFakeUpstream();
  });
  afterAll(() => upstream.close());

  it("forwards only the operation and body, signed with the server's credentials (the browser's placeholder Authorization, cookies and origin stay behind)", async () => {
    upstream.requests.length = 0;
    const t = await proxy({ endpointUrl: `${upstream.url}/`, credentials: async () => ({ ...CREDENTIALS, sessionToken: SESSION_TOKEN }) });
    const body = '{"Filters":{"states":["ACTIVE"]},"MaxResults":5}';
    record(
      await rawRequest(`${t.url}/aws/ap-southeast-2`, {
        method: 'POST',
        headers: {
          'Content-Type': JSON11,
          'X-Amz-Target': 'BaldrApiService.DescribeClusters',
          Authorization:
            'AWS4-HMAC-SHA256 Credential=local-dashboard/20260101/ap-southeast-2/cloudhsm/aws4_request, SignedHeaders=host, Signature=' +
            '1'.repeat(64),
          'X-Amz-Security-Token': 'browser-token',
          Cookie: 'session=abc',
          Origin: t.url,
          'X-Forwarded-For': '10.0.0.1',
        },
        body,
      }),
    );
    expect(upstream.requests).toHaveLength(1);
    const sent = upstream.requests[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url).toBe('/');
    expect(sent.body).toBe(body);
    expect(sent.headers['x-amz-target']).toBe('BaldrApiService.DescribeClusters');
    expect(sent.headers['content-type']).toBe(JSON11);
    expect(sent.headers['authorization']).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${CREDENTIALS.accessKeyId}/\\d{8}/ap-southeast-2/cloudhsm/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$`,
      ),
    );
    expect(sent.headers['x-amz-security-token']).toBe(SESSION_TOKEN);
    expect(sent.headers['host']).toBe(new URL(upstream.url).host);
    for (const name of ['cookie', 'origin', 'x-forwarded-for', 'sec-fetch-site']) expect(sent.headers[name], name).toBeUndefined();
  });

  it('passes status, body, content type and request id back unchanged, and no other upstream header', async () => {
    const errorBody = '{"__type":"CloudHsmResourceNotFoundException","message":"Backup backup-abcdefghijk not found"}';
    upstream.respond = (_req, res) => {
      res.writeHead(400, {
        'Content-Type': JSON11,
        'x-amzn-RequestId': '11111111-2222-3333-4444-555555555555',
        'x-amzn-ErrorType': 'CloudHsmResourceNotFoundException',
        'Set-Cookie': 'aws=1',
        Authorization: 'AWS4-HMAC-SHA256 echoed',
        'X-Amz-Security-Token': 'echoed-token',
        'Access-Control-Allow-Origin': '*',
        'X-Upstream-Internal': 'yes',
      });
      res.end(errorBody);
    };
    const t = await proxy({ endpointUrl: upstream.url, credentials: async () => CREDENTIALS });
    const response = record(await awsCall(t.url, 'us-east-1', 'DeleteBackup', { BackupId: 'backup-abcdefghijk' }));
    expect(response.status).toBe(400);
    expect(response.body).toBe(errorBody);
    expect(response.headers['content-type']).toBe(JSON11);
    expect(response.headers['x-amzn-requestid']).toBe('11111111-2222-3333-4444-555555555555');
    expect(response.headers['x-amzn-errortype']).toBe('CloudHsmResourceNotFoundException');
    for (const name of ['set-cookie', 'authorization', 'x-amz-security-token', 'access-control-allow-origin', 'x-upstream-internal'])
      expect(response.headers[name], name).toBeUndefined();
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('strips PreCoPassword from every cluster answer, at any depth, escaped or not', async () => {
    const cluster = (id: string) => ({
      ClusterId: id,
      State: 'UNINITIALIZED',
      PreCoPassword: 'hunter2-preco',
      Certificates: { ClusterCsr: '-----BEGIN CERTIFICATE REQUEST-----' },
      Hsms: [{ HsmId: 'hsm-abcdefghijk', PreCoPassword: 'nested-preco' }],
    });
    const answers: Record<string, string> = {
      DescribeClusters: JSON.stringify({ Clusters: [cluster('cluster-aaaaaaaaaaa'), cluster('cluster-bbbbbbbbbbb')], NextToken: 'next' }),
      CreateCluster: JSON.stringify({ Cluster: cluster('cluster-ccccccccccc') }),
      DeleteCluster: '{"Cluster":{"ClusterId":"cluster-ddddddddddd","PreCo\\u0050assword":"escaped-preco"}}',
      ModifyCluster: JSON.stringify({ Cluster: cluster('cluster-eeeeeeeeeee') }),
    };
    upstream.respond = (req, res) => {
      const operation = String(req.headers['x-amz-target']).split('.')[1]!;
      res.writeHead(200, { 'Content-Type': JSON11, 'x-amzn-RequestId': 'rid' });
      res.end(answers[operation] ?? '{}');
    };
    const t = await proxy({ endpointUrl: upstream.url, credentials: async () => CREDENTIALS });
    for (const operation of Object.keys(answers)) {
      const response = record(await awsCall(t.url, 'us-east-1', operation, {}));
      expect(response.status, operation).toBe(200);
      expect(response.body, operation).not.toMatch(/PreCo|preco/);
      expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    }
    const described = jsonOf(record(await awsCall(t.url, 'us-east-1', 'DescribeClusters')));
    expect(described).toEqual({
      Clusters: ['cluster-aaaaaaaaaaa', 'cluster-bbbbbbbbbbb'].map((id) => ({
        ClusterId: id,
        State: 'UNINITIALIZED',
        Certificates: { ClusterCsr: '-----BEGIN CERTIFICATE REQUEST-----' },
        Hsms: [{ HsmId: 'hsm-abcdefghijk' }],
      })),
      NextToken: 'next',
    });
  });

  it('refuses to pass on a cluster answer it cannot parse (it could hide a password)', async () => {
    upstream.respond = (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON11 });
      res.end('{"Clusters":[{"PreCoPassword":"x"');
    };
    const t = await proxy({ endpointUrl: upstream.url, credentials: async () => CREDENTIALS });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(502);
    expect(jsonOf(response)['__type']).toBe('UpstreamAnswerNotJsonException');
    expect(response.body).not.toContain('PreCo');
  });

  it('streams other answers through byte for byte', async () => {
    const big = JSON.stringify({
      Backups: Array.from({ length: 2000 }, (_, i) => ({ BackupId: `backup-${String(i).padStart(11, 'a')}`, BackupState: 'READY' })),
    });
    upstream.respond = (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON11, 'x-amzn-RequestId': 'rid-backups' });
      res.end(big);
    };
    const t = await proxy({ endpointUrl: upstream.url, credentials: async () => CREDENTIALS });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeBackups'));
    expect(response.body).toBe(big);
    expect(response.headers['x-amzn-requestid']).toBe('rid-backups');
  });

  it("does not pass on an HTML page (a proxy's error page) as an answer: an AWS-shaped 502 instead", async () => {
    upstream.respond = (_req, res) => {
      res.writeHead(503, { 'Content-Type': 'text/html' });
      res.end('<html><script>alert(1)</script>Proxy error</html>');
    };
    const t = await proxy({ endpointUrl: upstream.url, credentials: async () => CREDENTIALS });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeBackups'));
    expect(response.status).toBe(502);
    expect(response.headers['content-type']).toContain('json');
    expect(jsonOf(response)['__type']).toBe('UpstreamAnswerNotJsonException');
    expect(response.body).not.toContain('<script>');
  });
});

describe('/api/session in aws mode', () => {
  it('says aws, the profile, the regions and the endpoint, and never a credential', async () => {
    const t = await proxy({
      profile: 'prod',
      regions: ['eu-west-1', 'us-east-1'],
      endpointUrl: 'http://127.0.0.1:9/',
      credentials: async () => ({ ...CREDENTIALS, sessionToken: SESSION_TOKEN }),
    });
    const response = record(await rawRequest(`${t.url}/api/session`));
    expect(response.headers['cache-control']).toBe('no-store');
    const session = jsonOf(response);
    expect(session).toMatchObject({
      mode: 'aws',
      profile: 'prod',
      regions: ['eu-west-1', 'us-east-1'],
      readOnly: false,
      endpoint: 'http://127.0.0.1:9/',
    });
    expect(session['availableRegions']).toContain('us-gov-west-1');
    expect(session['accountId']).toBeUndefined(); // no STS lookup against a custom endpoint
  });

  it("defaults the regions to the profile's configured region", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
    writeFileSync(join(dir, 'config'), '[default]\nregion = us-west-2\n[profile prod]\noutput = json\nregion = ap-northeast-1\n');
    const saved = { ...process.env };
    process.env['AWS_CONFIG_FILE'] = join(dir, 'config');
    delete process.env['AWS_REGION'];
    delete process.env['AWS_DEFAULT_REGION'];
    try {
      const t = await proxy({ profile: 'prod', endpointUrl: 'http://127.0.0.1:9/', credentials: async () => CREDENTIALS });
      expect(jsonOf(await rawRequest(`${t.url}/api/session`))['regions']).toEqual(['ap-northeast-1']);
    } finally {
      process.env = saved;
    }
  });

  it('uses the real CloudHSM endpoint of each region by default', () => {
    expect(endpointFor('eu-west-1', undefined).href).toBe('https://cloudhsmv2.eu-west-1.amazonaws.com/');
    expect(endpointFor('us-gov-west-1', undefined).href).toBe('https://cloudhsmv2.us-gov-west-1.amazonaws.com/');
  });
});

describe('secrets', () => {
  it('no credential, session token or signature appeared in any answer or log line above', () => {
    expect(seen.length).toBeGreaterThan(20);
    const text = seen.join('\n');
    for (const secret of [
      CREDENTIALS.secretAccessKey,
      SESSION_TOKEN,
      'wrong-secret',
      'rotated"',
      'hunter2',
      'nested-preco',
      'escaped-preco',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/Signature=[0-9a-f]{64}/);
    expect(text).not.toContain(CREDENTIALS.accessKeyId);
  });
});
