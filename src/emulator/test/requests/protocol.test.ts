/**
 * The AWS JSON 1.1 wire protocol of the emulator, over real HTTP (cloudhsm-api.md §1): headers, error bodies
 * and statuses, X-Amz-Target routing, region from the SigV4 scope, and the timestamp encoding.
 */
import { describe, expect, it, vi } from 'vitest';
import { rawCall, scopeHeader, seededSubnets } from '../../testing/harness';
import { errorBody, expectAwsError, JSON_11, send, target, UUID } from '../../testing/wire';
import { emulatorForThisFile } from '../../testing/perFile';

const running = await emulatorForThisFile();
const { url } = running;

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

describe('region and timestamps', () => {
  it('takes the region from the SigV4 credential scope; unsigned requests are us-east-1', async () => {
    const subnets = await seededSubnets(url, 'eu-west-1');
    expect(subnets.length).toBeGreaterThan(0);
    const created = await rawCall(
      url,
      'CreateCluster',
      { HsmType: 'hsm2m.medium', SubnetIds: [subnets[0]!.SubnetId] },
      { region: 'eu-west-1' },
    );
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const clusterId = (created.body['Cluster'] as { ClusterId: string }).ClusterId;
    const az = Object.keys((created.body['Cluster'] as { SubnetMapping: Record<string, string> }).SubnetMapping)[0];
    expect(az).toMatch(/^eu-west-1[a-f]$/);

    const ids = (response: { body: Record<string, unknown> }): string[] =>
      (response.body['Clusters'] as { ClusterId: string }[]).map((c) => c.ClusterId);
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
    const response = await send(url, {
      headers: { ...target('ListTags'), Authorization: mangled },
      body: JSON.stringify({ ResourceId: clusterId }),
    });
    expect(response.status, response.text).toBe(200);
  });

  it('sends timestamps as epoch seconds (JSON numbers), never strings', async () => {
    const subnets = await seededSubnets(url, 'us-east-1');
    const before = Date.now() / 1000;
    const created = await send(url, {
      headers: target('CreateCluster'),
      body: JSON.stringify({ HsmType: 'hsm2m.medium', SubnetIds: [subnets[1]!.SubnetId] }),
    });
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
