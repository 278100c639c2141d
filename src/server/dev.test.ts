/** `npm run dev`: Vite's dev server with the plugin from vite.config.ts mounts the same API and checks. */
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type ViteDevServer } from 'vite';
import { DEV_ARGS_ENV } from './vitePlugin';
import { awsCall, jsonOf, rawRequest } from './testing';

describe('the Vite dev server plugin', () => {
  let vite: ViteDevServer;
  let url: string;
  beforeAll(async () => {
    process.env[DEV_ARGS_ENV] = JSON.stringify(['--seed', 'empty', '--in-memory', '--read-only']);
    vite = await createServer({
      configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', hmr: false, watch: null },
    });
    await vite.listen();
    url = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await vite.close();
    delete process.env[DEV_ARGS_ENV];
  });

  it('serves /api/session with the flags given to npm run dev', async () => {
    const response = await rawRequest(`${url}/api/session`);
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    expect(jsonOf(response)).toMatchObject({ mode: 'emulator', readOnly: true });
  });

  it('answers /aws/<region> from the emulator, with the same checks', async () => {
    expect((await awsCall(url, 'us-east-1', 'DescribeClusters')).status).toBe(200);
    expect(jsonOf(await awsCall(url, 'us-east-1', 'DeleteCluster', { ClusterId: 'cluster-abcdefghijk' }))['message']).toMatch(
      /--read-only: DeleteCluster/,
    );
    expect((await awsCall(url, 'us-east-1', 'DescribeClusters', {}, { Origin: 'https://evil.example' })).status).toBe(403);
    const rebound = await rawRequest(`${url}/api/session`, { headers: { Host: 'rebind.example' } });
    expect(rebound.status).toBeGreaterThanOrEqual(400);
    expect(rebound.body).not.toContain('availableRegions');
  });

  it('leaves everything else to Vite (the SPA with hot reload)', async () => {
    const response = await rawRequest(`${url}/`);
    expect(response.status).toBe(200);
    expect(response.body).toContain('/@vite/client');
  });
});
