/**
 * AWS mode, /api/session: what the SPA learns about the session (mode, profile, regions, endpoint), never a
 * credential; the regions default to the profile's; each region's real endpoint by default.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jsonOf, rawRequest } from '../testing';
import { CREDENTIALS, SESSION_TOKEN, awsProxyHarness, withEnv } from '../testing/awsProxy';
import { endpointFor } from './upstream';

const { proxy, record } = awsProxyHarness();

describe('/api/session in aws mode', () => {
  it('says aws, the profile, the regions and the endpoint, and never a credential', async () => {
    const t = await proxy({
      profile: 'prod',
      regions: ['eu-west-1', 'us-east-1'],
      endpointUrl: 'http://127.0.0.1:9/',
      credentials: async () => ({ ...CREDENTIALS, sessionToken: SESSION_TOKEN }),
    });
    const response = record(await rawRequest(`${t.url}/api/session`));
    expect(response.headers['cache-control']).toBe('no-store');
    const session = jsonOf(response);
    expect(session).toMatchObject({
      mode: 'aws',
      profile: 'prod',
      regions: ['eu-west-1', 'us-east-1'],
      readOnly: false,
      endpoint: 'http://127.0.0.1:9/',
    });
    expect(session['availableRegions']).toContain('us-gov-west-1');
    expect(session['accountId']).toBeUndefined(); // STS at the endpoint (nothing listens there) did not answer
    expect(session['identity']).toBeUndefined();
  });

  it("defaults the regions to the profile's configured region", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
    writeFileSync(join(dir, 'config'), '[default]\nregion = us-west-2\n[profile prod]\noutput = json\nregion = ap-northeast-1\n');
    await withEnv({ AWS_CONFIG_FILE: join(dir, 'config'), AWS_REGION: undefined, AWS_DEFAULT_REGION: undefined }, async () => {
      const t = await proxy({ profile: 'prod', endpointUrl: 'http://127.0.0.1:9/', credentials: async () => CREDENTIALS });
      expect(jsonOf(await rawRequest(`${t.url}/api/session`))['regions']).toEqual(['ap-northeast-1']);
    });
  });

  it('uses the real CloudHSM endpoint of each region by default', () => {
    expect(endpointFor('eu-west-1', undefined).href).toBe('https://cloudhsmv2.eu-west-1.amazonaws.com/');
    expect(endpointFor('us-gov-west-1', undefined).href).toBe('https://cloudhsmv2.us-gov-west-1.amazonaws.com/');
  });
});
