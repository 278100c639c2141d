/**
 * AWS mode, forwarding: what goes up to the endpoint (only the operation and body, signed with the server's
 * credentials), what comes back (status, body, content type and request id; cluster answers without
 * PreCoPassword; nothing that is not JSON), and network problems that become quick AWS-shaped errors. The
 * endpoint is a fake upstream; no test reaches the internet.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCall, JSON11, jsonOf, rawRequest, startFakeUpstream, type FakeUpstream } from '../testing';
import { closedPort, CREDENTIALS, expectNoSecrets, SESSION_TOKEN, awsProxyHarness } from '../testing/awsProxy';

const { proxy, record, seen } = awsProxyHarness();

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

describe('secrets', () => {
  it('no credential, session token or signature appeared in any answer or log line above', () => {
    expect(seen.length).toBeGreaterThan(20);
    expectNoSecrets(seen);
  });
});
