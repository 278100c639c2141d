/**
 * POST /api/emulator/activate-cluster: the emulator's stand-in for `cloudhsm-cli cluster activate`. It takes an
 * INITIALIZED cluster to ACTIVE; anything else is refused with the emulator's error and changes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsCall, jsonOf, rawRequest, startTestServer, type TestServer } from '../testing';

const REGION = 'eu-west-1';
const activate = (t: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  rawRequest(`${t.url}/api/emulator/activate-cluster`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function clusterNamed(t: TestServer, name: string): Promise<{ ClusterId: string; State: string }> {
  const clusters = jsonOf(await awsCall(t.url, REGION, 'DescribeClusters', {}))['Clusters'] as {
    ClusterId: string;
    State: string;
    TagList?: { Key: string; Value: string }[];
  }[];
  const found = clusters.find((c) => c.TagList?.some((tag) => tag.Key === 'Name' && tag.Value === name));
  if (!found) throw new Error(`no demo cluster ${name}`);
  return found;
}

describe('/api/emulator/activate-cluster', () => {
  let t: TestServer;
  let readOnly: TestServer;
  beforeAll(async () => {
    [t, readOnly] = await Promise.all([startTestServer({ seed: 'demo' }), startTestServer({ seed: 'demo', readOnly: true })]);
  });
  afterAll(async () => {
    await Promise.all([t.server.close(), readOnly.server.close()]);
  });

  it('refuses a read-only session, another site, other methods and bad bodies, changing nothing', async () => {
    const { ClusterId } = await clusterNamed(readOnly, 'code-signing-staging');
    const refused = await activate(readOnly, { region: REGION, clusterId: ClusterId });
    expect(jsonOf(refused)).toMatchObject({ __type: 'CloudHsmAccessDeniedException', message: expect.stringMatching(/--read-only/) });
    expect((await clusterNamed(readOnly, 'code-signing-staging')).State).toBe('INITIALIZED');

    const { host } = new URL(t.url);
    expect((await activate(t, { region: REGION, clusterId: ClusterId }, { Host: host, Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rawRequest(`${t.url}/api/emulator/activate-cluster`)).status).toBe(405);
    const notJson = await rawRequest(`${t.url}/api/emulator/activate-cluster`, { method: 'POST', body: 'region=eu-west-1' });
    expect(notJson.status).toBe(400);
    expect(jsonOf(notJson)['__type']).toBe('SerializationException');
    expect((await activate(t, { region: 'mars-east-1', clusterId: ClusterId })).status).toBe(400);
    expect((await clusterNamed(t, 'code-signing-staging')).State).toBe('INITIALIZED');
  });

  it('refuses a cluster that is not INITIALIZED or does not exist, with the emulator error', async () => {
    const active = await clusterNamed(t, 'payments-prod-eu').catch(() => null);
    const clusters = jsonOf(await awsCall(t.url, REGION, 'DescribeClusters', {}))['Clusters'] as { ClusterId: string; State: string }[];
    const notInitialized = active ?? clusters.find((c) => c.State !== 'INITIALIZED')!;
    const wrongState = await activate(t, { region: REGION, clusterId: notInitialized.ClusterId });
    expect(wrongState.status).toBe(400);
    expect(jsonOf(wrongState)).toMatchObject({
      __type: 'CloudHsmInvalidRequestException',
      message: expect.stringMatching(/only an INITIALIZED cluster can be activated/),
    });
    const missing = await activate(t, { region: REGION, clusterId: 'cluster-aaaaaaaaaaa' });
    expect(missing.status).toBe(400);
    expect(jsonOf(missing)['__type']).toBe('CloudHsmResourceNotFoundException');
  });

  it('takes an INITIALIZED cluster to ACTIVE', async () => {
    const { ClusterId } = await clusterNamed(t, 'code-signing-staging');
    const answer = await activate(t, { region: REGION, clusterId: ClusterId });
    expect(answer.status).toBe(200);
    expect((await clusterNamed(t, 'code-signing-staging')).State).toBe('ACTIVE');
  });
});
