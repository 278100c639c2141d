/** startDashboardServer in emulator mode: the session it reports, the emulator handle, start-up failures. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOUDHSM_REGIONS } from '../cloudhsm/regions';
import { startDashboardServer } from './app';
import { awsCall, jsonOf, makeDist, rawRequest, startTestServer, type TestServer } from './testing';

describe('/api/session in emulator mode', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer({ seed: 'empty', account: '111122223333' });
  });
  afterAll(() => t.server.close());

  it('reports the emulator, its account and user, every CloudHSM region, and the demo regions while none has clusters', async () => {
    const session = jsonOf(await rawRequest(`${t.url}/api/session`));
    expect(session).toEqual({
      mode: 'emulator',
      regions: ['us-east-1', 'us-west-2', 'eu-west-1'],
      readOnly: false,
      accountId: '111122223333',
      identity: { arn: 'arn:aws:iam::111122223333:user/dashboard-demo', kind: 'user', principal: 'dashboard-demo' },
      availableRegions: [...CLOUDHSM_REGIONS],
      residencyTagKey: 'data-residency',
      accounts: [{ id: '111122223333', label: 'base', source: 'base', arn: 'arn:aws:iam::111122223333:user/dashboard-demo' }],
    });
    expect(t.server.mode).toBe('emulator');
    expect(t.server.emulator?.config.account).toBe('111122223333');
  });

  it('then the regions that have clusters', async () => {
    const created = await awsCall(t.url, 'ap-south-1', 'CreateCluster', {
      HsmType: 'hsm2m.medium',
      SubnetIds: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
    });
    expect(created.status).toBe(200);
    expect(jsonOf(await rawRequest(`${t.url}/api/session`))['regions']).toEqual(['ap-south-1']);
  });

  it('tells the page the poll period --poll-seconds set, and nothing without it', async () => {
    expect(jsonOf(await rawRequest(`${t.url}/api/session`))).not.toHaveProperty('pollSeconds');
    const custom = await startTestServer({ seed: 'empty', pollSeconds: 2 });
    try {
      expect(jsonOf(await rawRequest(`${custom.url}/api/session`))['pollSeconds']).toBe(2);
    } finally {
      await custom.server.close();
    }
  });

  it('names the residency tag key --residency-tag-key set', async () => {
    const custom = await startTestServer({ seed: 'empty', residencyTagKey: 'keep-in' });
    try {
      expect(jsonOf(await rawRequest(`${custom.url}/api/session`))['residencyTagKey']).toBe('keep-in');
    } finally {
      await custom.server.close();
    }
  });

  it('answers only GET', async () => {
    const response = await rawRequest(`${t.url}/api/session`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers['allow']).toBe('GET');
  });
});

describe('startDashboardServer', () => {
  it('speeds the emulator up (default 60) so a new cluster settles in seconds', async () => {
    const t = await startTestServer({ seed: 'empty' });
    try {
      expect(t.server.emulator?.config.speed).toBe(60);
    } finally {
      await t.server.close();
    }
  });

  it('rejects when the port is taken, and tells why', async () => {
    const t = await startTestServer({ seed: 'empty' });
    try {
      await expect(startDashboardServer({ port: t.server.port, seed: 'empty', distDir: makeDist(), log: () => {} })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await t.server.close();
    }
  });

  it('without a built SPA, says how to build it', async () => {
    const t = await startTestServer({ seed: 'empty', distDir: '/nonexistent-dist' });
    try {
      const response = await rawRequest(`${t.url}/`);
      expect(response.status).toBe(503);
      expect(response.body).toMatch(/npm run build/);
    } finally {
      await t.server.close();
    }
  });
});
