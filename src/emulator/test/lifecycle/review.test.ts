/**
 * Edge cases found in review, and the HSM-type migration of the demo's hsm1.medium cluster.
 *
 * Lifecycles run over real HTTP, with the emulator clock moved forward through the admin route instead of
 * waiting. Durations are not hard-coded: `advanceUntil` steps the clock until the client sees the next state,
 * and the tests only check that the work took a realistic while ("a few minutes", cloudhsm-api.md §4.1).
 */
import {
  CreateClusterCommand,
  type CreateClusterCommandInput,
  CreateHsmCommand,
  DeleteHsmCommand,
  DescribeClustersCommand,
  InitializeClusterCommand,
  type Hsm,
} from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { signCsrWithTestCa } from '../../certs';
import { advanceUntil, cluster, describeCluster, emulatorNow, hsmOf } from '../../testing/api';
import { activeHsm as addActiveHsm, settledActiveCluster, uninitializedCluster as uninitialized } from '../../testing/clusters';
import { refused, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { admin, rawCall } from '../../testing/harness';

describe('edge cases found in review', () => {
  const env = useEmulator();

  it('InitializeCluster is refused once the only HSM is gone, even though the CSR is still shown', async () => {
    const clusterId = await uninitialized(env);
    const hsmId = await addActiveHsm(env, clusterId, env.subnets[0]!.AvailabilityZone);
    const csr = (await cluster(env, clusterId)).Certificates!.ClusterCsr!;
    await env.client.send(new DeleteHsmCommand({ ClusterId: clusterId, HsmId: hsmId }));
    await advanceUntil(env.url, async () => (await cluster(env, clusterId)).Hsms!.length === 0);
    const { signedCert, trustAnchor } = await signCsrWithTestCa(csr);
    await refused(
      env.client.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor })),
      'CloudHsmInvalidRequestException',
      /no ACTIVE HSM/,
    );
    expect((await cluster(env, clusterId)).State).toBe('UNINITIALIZED');
  });

  it('an IP address with leading zeros is the same address: it cannot be taken twice, and is shown canonically', async () => {
    const active = await settledActiveCluster(env);
    const az = env.subnets[1]!.AvailabilityZone;
    const { Hsm: first } = await env.client.send(
      new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: az, IpAddress: '10.0.2.040' }),
    );
    await advanceUntil(env.url, async () => (await hsmOf(env, active.clusterId, first!.HsmId!))?.State === 'ACTIVE');
    expect((await hsmOf(env, active.clusterId, first!.HsmId!))!.EniIp).toBe('10.0.2.40');
    await refused(
      env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: az, IpAddress: '10.0.2.40' })),
      'CloudHsmInvalidRequestException',
      /10\.0\.2\.40 is already in use/,
    );
  });

  it("a DUALSTACK cluster's HSMs get a well-formed IPv6 address", async () => {
    const { Cluster: created } = await env.client.send(
      new CreateClusterCommand({
        HsmType: 'hsm2m.medium',
        SubnetIds: env.subnets.map((s) => s.SubnetId),
        NetworkType: 'DUALSTACK',
      } as CreateClusterCommandInput),
    );
    await advanceUntil(env.url, async () => (await cluster(env, created!.ClusterId!)).State === 'UNINITIALIZED');
    const hsmId = await addActiveHsm(env, created!.ClusterId!, env.subnets[2]!.AvailabilityZone);
    // SDK 3.332 does not type EniIpV6, but passes Hsm members through.
    const v6 = ((await hsmOf(env, created!.ClusterId!, hsmId)) as Hsm & { EniIpV6?: string }).EniIpV6!;
    // Every group at most four hex digits, one '::'.
    expect(v6).toMatch(/^([0-9a-f]{1,4}:){1,6}(:[0-9a-f]{1,4}){1,6}$/);
    expect(v6.split('::')).toHaveLength(2);
  });

  it('advance-clock refuses absurd amounts and admin routes create no region for a refused call', async () => {
    await expect(admin(env.url, 'advance-clock', { seconds: 1e308 })).rejects.toThrow(/400/);
    await expect(admin(env.url, 'activate-cluster', { region: 'zz-bogus-1', clusterId: 'cluster-abcdefghijk' })).rejects.toThrow(/400/);
    await expect(admin(env.url, 'degrade-hsm', { region: 'ap-south-1', hsmId: 'hsm-abcdefghijk' })).rejects.toThrow(/400/);
    expect(env.running.emulator.store.peekRegion(env.running.emulator.config.account, 'ap-south-1')).toBeUndefined();
    expect(Number.isFinite(Number((await admin(env.url, 'clock'))['now']))).toBe(true);
  });

  it('admin routes refuse a request a browser sends from a web page', async () => {
    const response = await fetch(`${env.url}/_emulator/reset`, { method: 'POST', headers: { Origin: 'http://evil.example' }, body: '{}' });
    expect(response.status).toBe(403);
    expect(
      await describeCluster(env.client, (await env.client.send(new DescribeClustersCommand({}))).Clusters![0]!.ClusterId!),
    ).toBeDefined();
  });
});

describe("HSM-type migration of the demo's hsm1.medium cluster", () => {
  const env = useEmulator({ seed: 'demo' });

  it('no new hsm1.medium HSMs; migrate, then roll back within the window after the migration finished', async () => {
    const all = (await env.client.send(new DescribeClustersCommand({}))).Clusters!;
    const legacy = all.find((c) => c.HsmType === 'hsm1.medium' && c.State === 'ACTIVE')!;
    expect(legacy).toBeDefined();
    const az = Object.keys(legacy.SubnetMapping!)[0]!;
    await refused(
      env.client.send(new CreateHsmCommand({ ClusterId: legacy.ClusterId!, AvailabilityZone: az })),
      'CloudHsmInvalidRequestException',
      /end of support/,
    );
    const modify = (HsmType: string) => rawCall(env.url, 'ModifyCluster', { ClusterId: legacy.ClusterId, HsmType }, { region: REGION });
    const started = await modify('hsm2m.medium');
    expect(started.status).toBe(200);
    expect((started.body['Cluster'] as { State: string }).State).toBe('MODIFY_IN_PROGRESS');
    // Limited-write mode: no HSM deletes while it migrates.
    await refused(
      env.client.send(new DeleteHsmCommand({ ClusterId: legacy.ClusterId!, HsmId: legacy.Hsms![0]!.HsmId! })),
      'CloudHsmInvalidRequestException',
      /limited-write/,
    );
    await advanceUntil(env.url, async () => (await cluster(env, legacy.ClusterId!)).State === 'ACTIVE', { step: 600 });
    const migrated = await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [legacy.ClusterId] } }, { region: REGION });
    const after = (migrated.body['Clusters'] as { HsmType: string; HsmTypeRollbackExpiration: number }[])[0]!;
    expect(after.HsmType).toBe('hsm2m.medium');
    expect(after.HsmTypeRollbackExpiration).toBeGreaterThan(await emulatorNow(env.url));
    const rollback = await modify('hsm1.medium');
    expect(rollback.status).toBe(200);
    expect((rollback.body['Cluster'] as { State: string }).State).toBe('ROLLBACK_IN_PROGRESS');
  });
});
