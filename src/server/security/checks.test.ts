/**
 * The local server's security rules, each checked from outside over real HTTP against the embedded
 * emulator (and a fake upstream where what reaches AWS matters).
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES } from '../../cloudhsm/operations';
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

let t: TestServer;
let port: number;
beforeAll(async () => {
  t = await startTestServer();
  port = t.server.port;
});
afterAll(() => t.server.close());

function expectAwsError(response: RawResponse, status: number, type: string, message?: RegExp): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toBe(JSON11);
  expect(response.headers['x-amzn-requestid']).toMatch(/\S/);
  const body = jsonOf(response);
  expect(body['__type']).toBe(type);
  if (message) expect(body['message']).toMatch(message);
}

describe('Host check (DNS rebinding)', () => {
  it('refuses a foreign Host on the SPA, /api and /aws, before anything else', async () => {
    for (const path of ['/', '/clusters', '/api/session', '/aws/us-east-1']) {
      const response = await rawRequest(`${t.url}${path}`, {
        method: path.startsWith('/aws') ? 'POST' : 'GET',
        headers: { Host: `attacker.example:${port}`, 'Content-Type': JSON11, 'X-Amz-Target': 'BaldrApiService.DescribeClusters' },
        body: path.startsWith('/aws') ? '{}' : undefined,
      });
      expect(response.status, path).toBe(421);
      expect(response.body).toMatch(/attacker\.example.*not this dashboard.*DNS-rebinding/);
      expect(response.body).not.toContain('cluster');
    }
  });

  it('refuses a loopback name with another port, and a missing port', async () => {
    expect((await rawRequest(`${t.url}/api/session`, { headers: { Host: `127.0.0.1:${port + 1}` } })).status).toBe(421);
    expect((await rawRequest(`${t.url}/api/session`, { headers: { Host: 'localhost' } })).status).toBe(421);
  });

  it('answers 127.0.0.1, localhost and [::1] with its port', async () => {
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `LOCALHOST:${port}`]) {
      const response = await rawRequest(`${t.url}/api/session`, { headers: { Host: host } });
      expect(response.status, host).toBe(200);
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a foreign Origin on /aws and /api', async () => {
    const call = await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { Origin: 'https://evil.example' });
    expectAwsError(call, 403, 'CloudHsmAccessDeniedException', /Cross-origin request from https:\/\/evil\.example refused/);
    const session = await rawRequest(`${t.url}/api/session`, { headers: { Origin: 'https://evil.example' } });
    expect(session.status).toBe(403);
    expect(session.body).not.toContain('availableRegions');
  });

  it('refuses Origin null and an origin on another port of loopback', async () => {
    expect((await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { Origin: 'null' })).status).toBe(403);
    expect((await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
  });

  it('accepts its own origin', async () => {
    expect((await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { Origin: t.url, 'Sec-Fetch-Site': 'same-origin' })).status).toBe(
      200,
    );
  });

  it('refuses Sec-Fetch-Site cross-site and same-site', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expectAwsError(
        await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { 'Sec-Fetch-Site': site }),
        403,
        'CloudHsmAccessDeniedException',
        new RegExp(`Sec-Fetch-Site: ${site}`),
      );
      expect((await rawRequest(`${t.url}/api/session`, { headers: { 'Sec-Fetch-Site': site } })).status).toBe(403);
    }
  });

  it('allows Sec-Fetch-Site none only for a navigation GET, not for an API call', async () => {
    expect((await rawRequest(`${t.url}/api/session`, { headers: { 'Sec-Fetch-Site': 'none' } })).status).toBe(200);
    expect((await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { 'Sec-Fetch-Site': 'none' })).status).toBe(403);
  });

  it('gives a CORS preflight nothing that would let another origin in', async () => {
    const response = await rawRequest(`${t.url}/aws/us-east-1`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://evil.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target',
      },
    });
    expect(response.status).toBe(403);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('what is forwarded', () => {
  it('accepts every one of the 18 CloudHSM V2 operations', async () => {
    expect(OPERATION_NAMES).toHaveLength(18);
    for (const operation of OPERATION_NAMES) {
      const response = await awsCall(t.url, 'us-east-1', operation, {});
      // Reaches the emulator: a result, or the emulator's own validation error, never the allow-list's.
      expect(response.body, operation).not.toMatch(/forwards only the CloudHSM V2 operations/);
    }
  });

  it('refuses any other X-Amz-Target', async () => {
    for (const target of [
      'BaldrApiService.DescribeInstances',
      'AmazonEC2.DescribeClusters',
      'BaldrApiService.',
      'BaldrApiService.describeClusters',
      'baldrapiservice.DescribeClusters',
    ]) {
      const response = await awsCall(t.url, 'us-east-1', 'x', {}, { 'X-Amz-Target': target });
      expectAwsError(response, 400, 'UnknownOperationException', /forwards only the CloudHSM V2 operations/);
    }
    const missing = await rawRequest(`${t.url}/aws/us-east-1`, { method: 'POST', headers: { 'Content-Type': JSON11 }, body: '{}' });
    expectAwsError(missing, 400, 'UnknownOperationException', /no X-Amz-Target/);
  });

  it('refuses anything but POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const response = await rawRequest(`${t.url}/aws/us-east-1`, {
        method,
        headers: { 'X-Amz-Target': 'BaldrApiService.DescribeClusters', 'Content-Type': JSON11 },
      });
      expectAwsError(response, 405, 'UnknownOperationException', new RegExp(`${method} is not allowed`));
      expect(response.headers['allow']).toBe('POST');
    }
  });

  it('refuses a content type other than application/x-amz-json-1.1 (no form posts)', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/json']) {
      const response = await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { 'Content-Type': type });
      expectAwsError(response, 415, 'SerializationException', /Content-Type must be application\/x-amz-json-1\.1/);
    }
  });

  it('refuses a region without CloudHSM', async () => {
    for (const region of ['cn-north-1', 'xx-fake-1', 'US-EAST-1', 'us-east-1.evil.example', 'us-east-1%00']) {
      expectAwsError(
        await awsCall(t.url, region, 'DescribeClusters'),
        400,
        'CloudHsmInvalidRequestException',
        /is not a region with CloudHSM V2/,
      );
    }
    expect((await awsCall(t.url, 'us-gov-west-1', 'DescribeClusters')).status).toBe(200);
  });

  it('answers a path under /aws that is not /aws/[<account>/]<region> with an AWS error, not the SPA', async () => {
    const response = await rawRequest(`${t.url}/aws/111122223333/us-east-1/extra`, {
      method: 'POST',
      headers: { 'Content-Type': JSON11 },
      body: '{}',
    });
    expectAwsError(response, 400, 'UnknownOperationException', /No route/);
    // Two segments are /aws/<account>/<region>: the first must be an account id.
    const notAccount = await rawRequest(`${t.url}/aws/us-east-1/extra`, {
      method: 'POST',
      headers: { 'Content-Type': JSON11, 'X-Amz-Target': 'BaldrApiService.DescribeClusters' },
      body: '{}',
    });
    expectAwsError(notAccount, 400, 'CloudHsmInvalidRequestException', /"us-east-1" is not an AWS account id \(12 digits\)/);
  });
});

describe('body size limit', () => {
  const big = JSON.stringify({ Filters: { clusterIds: ['x'.repeat(1024 * 1024 + 10)] } });

  it('refuses a declared body over 1 MiB with 413', async () => {
    expectAwsError(
      await awsCall(t.url, 'us-east-1', 'DescribeClusters', JSON.parse(big)),
      413,
      'SerializationException',
      /larger than the 1048576-byte limit/,
    );
  });

  it('refuses a declared Content-Length over 1 MiB at once, without waiting for the body', async () => {
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const req = request(`${t.url}/aws/us-east-1`, {
        method: 'POST',
        agent: false,
        headers: { 'Content-Type': JSON11, 'X-Amz-Target': 'BaldrApiService.DescribeClusters', 'Content-Length': String(50 * 1024 * 1024) },
      });
      req.on('response', (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.flushHeaders(); // headers only: the 50 MiB never come
    });
    expectAwsError(response, 413, 'SerializationException', /\(52428800 bytes\) is larger than the 1048576-byte limit/);
  }, 5000);

  it('refuses a chunked body over 1 MiB with 413', async () => {
    const response = await rawRequest(`${t.url}/aws/us-east-1`, {
      method: 'POST',
      headers: { 'Content-Type': JSON11, 'X-Amz-Target': 'BaldrApiService.DescribeClusters' },
      body: big,
      chunked: true,
    });
    expectAwsError(response, 413, 'SerializationException', /larger than the 1048576-byte limit/);
  });

  it('takes a body just under the limit', async () => {
    const response = await awsCall(t.url, 'us-east-1', 'DescribeClusters', { Filters: { clusterIds: ['x'.repeat(1000 * 1000)] } });
    // The emulator answered (no such cluster): the body got through.
    expect(response.status).toBe(200);
    expect(jsonOf(response)['Clusters']).toEqual([]);
  });
});

describe('security headers', () => {
  const expectStrictHeaders = (response: RawResponse, what: string): void => {
    const csp = String(response.headers['content-security-policy']);
    expect(csp, what).toMatch(/script-src 'self'(;|$)/);
    expect(/script-src[^;]*unsafe-inline/.test(csp), what).toBe(false);
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options'], what).toBe('nosniff');
    expect(response.headers['referrer-policy'], what).toBe('no-referrer');
    expect(response.headers['x-frame-options'], what).toBe('DENY');
  };

  it('on the SPA: index.html, a client route, an asset, a missing asset, a refused method', async () => {
    const index = await rawRequest(`${t.url}/`);
    expect(index.status).toBe(200);
    expect(index.body).toContain('<div id="root">');
    expectStrictHeaders(index, '/');
    const route = await rawRequest(`${t.url}/clusters/us-east-1/cluster-abc`);
    expect(route.body).toContain('<div id="root">');
    expectStrictHeaders(route, 'client route');
    const asset = await rawRequest(`${t.url}/assets/app-1234.js`);
    expect(asset.headers['content-type']).toMatch(/text\/javascript/);
    expectStrictHeaders(asset, 'asset');
    expectStrictHeaders(await rawRequest(`${t.url}/assets/missing.js`), 'missing asset');
    expectStrictHeaders(await rawRequest(`${t.url}/`, { method: 'POST' }), 'POST /');
    expectStrictHeaders(await rawRequest(`${t.url}/`, { headers: { Host: 'evil.example' } }), 'foreign host');
  });

  it('never serves files outside dist/', async () => {
    const response = await rawRequest(`${t.url}/..%2f..%2f..%2fetc%2fpasswd`);
    expect(response.body).not.toContain('root:');
    const bad = await rawRequest(`${t.url}/%E0%A4%A`);
    expect(bad.status).toBe(400);
  });

  it('on API answers, success and errors, with Cache-Control: no-store', async () => {
    const answers: [string, RawResponse][] = [
      ['session', await rawRequest(`${t.url}/api/session`)],
      ['call', await awsCall(t.url, 'us-east-1', 'DescribeClusters')],
      ['emulator error', await awsCall(t.url, 'us-east-1', 'DescribeClusters', { MaxResults: 0 })],
      ['refused operation', await awsCall(t.url, 'us-east-1', 'Nope')],
      ['cross-site', await awsCall(t.url, 'us-east-1', 'DescribeClusters', {}, { 'Sec-Fetch-Site': 'cross-site' })],
      ['unknown api route', await rawRequest(`${t.url}/api/nothing`)],
    ];
    for (const [what, response] of answers) {
      expectStrictHeaders(response, what);
      expect(response.headers['cache-control'], what).toBe('no-store');
    }
    expect(answers[1]![1].status).toBe(200);
  });
});

describe('--read-only', () => {
  let ro: TestServer;
  beforeAll(async () => {
    ro = await startTestServer({ readOnly: true });
  });
  afterAll(() => ro.server.close());

  it('refuses every mutating operation, whatever the body, and changes nothing', async () => {
    const created = await awsCall(ro.url, 'us-east-1', 'CreateCluster', {
      HsmType: 'hsm2m.medium',
      SubnetIds: ['subnet-0123456789abcdef0'],
    });
    expectAwsError(
      created,
      400,
      'CloudHsmAccessDeniedException',
      /The dashboard was started with --read-only: CreateCluster is not allowed\./,
    );
    for (const operation of ['DeleteBackup', 'TagResource', 'InitializeCluster', 'PutResourcePolicy', 'ModifyCluster']) {
      expectAwsError(
        await awsCall(ro.url, 'us-east-1', operation, {}),
        400,
        'CloudHsmAccessDeniedException',
        new RegExp(`--read-only: ${operation} is not allowed`),
      );
    }
    const list = jsonOf(await awsCall(ro.url, 'us-east-1', 'DescribeClusters'));
    expect(list['Clusters']).toEqual([]);
  });

  it('allows reads', async () => {
    for (const operation of ['DescribeClusters', 'DescribeBackups'])
      expect((await awsCall(ro.url, 'us-east-1', operation)).status).toBe(200);
  });

  it('says readOnly in /api/session', async () => {
    expect(jsonOf(await rawRequest(`${ro.url}/api/session`))['readOnly']).toBe(true);
    expect(jsonOf(await rawRequest(`${t.url}/api/session`))['readOnly']).toBe(false);
  });

  it('refuses mutations in aws mode before anything reaches AWS', async () => {
    const upstream: FakeUpstream = await startFakeUpstream();
    const aws = await startTestServer({
      mode: 'aws',
      readOnly: true,
      endpointUrl: upstream.url,
      credentials: async () => ({ accessKeyId: 'AKIDREADONLY', secretAccessKey: 'secret' }),
    });
    try {
      expectAwsError(
        await awsCall(aws.url, 'us-east-1', 'DeleteCluster', { ClusterId: 'cluster-abcdefghijk' }),
        400,
        'CloudHsmAccessDeniedException',
        /--read-only/,
      );
      expect(upstream.requests).toHaveLength(0);
      expect((await awsCall(aws.url, 'us-east-1', 'DescribeClusters')).status).toBe(200);
      expect(upstream.requests).toHaveLength(1);
    } finally {
      await aws.server.close();
      await upstream.close();
    }
  });
});
