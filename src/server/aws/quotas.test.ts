/**
 * AWS mode, `GET /api/quotas`: Service Quotas (ListServiceQuotas, ServiceCode cloudhsm) signed with the
 * account's credentials and kept 10 minutes; AWS's defaults, said as such, when it cannot be asked (no
 * permission, --endpoint-url without a Service Quotas endpoint). The endpoint is a fake; nothing reaches AWS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON11, jsonOf, rawRequest, startFakeUpstream, type FakeUpstream } from '../testing';
import { awsProxyHarness, CREDENTIALS } from '../testing/awsProxy';
import { limitsFromQuotas } from './quotas';

const { proxy, record } = awsProxyHarness();

describe('limitsFromQuotas', () => {
  it("reads CloudHSM's limits by their names, not their codes", () => {
    expect(
      limitsFromQuotas([
        { QuotaName: 'Clusters', Value: 10 },
        { QuotaName: 'HSMs', Value: 20 },
        { QuotaName: 'HSMs per cluster', Value: 28 },
        { QuotaName: 'Something else', Value: 1 },
        { QuotaName: 'Clusters', Value: undefined },
      ]),
    ).toEqual({ clusters: 10, hsms: 20, hsmsPerCluster: 28 });
    expect(limitsFromQuotas([])).toEqual({});
  });
});

describe('/api/quotas in aws mode', () => {
  let quotas: FakeUpstream;
  beforeAll(async () => {
    quotas = await startFakeUpstream();
  });
  afterAll(() => quotas.close());

  const start = () =>
    proxy({
      endpointUrl: 'http://127.0.0.1:9/',
      serviceQuotasEndpoint: quotas.url,
      credentials: async () => CREDENTIALS,
      lookUpAccount: false,
    });

  it('asks Service Quotas, signed for servicequotas in the region, and keeps the answer', async () => {
    quotas.requests.length = 0;
    quotas.respond = (_req, res) => {
      res.writeHead(200, { 'Content-Type': JSON11 });
      res.end(JSON.stringify({ Quotas: [{ QuotaName: 'Clusters', Value: 12, QuotaCode: 'L-X' }] }));
    };
    const t = await start();
    const answer = jsonOf(record(await rawRequest(`${t.url}/api/quotas?region=eu-west-2`)));
    expect(answer).toEqual({
      region: 'eu-west-2',
      account: '',
      clusters: 12,
      hsms: 6,
      hsmsPerCluster: 28,
      source: 'service-quotas',
      note: "Service Quotas lists no applied value for hsms: AWS's default shown.",
    });
    expect(quotas.requests).toHaveLength(1);
    const sent = quotas.requests[0]!;
    expect(sent.headers['x-amz-target']).toBe('ServiceQuotasV20190624.ListServiceQuotas');
    expect(sent.headers['authorization']).toMatch(
      new RegExp(`Credential=${CREDENTIALS.accessKeyId}/\\d{8}/eu-west-2/servicequotas/aws4_request`),
    );
    expect(JSON.parse(sent.body)).toMatchObject({ ServiceCode: 'cloudhsm' });
    await rawRequest(`${t.url}/api/quotas?region=eu-west-2`);
    expect(quotas.requests).toHaveLength(1);
  });

  it("answers AWS's defaults with the reason when the permission is missing", async () => {
    quotas.respond = (_req, res) => {
      res.writeHead(400, { 'Content-Type': JSON11 });
      res.end(
        JSON.stringify({ __type: 'AccessDeniedException', Message: 'User is not authorized to perform: servicequotas:ListServiceQuotas' }),
      );
    };
    const t = await start();
    expect(jsonOf(record(await rawRequest(`${t.url}/api/quotas?region=us-east-1`)))).toEqual({
      region: 'us-east-1',
      account: '',
      clusters: 4,
      hsms: 6,
      hsmsPerCluster: 28,
      source: 'aws-default',
      note: "No servicequotas:ListServiceQuotas permission; showing AWS's defaults.",
    });
  });

  it("answers AWS's defaults with --endpoint-url, where Service Quotas cannot be asked", async () => {
    const t = await proxy({ endpointUrl: 'http://127.0.0.1:9/', credentials: async () => CREDENTIALS, lookUpAccount: false });
    expect(jsonOf(record(await rawRequest(`${t.url}/api/quotas?region=us-east-1`)))).toMatchObject({
      source: 'aws-default',
      clusters: 4,
      note: expect.stringContaining('(--endpoint-url), where Service Quotas cannot be asked'),
    });
  });
});
