/**
 * AWS mode, signing and credentials: the dashboard signs with SigV4 what the browser sends, for the region in
 * the path, against the standalone emulator started with --credentials (it verifies real signatures); a
 * credential problem becomes advice naming the profile and the fix. No test reaches the internet; every answer
 * and log line is searched for credentials when the file ends (awsProxyHarness).
 */
import { CreateClusterCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import type { AwsCredentialIdentity } from '@smithy/types';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorServer, type RunningEmulator } from '../../emulator/node/server';
import { seededSubnets } from '../../emulator/testing/harness';
import { awsCall, JSON11, jsonOf, startFakeUpstream } from '../testing';
import { browserClient, CREDENTIALS, awsProxyHarness, withEnv } from '../testing/awsProxy';

const { proxy, record } = awsProxyHarness();

describe('signing, end to end against the emulator that verifies SigV4', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startEmulatorServer({ port: 0, seed: 'empty', credentials: CREDENTIALS, tickMillis: 50 });
  });
  afterAll(() => emulator.close());

  it('DescribeClusters and CreateCluster through the proxy, signed with the server-side credentials', async () => {
    const t = await proxy({ endpointUrl: emulator.url, credentials: async () => CREDENTIALS });
    const client = browserClient(t.url);
    try {
      expect((await client.send(new DescribeClustersCommand({}))).Clusters).toEqual([]);
      const subnets = await seededSubnets(emulator.url);
      const created = await client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId) }));
      expect(created.Cluster?.ClusterId).toMatch(/^cluster-[a-z2-7]{11}$/);
      const listed = await client.send(new DescribeClustersCommand({}));
      expect(listed.Clusters?.map((c) => c.ClusterId)).toEqual([created.Cluster?.ClusterId]);
    } finally {
      client.destroy();
    }
  });

  it('signs for the region in the path', async () => {
    const t = await proxy({ endpointUrl: emulator.url, credentials: async () => CREDENTIALS });
    const response = record(await awsCall(t.url, 'eu-west-1', 'DescribeClusters'));
    expect(response.status).toBe(200);
    expect(jsonOf(response)['Clusters']).toEqual([]); // eu-west-1 state: the cluster above is in us-east-1
  });

  it("wrong secret: the endpoint's InvalidSignatureException reaches the browser unchanged", async () => {
    const t = await proxy({ endpointUrl: emulator.url, credentials: async () => ({ ...CREDENTIALS, secretAccessKey: 'wrong-secret' }) });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe(JSON11);
    expect(jsonOf(response)).toEqual({
      __type: 'InvalidSignatureException',
      message:
        'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
    });
  });

  it('unknown access key: UnrecognizedClientException passes through', async () => {
    const t = await proxy({
      endpointUrl: emulator.url,
      credentials: async () => ({ ...CREDENTIALS, accessKeyId: 'AKIAUNKNOWN000000000' }),
    });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(403);
    expect(jsonOf(response)['__type']).toBe('UnrecognizedClientException');
  });
});

describe('credential problems become advice', () => {
  it('a provider that finds nothing: MissingAuthenticationTokenException naming the profile and the fix', async () => {
    const t = await proxy({
      profile: 'prod',
      endpointUrl: 'http://127.0.0.1:9',
      credentials: async () => {
        const error = new Error('Could not load credentials from any providers');
        error.name = 'CredentialsProviderError';
        throw error;
      },
    });
    const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(response.status).toBe(403);
    expect(response.headers['x-amzn-requestid']).toMatch(/\S/);
    expect(jsonOf(response)['__type']).toBe('MissingAuthenticationTokenException');
    expect(jsonOf(response)['message']).toMatch(/^No AWS credentials found for profile prod: run `aws sso login --profile prod`/);
    expect(jsonOf(response)['message']).toContain('Could not load credentials from any providers');
  });

  it('the real provider chain with a profile that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-config-'));
    writeFileSync(join(dir, 'config'), '[profile other]\nregion = eu-west-1\n');
    writeFileSync(join(dir, 'credentials'), '');
    const env = {
      AWS_CONFIG_FILE: join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_CONTAINER_CREDENTIALS_FULL_URI: undefined,
      AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: undefined,
      AWS_WEB_IDENTITY_TOKEN_FILE: undefined,
    };
    await withEnv(env, async () => {
      const upstream = await startFakeUpstream();
      const t = await proxy({ profile: 'prod', endpointUrl: upstream.url });
      const started = Date.now();
      const response = record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.status).toBe(403);
      expect(jsonOf(response)['message']).toMatch(/^No AWS credentials found for profile prod: run `aws sso login --profile prod`/);
      expect(jsonOf(response)['message']).toContain(
        `Profile prod is not defined in ${join(dir, 'config')} or ${join(dir, 'credentials')}: check the name.`,
      );
      expect(upstream.requests).toHaveLength(0);
      await upstream.close();
    });
  });

  it('expired credentials: ExpiredTokenException with the way to renew them', async () => {
    const t = await proxy({
      profile: 'prod',
      endpointUrl: 'http://127.0.0.1:9',
      credentials: async () => ({ ...CREDENTIALS, expiration: new Date(Date.now() - 60_000) }),
    });
    const body = jsonOf(record(await awsCall(t.url, 'us-east-1', 'DescribeClusters')));
    expect(body['__type']).toBe('ExpiredTokenException');
    expect(body['message']).toMatch(/The AWS credentials for profile prod have expired: run `aws sso login --profile prod`/);
  });

  it('credentials near expiry are fetched again before a call', async () => {
    const upstream = await startFakeUpstream();
    let calls = 0;
    const t = await proxy({
      endpointUrl: upstream.url,
      credentials: async (): Promise<AwsCredentialIdentity> => {
        calls += 1;
        // The first answer is about to expire; later ones last an hour.
        return {
          accessKeyId: `AKIAROTATED${String(calls).padStart(9, '0')}`,
          secretAccessKey: 'rotated',
          expiration: new Date(Date.now() + (calls === 1 ? 60_000 : 3_600_000)),
        };
      },
    });
    record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    record(await awsCall(t.url, 'us-east-1', 'DescribeClusters'));
    expect(calls).toBe(2);
    expect(upstream.requests.map((r) => /Credential=(\w+)\//.exec(String(r.headers['authorization']))?.[1])).toEqual([
      'AKIAROTATED000000002',
      'AKIAROTATED000000002',
    ]);
    await upstream.close();
  });
});
