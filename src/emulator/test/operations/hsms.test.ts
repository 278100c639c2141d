/**
 * CreateHsm and DeleteHsm over real HTTP, as a client sees them: the answer's shape, every error the emulator
 * raises for them, and proof that a refused request changed nothing.
 */
import { CreateClusterCommand, CreateHsmCommand, DeleteHsmCommand, type Hsm } from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceUntil, allBackups, listedCluster as describeCluster, snapshot } from '../../testing/api';
import { activeCluster, activeHsm, createCluster, uninitializedCluster } from '../../testing/clusters';
import { refused, type Subnet, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { admin, rawCall } from '../../testing/harness';
import { ID } from '../../testing/operations';

// 28 HSMs in one cluster: far over AWS's default HSM quota (quotas.test.ts tests it).
const env = useEmulator({ quotas: { clusters: 100, hsms: 100 } });
let active: { clusterId: string; hsmId: string };
let otherCluster = '';
beforeAll(async () => {
  active = await activeCluster(env);
  otherCluster = await uninitializedCluster(env);
});

describe('CreateHsm', () => {
  it('CreateHsm returns the HSM in CREATE_IN_PROGRESS, without ENI fields yet, in the subnet of its AZ', async () => {
    const az = env.subnets[1]!;
    const { Hsm: hsm } = await env.client.send(
      new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: az.AvailabilityZone }),
    );
    expect(hsm!.HsmId).toMatch(ID.hsm);
    expect(hsm!.ClusterId).toBe(active.clusterId);
    expect(hsm!.AvailabilityZone).toBe(az.AvailabilityZone);
    expect(hsm!.SubnetId).toBe(az.SubnetId);
    expect(hsm!.State).toBe('CREATE_IN_PROGRESS');
    expect(hsm!.EniId).toBeUndefined();
    expect(hsm!.EniIp).toBeUndefined();
    const raw = (await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [active.clusterId] } }, { region: REGION })).body;
    const rawHsm = ((raw['Clusters'] as Record<string, unknown>[])[0]!['Hsms'] as Record<string, unknown>[]).find(
      (h) => h['HsmId'] === hsm!.HsmId,
    )!;
    expect(rawHsm['HsmType']).toBe('hsm2m.medium');
    expect(rawHsm).not.toHaveProperty('EniId');
  });

  it('CreateHsm with an IpAddress gives the HSM that address once it is ACTIVE', async () => {
    const network = await admin(env.url, `network?region=${REGION}`);
    const subnet = (network['subnets'] as (Subnet & { CidrBlock: string })[]).find((s) => s.SubnetId === env.subnets[2]!.SubnetId)!;
    const ip = subnet.CidrBlock.replace(/\.0\/24$/, '.77');
    const { Hsm: hsm } = await env.client.send(
      new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: subnet.AvailabilityZone, IpAddress: ip }),
    );
    await advanceUntil(
      env.url,
      async () => (await describeCluster(env.client, active.clusterId)).Hsms!.find((h) => h.HsmId === hsm!.HsmId)!.State === 'ACTIVE',
    );
    const described = (await describeCluster(env.client, active.clusterId)).Hsms!.find((h) => h.HsmId === hsm!.HsmId)!;
    expect(described.EniIp).toBe(ip);
    expect(described.EniId).toMatch(ID.eni);
    expect(described.StateMessage).toBe('HSM created.');
  });

  it('CreateHsm refuses unknown clusters, unmapped AZs, bad or taken addresses and clusters not ready for HSMs', async () => {
    const cluster = await describeCluster(env.client, active.clusterId);
    const taken = cluster.Hsms!.find((h) => h.EniIp !== undefined)!;
    const creating = (await createCluster(env, { subnets: [env.subnets[0]!] })).ClusterId!;
    const before = await snapshot(env);
    const create = (input: { ClusterId?: string; AvailabilityZone?: string; IpAddress?: string }) =>
      env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: env.subnets[0]!.AvailabilityZone, ...input }));
    await refused(create({ ClusterId: 'cluster-zzzzzzzzzzz' }), 'CloudHsmResourceNotFoundException', /cluster-zzzzzzzzzzz was not found/);
    await refused(create({ AvailabilityZone: 'us-east-1f' }), 'CloudHsmInvalidRequestException', /us-east-1f is not in the subnet mapping/);
    await refused(create({ AvailabilityZone: 'mars-1a' }), 'CloudHsmInvalidRequestException', /availabilityZone.*regular expression/);
    await refused(
      create({ AvailabilityZone: taken.AvailabilityZone, IpAddress: '192.168.1.10' }),
      'CloudHsmInvalidRequestException',
      /192\.168\.1\.10 is not a usable address/,
    );
    await refused(
      create({ AvailabilityZone: taken.AvailabilityZone, IpAddress: taken.EniIp! }),
      'CloudHsmInvalidRequestException',
      /already in use/,
    );
    await refused(create({ IpAddress: '10.0.1' }), 'CloudHsmInvalidRequestException', /ipAddress.*regular expression/);
    await refused(
      create({ ClusterId: creating }),
      'CloudHsmInvalidRequestException',
      /CREATE_IN_PROGRESS; HSMs can be added when the cluster is UNINITIALIZED or ACTIVE/,
    );
    expect(await snapshot(env)).toEqual(before);
  });
});

describe('DeleteHsm, and the HSM limit', () => {
  it('DeleteHsm by HsmId, EniId or EniIp returns the HsmId and the HSM goes DELETE_IN_PROGRESS', async () => {
    // Two more ACTIVE HSMs, so three can be deleted three ways.
    const extra = [
      await activeHsm(env, active.clusterId, env.subnets[0]!.AvailabilityZone),
      await activeHsm(env, active.clusterId, env.subnets[1]!.AvailabilityZone),
    ];
    const hsms = (await describeCluster(env.client, active.clusterId)).Hsms!.filter((h) => h.State === 'ACTIVE');
    expect(hsms.length).toBeGreaterThanOrEqual(3);
    const [byId, byEni, byIp] = hsms.slice(-3) as [Hsm, Hsm, Hsm];
    expect(extra).toContain(byIp.HsmId);
    expect((await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: byId.HsmId }))).HsmId).toBe(byId.HsmId);
    expect((await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, EniId: byEni.EniId }))).HsmId).toBe(byEni.HsmId);
    expect((await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, EniIp: byIp.EniIp }))).HsmId).toBe(byIp.HsmId);
    const after = await describeCluster(env.client, active.clusterId);
    for (const h of [byId, byEni, byIp]) expect(after.Hsms!.find((x) => x.HsmId === h.HsmId)?.State).toBe('DELETE_IN_PROGRESS');
  });

  it('DeleteHsm refuses unknown clusters and HSMs, a missing selector, and HSMs that are not ACTIVE', async () => {
    const cluster = await describeCluster(env.client, active.clusterId);
    const deleting = cluster.Hsms!.find((h) => h.State === 'DELETE_IN_PROGRESS')!;
    const creating = (
      await env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: env.subnets[2]!.AvailabilityZone }))
    ).Hsm!;
    const before = await snapshot(env);
    const del = (input: { ClusterId?: string; HsmId?: string; EniId?: string; EniIp?: string }) =>
      env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, ...input }));
    await refused(
      del({ ClusterId: 'cluster-zzzzzzzzzzz', HsmId: active.hsmId }),
      'CloudHsmResourceNotFoundException',
      /cluster-zzzzzzzzzzz was not found/,
    );
    await refused(del({ HsmId: 'hsm-zzzzzzzzzzz' }), 'CloudHsmResourceNotFoundException', /hsm-zzzzzzzzzzz was not found in cluster/);
    await refused(del({ EniId: 'eni-0123456789abcdef0' }), 'CloudHsmResourceNotFoundException', /eni-0123456789abcdef0 was not found/);
    await refused(del({ EniIp: '10.9.9.9' }), 'CloudHsmResourceNotFoundException', /10\.9\.9\.9 was not found/);
    await refused(
      del({ ClusterId: otherCluster, HsmId: active.hsmId }),
      'CloudHsmResourceNotFoundException',
      new RegExp(`${active.hsmId} was not found in cluster ${otherCluster}`),
    );
    await refused(del({}), 'CloudHsmInvalidRequestException', /one of HsmId, EniId or EniIp/);
    await refused(del({ HsmId: deleting.HsmId }), 'CloudHsmInvalidRequestException', /DELETE_IN_PROGRESS; only an ACTIVE or DEGRADED HSM/);
    await refused(del({ HsmId: creating.HsmId }), 'CloudHsmInvalidRequestException', /CREATE_IN_PROGRESS; only an ACTIVE or DEGRADED HSM/);
    await refused(del({ HsmId: 'hsm-1' }), 'CloudHsmInvalidRequestException', /hsmId.*regular expression/);
    expect(await snapshot(env)).toEqual(before);
  });

  it('CreateHsm refuses a 29th HSM in a cluster (the hard per-cluster limit)', async () => {
    // A cluster restored from a backup is ACTIVE without HSMs and has no one-HSM-before-activation rule.
    const backupId = (await allBackups(env.client, { states: ['READY'] }))[0]!.BackupId!;
    const { Cluster: created } = await env.client.send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: env.subnets.map((s) => s.SubnetId), SourceBackupId: backupId }),
    );
    const clusterId = created!.ClusterId!;
    await advanceUntil(env.url, async () => (await describeCluster(env.client, clusterId)).State === 'ACTIVE');
    for (let i = 0; i < 28; i++) {
      await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[i % 3]!.AvailabilityZone }));
    }
    expect((await describeCluster(env.client, clusterId)).Hsms).toHaveLength(28);
    const before = await snapshot(env);
    await refused(
      env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[0]!.AvailabilityZone })),
      'CloudHsmResourceLimitExceededException',
      /already has 28 HSMs, the most a cluster can have/,
    );
    expect(await snapshot(env)).toEqual(before);
  });
});
