import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDashboardServer } from '../server/app';
import { fetchSession } from './session';

describe('fetchSession', () => {
  let server: Awaited<ReturnType<typeof startDashboardServer>>;
  beforeAll(async () => {
    server = await startDashboardServer({ port: 0, seed: 'demo', readOnly: true, log: () => {} });
  });
  afterAll(() => server.close());

  it('reads mode, regions, read-only and account from the server', async () => {
    const session = await fetchSession(server.url);
    expect(session.mode).toBe('emulator');
    expect(session.readOnly).toBe(true);
    expect(session.accountId).toBe('123456789012');
    expect(session.regions).toEqual(expect.arrayContaining(['us-east-1', 'us-west-2', 'eu-west-1']));
    expect(session.availableRegions).toContain('ap-southeast-1');
  });

  it('fails clearly when something other than the dashboard server answers', async () => {
    // The SPA fallback answers HTML for unknown paths.
    await expect(fetchSession(`${server.url}/not-the-api`)).rejects.toThrow(/did not answer JSON/);
  });
});
