/**
 * The AWS JSON 1.1 wire protocol of the emulator, over real HTTP (cloudhsm-api.md §1): headers, error
 * bodies and statuses, X-Amz-Target routing, body parsing, CORS, region from the SigV4 scope, body limit,
 * and the timestamp encoding.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RunningEmulator } from '../node/server';
import { MAX_BODY_BYTES } from '../node/http';
import { rawCall, scopeHeader, seededSubnets, startTestEmulator } from '../testing/harness';

const JSON_11 = 'application/x-amz-json-1.1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
}

/** A request with exactly the headers given (no defaults), so missing or odd headers can be tested. */
async function send(
  url: string,
  init: { method?: string; path?: string; headers?: Record<string, string>; body?: string | Uint8Array<ArrayBuffer> },
): Promise<WireResponse> {
  const response = await fetch(`${url}${init.path ?? '/'}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? {},
    body: init.body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const target = (operation: string): Record<string, string> => ({ 'Content-Type': JSON_11, 'X-Amz-Target': `BaldrApiService.${operation}` });

/** Parses an AWS JSON error body and checks its shape: exactly `__type` and `message`, both strings. */
function errorBody(response: WireResponse): { __type: string; message: string } {
  const body = JSON.parse(response.text) as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(['__type', 'message']);
  expect(typeof body['__type']).toBe('string');
  expect(typeof body['message']).toBe('string');
  expect((body['message'] as string).length).toBeGreaterThan(0);
  return body as { __type: string; message: string };
}

function expectAwsError(response: WireResponse, status: number, type: string): { __type: string; message: string } {
  expect(response.status, response.text).toBe(status);
  expect(response.headers.get('content-type')).toBe(JSON_11);
  expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
  const body = errorBody(response);
  expect(body.__type).toBe(type);
  return body;
}

let running: RunningEmulator;
let url: string;

beforeAll(async () => {
  running = await startTestEmulator();
  url = running.url;
});
afterAll(async () => {
  await running.close();
});

describe('successful responses', () => {
  it('are 200 with the JSON 1.1 content type, a JSON object body and a fresh x-amzn-RequestId', async () => {
    const first = await send(url, { headers: target('DescribeClusters'), body: '{}' });
    const second = await send(url, { headers: target('DescribeClusters'), body: '{}' });
    for (const response of [first, second]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(JSON_11);
      expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
      expect(JSON.parse(response.text)).toEqual({ Clusters: [] });
    }
    expect(first.headers.get('x-amzn-requestid')).not.toBe(second.headers.get('x-amzn-requestid'));
  });

  it('accept an empty or blank body as {}', async () => {
    for (const body of ['', '   \n\t ']) {
      const response = await send(url, { headers: target('DescribeClusters'), body });
      expect(response.status, JSON.stringify(body)).toBe(200);
      expect(JSON.parse(response.text)).toEqual({ Clusters: [] });
    }
    // ...and with no body at all.
    const none = await send(url, { headers: target('DescribeBackups') });
    expect(none.status).toBe(200);
    expect(JSON.parse(none.text)).toEqual({ Backups: [] });
  });

  it('do not need a Content-Type on the request', async () => {
    const response = await send(url, { headers: { 'X-Amz-Target': 'BaldrApiService.DescribeClusters' }, body: '{}' });
    expect(response.status).toBe(200);
  });
});

describe('error responses', () => {
  it('a validation error is 400 with {"__type","message"} and a request id', async () => {
    const response = await send(url, { headers: target('DescribeClusters'), body: '{"MaxResults":26}' });
    const body = expectAwsError(response, 400, 'CloudHsmInvalidRequestException');
    expect(body.message).toContain('maxResults');
  });

  it('not found is 400 too, not 404', async () => {
    const response = await send(url, { headers: target('DeleteCluster'), body: '{"ClusterId":"cluster-abcdefghijk"}' });
    const body = expectAwsError(response, 400, 'CloudHsmResourceNotFoundException');
    expect(body.message).toContain('cluster-abcdefghijk');
  });

  it('every error gets its own request id', async () => {
    const ids = new Set<string | null>();
    for (let i = 0; i < 3; i++) {
      const response = await send(url, { headers: target('DeleteCluster'), body: '{"ClusterId":"cluster-abcdefghijk"}' });
      ids.add(response.headers.get('x-amzn-requestid'));
    }
    expect(ids.size).toBe(3);
  });

  it('an internal failure is 500 CloudHsmInternalFailureException with a request id, and hides the cause', async () => {
    const spy = vi.spyOn(running.emulator, 'handle').mockRejectedValueOnce(new Error('secret internal detail'));
    try {
      const response = await send(url, { headers: target('DescribeClusters'), body: '{}' });
      const body = expectAwsError(response, 500, 'CloudHsmInternalFailureException');
      expect(body.message).not.toContain('secret internal detail');
    } finally {
      spy.mockRestore();
    }
    // The server goes on answering.
    expect((await send(url, { headers: target('DescribeClusters'), body: '{}' })).status).toBe(200);
  });
});

describe('X-Amz-Target routing', () => {
  it.each([
    ['an unknown operation', 'BaldrApiService.Nope'],
    ['the wrong target prefix', 'CloudHSMV2.DescribeClusters'],
    ['the endpoint prefix as target prefix', 'cloudhsmv2.DescribeClusters'],
    ['a lower-case prefix (matched case-sensitively)', 'baldrapiservice.DescribeClusters'],
    ['a lower-case operation (matched case-sensitively)', 'BaldrApiService.describeClusters'],
    ['the prefix alone', 'BaldrApiService.'],
    ['an operation of another service', 'BaldrApiService.ListClusters'],
    ['an inherited property name', 'BaldrApiService.toString'],
    ['a prototype key', 'BaldrApiService.__proto__'],
  ])('%s (%s) → UnknownOperationException', async (_what, value) => {
    const response = await send(url, { headers: { 'Content-Type': JSON_11, 'X-Amz-Target': value }, body: '{}' });
    expectAwsError(response, 400, 'UnknownOperationException');
  });

  it('a missing X-Amz-Target → UnknownOperationException', async () => {
    const response = await send(url, { headers: { 'Content-Type': JSON_11 }, body: '{}' });
    expectAwsError(response, 400, 'UnknownOperationException');
  });

  it('GET / is refused with an AWS error', async () => {
    const response = await send(url, { method: 'GET', headers: { 'X-Amz-Target': 'BaldrApiService.DescribeClusters' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    errorBody(response);
  });

  it('POST to another path is refused with an AWS error', async () => {
    const response = await send(url, { path: '/clusters', headers: target('DescribeClusters'), body: '{}' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    errorBody(response);
  });
});

describe('request bodies', () => {
  it.each([
    ['a truncated object', '{"ClusterId":'],
    ['a lone brace', '{'],
    ['single quotes', "{'ClusterId':'cluster-abcdefghijk'}"],
    ['a trailing comma', '{"MaxResults":5,}'],
    ['bare words', 'DescribeClusters please'],
    ['NaN', '{"MaxResults":NaN}'],
  ])('malformed JSON (%s) → SerializationException', async (_what, body) => {
    const response = await send(url, { headers: target('DescribeClusters'), body });
    expectAwsError(response, 400, 'SerializationException');
  });

  it('bytes that are not UTF-8 → SerializationException', async () => {
    const response = await send(url, { headers: target('DescribeClusters'), body: new Uint8Array([0xff, 0xfe, 0x7b, 0x7d, 0x80]) });
    expectAwsError(response, 400, 'SerializationException');
  });

  it.each([
    ['a string for MaxResults', 'DescribeClusters', '{"MaxResults":"10"}', 'maxResults'],
    ['a fraction for MaxResults', 'DescribeClusters', '{"MaxResults":2.5}', 'maxResults'],
    ['a boolean for MaxResults', 'DescribeBackups', '{"MaxResults":true}', 'maxResults'],
    ['an object for ClusterId', 'DeleteCluster', '{"ClusterId":{"id":"cluster-abcdefghijk"}}', 'clusterId'],
    ['a number for ClusterId', 'DeleteCluster', '{"ClusterId":12345678901}', 'clusterId'],
    ['a string for SubnetIds', 'CreateCluster', '{"HsmType":"hsm2m.medium","SubnetIds":"subnet-0123456789abcdef0"}', 'subnetIds'],
    ['a list for Filters', 'DescribeClusters', '{"Filters":[["states","ACTIVE"]]}', 'filters'],
    ['a string for a filter value', 'DescribeClusters', '{"Filters":{"states":"ACTIVE"}}', 'filters'],
    ['a string for NeverExpires', 'ModifyBackupAttributes', '{"BackupId":"backup-abcdefghijk","NeverExpires":"true"}', 'neverExpires'],
    ['a number for a retention value', 'ModifyCluster', '{"ClusterId":"cluster-abcdefghijk","BackupRetentionPolicy":{"Type":"DAYS","Value":90}}', 'backupRetentionPolicy.value'],
    ['a string for a Tag', 'TagResource', '{"ResourceId":"cluster-abcdefghijk","TagList":["Name=x"]}', 'tagList'],
  ])('a wrong JSON type (%s) → SerializationException naming the member', async (_what, operation, body, member) => {
    const response = await send(url, { headers: target(operation), body });
    const error = expectAwsError(response, 400, 'SerializationException');
    expect(error.message).toContain(member);
  });

  it.each([
    ['an array', '[]'],
    ['an array of the right members', '[{"MaxResults":5}]'],
    ['a string', '"DescribeClusters"'],
    ['a number', '42'],
    ['true', 'true'],
  ])('a body that is not an object (%s) → SerializationException', async (_what, body) => {
    const response = await send(url, { headers: target('DescribeClusters'), body });
    expectAwsError(response, 400, 'SerializationException');
  });

  it('a JSON null body is taken as {} (never a 500)', async () => {
    for (const operation of ['DescribeBackups', 'DescribeClusters']) {
      const response = await send(url, { headers: target(operation), body: 'null' });
      expect(response.status, `${operation}: ${response.text}`).toBe(200);
    }
    for (const operation of ['GetResourcePolicy', 'DeleteResourcePolicy', 'PutResourcePolicy']) {
      // These have no required members in the model; the operation itself asks for the ARN.
      const response = await send(url, { headers: target(operation), body: 'null' });
      expect(expectAwsError(response, 400, 'CloudHsmInvalidRequestException').message).toMatch(/ResourceArn/);
    }
    const required = await send(url, { headers: target('DeleteCluster'), body: 'null' });
    expect(expectAwsError(required, 400, 'CloudHsmInvalidRequestException').message).toContain("'clusterId'");
  });

  it('unknown members are ignored, as AWS JSON services do', async () => {
    const response = await send(url, { headers: target('DescribeClusters'), body: '{"Unknown":[1,{"x":null}],"maxResults":"camel case is another member"}' });
    expect(response.status).toBe(200);
  });

  it('deeply nested junk in an unknown member is no problem', async () => {
    const depth = 50_000;
    const body = `{"Junk":${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const response = await send(url, { headers: target('DescribeClusters'), body });
    expect(response.status).toBe(200);
  });

  it(`a body of exactly ${MAX_BODY_BYTES} bytes is read; one byte more is 413 with a request id`, async () => {
    const exact = `{}${' '.repeat(MAX_BODY_BYTES - 2)}`;
    expect(Buffer.byteLength(exact)).toBe(MAX_BODY_BYTES);
    const ok = await send(url, { headers: target('DescribeClusters'), body: exact });
    expect(ok.status).toBe(200);

    const tooLarge = `{}${' '.repeat(MAX_BODY_BYTES - 1)}`;
    const refused = await send(url, { headers: target('DescribeClusters'), body: tooLarge });
    expect(refused.status).toBe(413);
    expect(refused.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(refused.headers.get('content-type')).toBe(JSON_11);
    expect(errorBody(refused).__type).toBe('SerializationException');

    // Much larger (4 MiB): still refused, and the server still answers afterwards.
    const huge = await send(url, { headers: target('DescribeClusters'), body: `{"x":"${'y'.repeat(4 * MAX_BODY_BYTES)}"}` });
    expect(huge.status).toBe(413);
    expect((await send(url, { headers: target('DescribeClusters'), body: '{}' })).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight with 204 and the headers a browser SDK client needs', async () => {
    const response = await send(url, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type,x-amz-target,x-amz-date,amz-sdk-invocation-id,amz-sdk-request,x-amz-user-agent',
      },
    });
    expect(response.status).toBe(204);
    expect(response.text).toBe('');
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const methods = (response.headers.get('access-control-allow-methods') ?? '').split(',').map((s) => s.trim().toUpperCase());
    expect(methods).toContain('POST');
    const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(',').map((s) => s.trim().toLowerCase());
    for (const header of [
      'authorization',
      'content-type',
      'x-amz-target',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-user-agent',
      'amz-sdk-invocation-id',
      'amz-sdk-request',
      'x-amz-content-sha256',
    ]) {
      expect(allowed, header).toContain(header);
    }
    const exposed = (response.headers.get('access-control-expose-headers') ?? '').split(',').map((s) => s.trim().toLowerCase());
    expect(exposed).toContain('x-amzn-requestid');
    expect(exposed).toContain('x-amzn-errortype');
  });

  it('puts Access-Control-Allow-Origin and the exposed headers on answers and errors, so a browser can read them', async () => {
    const ok = await send(url, { headers: { ...target('DescribeClusters'), Origin: 'http://localhost:5173' }, body: '{}' });
    const error = await send(url, { headers: { ...target('DeleteCluster'), Origin: 'http://localhost:5173' }, body: '{}' });
    const unknown = await send(url, { headers: { 'X-Amz-Target': 'BaldrApiService.Nope', Origin: 'http://localhost:5173' }, body: '{}' });
    for (const response of [ok, error, unknown]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect((response.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('x-amzn-requestid');
    }
    expect(ok.status).toBe(200);
    expect(error.status).toBe(400);
  });
});

describe('admin routes', () => {
  it('answer JSON with CORS headers and a request id', async () => {
    const response = await send(url, { method: 'GET', path: '/_emulator/clock' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    const body = JSON.parse(response.text) as { now: unknown; speed: unknown };
    expect(typeof body.now).toBe('number');
  });

  it('an unknown admin route is 404 and bad JSON is 400, each with a request id', async () => {
    const missing = await send(url, { method: 'GET', path: '/_emulator/nope' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-amzn-requestid')).toMatch(UUID);
    const bad = await send(url, { path: '/_emulator/advance-clock', headers: { 'Content-Type': 'application/json' }, body: '{"seconds":' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-amzn-requestid')).toMatch(UUID);
  });
});

describe('region and timestamps', () => {
  it('takes the region from the SigV4 credential scope; unsigned requests are us-east-1', async () => {
    const subnets = await seededSubnets(url, 'eu-west-1');
    expect(subnets.length).toBeGreaterThan(0);
    const created = await rawCall(url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [subnets[0]!.SubnetId] }, { region: 'eu-west-1' });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const clusterId = (created.body['Cluster'] as { ClusterId: string }).ClusterId;
    const az = Object.keys((created.body['Cluster'] as { SubnetMapping: Record<string, string> }).SubnetMapping)[0];
    expect(az).toMatch(/^eu-west-1[a-f]$/);

    const ids = (response: { body: Record<string, unknown> }): string[] => (response.body['Clusters'] as { ClusterId: string }[]).map((c) => c.ClusterId);
    expect(ids(await rawCall(url, 'DescribeClusters', {}, { region: 'eu-west-1' }))).toContain(clusterId);
    expect(ids(await rawCall(url, 'DescribeClusters', {}))).not.toContain(clusterId);
    expect(ids(await rawCall(url, 'DescribeClusters', {}, { region: 'us-east-1' }))).not.toContain(clusterId);
    expect(ids(await rawCall(url, 'DescribeClusters', {}, { region: 'us-west-2' }))).not.toContain(clusterId);
    // Lookups by id are per region too.
    const elsewhere = await rawCall(url, 'ListTags', { ResourceId: clusterId }, { region: 'us-west-2' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body['__type']).toBe('CloudHsmResourceNotFoundException');
    expect((await rawCall(url, 'ListTags', { ResourceId: clusterId }, { region: 'eu-west-1' })).status).toBe(200);
  });

  it('a scope naming a region without CloudHSM is refused with a typed 4xx, and creates no state for it', async () => {
    const response = await rawCall(url, 'DescribeClusters', {}, { region: 'xx-east-1' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(typeof response.body['__type']).toBe('string');
    expect(response.headers.get('x-amzn-requestid')).toMatch(UUID);
    expect(running.emulator.store.snapshot().regions.map((r) => r.region)).not.toContain('xx-east-1');
  });

  it('the scope of a malformed Authorization header does not choose a region (falls back to us-east-1)', async () => {
    const subnets = await seededSubnets(url, 'us-east-1');
    const created = await rawCall(url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [subnets[0]!.SubnetId] });
    expect(created.status).toBe(200);
    const clusterId = (created.body['Cluster'] as { ClusterId: string }).ClusterId;
    const mangled = scopeHeader('us-east-1').replace('Signature=', 'Sig=');
    const response = await send(url, { headers: { ...target('ListTags'), Authorization: mangled }, body: JSON.stringify({ ResourceId: clusterId }) });
    expect(response.status, response.text).toBe(200);
  });

  it('sends timestamps as epoch seconds (JSON numbers), never strings', async () => {
    const subnets = await seededSubnets(url, 'us-east-1');
    const before = Date.now() / 1000;
    const created = await send(url, { headers: target('CreateCluster'), body: JSON.stringify({ HsmType: 'hsm2m.medium', SubnetIds: [subnets[1]!.SubnetId] }) });
    expect(created.status, created.text).toBe(200);
    expect(created.text).toMatch(/"CreateTimestamp":\d{10}(\.\d{1,3})?[,}]/);
    expect(created.text).not.toMatch(/"CreateTimestamp":"/);
    const cluster = (JSON.parse(created.text) as { Cluster: { CreateTimestamp: unknown } }).Cluster;
    expect(typeof cluster.CreateTimestamp).toBe('number');
    const stamp = cluster.CreateTimestamp as number;
    expect(stamp).toBeGreaterThanOrEqual(Math.floor(before) - 1);
    expect(stamp).toBeLessThanOrEqual(Date.now() / 1000 + 1);

    const described = await send(url, { headers: target('DescribeClusters'), body: '{}' });
    const clusters = (JSON.parse(described.text) as { Clusters: Record<string, unknown>[] }).Clusters;
    expect(clusters.length).toBeGreaterThan(0);
    for (const c of clusters) expect(typeof c['CreateTimestamp']).toBe('number');
    expect(described.text).not.toMatch(/Timestamp":"/);
  });
});
