/**
 * Emulator mode, accounts and quotas: `/aws/<account>/<region>` takes the emulator's account (the same as
 * `/aws/<region>`) and refuses any other, and what is not an account id; `GET /api/quotas` answers the
 * emulator's limits, with the same checks as the other /api routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_QUOTA, DEFAULT_HSM_QUOTA, HSMS_PER_CLUSTER } from '../../cloudhsm/quotas';
import { accountCall, awsCall, jsonOf, rawRequest, startTestServer, type TestServer } from '../testing';

const ACCOUNT = '111122223333';

describe('accounts in emulator mode', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: 'empty', account: ACCOUNT });
  });
  afterAll(() => t.server.close());

  it("/aws/<the emulator's account>/<region> is /aws/<region>", async () => {
    const created = await awsCall(t.url, 'eu-west-1', 'CreateCluster', {
      HsmType: 'hsm2m.medium',
      SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
    });
    expect(created.status).toBe(200);
    const listed = await accountCall(t.url, ACCOUNT, 'eu-west-1', 'DescribeClusters');
    expect(listed.status).toBe(200);
    expect(jsonOf(listed)['Clusters']).toEqual(jsonOf(await awsCall(t.url, 'eu-west-1', 'DescribeClusters'))['Clusters']);
  });

  it('refuses another account with 403 naming the one it knows, and what is not an account id with 400', async () => {
    const other = await accountCall(t.url, '999999999999', 'eu-west-1', 'DescribeClusters');
    expect(other.status).toBe(403);
    expect(other.headers['x-amzn-errortype']).toBe('AccessDeniedException');
    expect(jsonOf(other)['message']).toMatch(/^Account 999999999999 is not one this dashboard was started with \(it knows 111122223333\)/);
    for (const account of ['11112222333', 'x11122223333', '']) {
      const bad = await accountCall(t.url, account, 'eu-west-1', 'DescribeClusters');
      expect(bad.status, account).toBe(400);
      expect(jsonOf(bad)['message'], account).toMatch(/is not an AWS account id \(12 digits\)/);
    }
    // The other checks still come first: a bad region in a known account.
    expect(jsonOf(await accountCall(t.url, ACCOUNT, 'mars-1', 'DescribeClusters'))['message']).toMatch(/not a region with CloudHSM V2/);
  });

  it("GET /api/quotas answers the emulator's limits for a region, the base account's when none is named", async () => {
    const expected = {
      region: 'eu-west-1',
      account: ACCOUNT,
      clusters: DEFAULT_CLUSTER_QUOTA,
      hsms: DEFAULT_HSM_QUOTA,
      hsmsPerCluster: HSMS_PER_CLUSTER,
      source: 'emulator',
    };
    const response = await rawRequest(`${t.url}/api/quotas?region=eu-west-1`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(jsonOf(response)).toEqual(expected);
    expect(jsonOf(await rawRequest(`${t.url}/api/quotas?region=eu-west-1&account=${ACCOUNT}`))).toEqual(expected);
  });

  it('reports the quotas the embedded emulator was started with (--quota)', async () => {
    const raised = await startTestServer({ seed: 'empty', account: ACCOUNT, quotas: { clusters: 9 } });
    try {
      expect(jsonOf(await rawRequest(`${raised.url}/api/quotas?region=us-west-2`))).toMatchObject({
        clusters: 9,
        hsms: DEFAULT_HSM_QUOTA,
        source: 'emulator',
      });
    } finally {
      await raised.server.close();
    }
  });

  it('refuses /api/quotas for a bad region (400), a bad or unknown account (400, 403), another method (405) and another site (403)', async () => {
    const refusal = async (path: string, init: Parameters<typeof rawRequest>[1] = {}) => {
      const response = await rawRequest(`${t.url}${path}`, init);
      return { status: response.status, message: String(jsonOf(response)['message']) };
    };
    expect(await refusal('/api/quotas')).toMatchObject({ status: 400, message: expect.stringMatching(/is not a region with CloudHSM V2/) });
    expect(await refusal('/api/quotas?region=us-east-1&account=12')).toMatchObject({
      status: 400,
      message: expect.stringMatching(/not an AWS account id/),
    });
    expect(await refusal('/api/quotas?region=us-east-1&account=999999999999')).toMatchObject({
      status: 403,
      message: expect.stringMatching(/^Account 999999999999 is not one this dashboard was started with/),
    });
    expect((await refusal('/api/quotas?region=us-east-1', { method: 'POST' })).status).toBe(405);
    // /api/network takes the account the same way.
    expect((await refusal(`/api/network?region=us-east-1&account=999999999999`)).status).toBe(403);
    expect((await rawRequest(`${t.url}/api/network?region=us-east-1&account=${ACCOUNT}`)).status).toBe(200);
    expect((await refusal('/api/quotas?region=us-east-1', { headers: { Origin: 'https://evil.example' } })).status).toBe(403);
  });
});
