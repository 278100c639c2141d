/**
 * CreateCluster over real HTTP, as a client sees it: the answer's shape, every error
 * the emulator raises for it (SDK error name, HTTP 400, a message saying what is wrong), and proof that a
 * refused request changed nothing.
 */
import { CreateClusterCommand } from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { emulatorNow, listedCluster as describeCluster, snapshot } from '../../testing/api';
import { createCluster, sendCreateCluster, type ClusterRequest } from '../../testing/clusters';
import { refused, type Subnet, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { admin, rawCall } from '../../testing/harness';
import { arnOf, expectRecentDate, ID, rawRefused } from '../../testing/operations';

// This file creates far more clusters in one region than AWS's default quota (quotas.test.ts tests it).
const env = useEmulator({ quotas: { clusters: 1000 } });

describe('CreateCluster', () => {
  it('creates a cluster in CREATE_IN_PROGRESS with the real response shape', async () => {
    const now = await emulatorNow(env.url);
    const tags = [{ Key: 'Environment', Value: 'test' }];
    const cluster = await createCluster(env, { tags });
    expect(cluster.ClusterId).toMatch(ID.cluster);
    expect(cluster.State).toBe('CREATE_IN_PROGRESS');
    expect(cluster.HsmType).toBe('hsm2m.medium');
    expect(cluster.BackupPolicy).toBe('DEFAULT');
    expect(cluster.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '90' });
    expect(cluster.Hsms).toEqual([]);
    expect(cluster.Certificates).toEqual({});
    expect(cluster.TagList).toEqual(tags);
    expectRecentDate(cluster.CreateTimestamp, now);
    // SubnetMapping: AZ name → subnet id, VpcId the subnets' VPC.
    expect(cluster.SubnetMapping).toEqual(Object.fromEntries(env.subnets.map((s) => [s.AvailabilityZone, s.SubnetId])));
    expect(cluster.VpcId).toBe(env.subnets[0]!.VpcId);
    expect(cluster.VpcId).toMatch(ID.vpc);

    const described = await describeCluster(env.client, cluster.ClusterId!);
    expect(described).toEqual(cluster);
  });

  it('sends epoch-second timestamps, Mode and NetworkType on the wire, and omits absent members', async () => {
    const response = await rawCall(
      env.url,
      'CreateCluster',
      {
        HsmType: 'hsm2m.medium',
        SubnetIds: [env.subnets[1]!.SubnetId],
        Mode: 'NON_FIPS',
        NetworkType: 'DUALSTACK',
        BackupRetentionPolicy: { Type: 'DAYS', Value: '30' },
      },
      { region: REGION },
    );
    expect(response.status).toBe(200);
    const cluster = response.body['Cluster'] as Record<string, unknown>;
    expect(typeof cluster['CreateTimestamp']).toBe('number');
    expect(Math.abs(Number(cluster['CreateTimestamp']) - (await emulatorNow(env.url)))).toBeLessThan(5);
    expect(cluster['Mode']).toBe('NON_FIPS');
    expect(cluster['NetworkType']).toBe('DUALSTACK');
    expect(cluster['BackupRetentionPolicy']).toEqual({ Type: 'DAYS', Value: '30' });
    expect(cluster['SubnetMapping']).toEqual({ [env.subnets[1]!.AvailabilityZone]: env.subnets[1]!.SubnetId });
    expect(cluster).not.toHaveProperty('TagList');
    expect(cluster).not.toHaveProperty('SourceBackupId');
    expect(Object.values(cluster)).not.toContain(null);

    // Defaults when omitted: FIPS, IPV4.
    const plain = await rawCall(
      env.url,
      'CreateCluster',
      { HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[2]!.SubnetId] },
      { region: REGION },
    );
    const plainCluster = plain.body['Cluster'] as Record<string, unknown>;
    expect(plainCluster['Mode']).toBe('FIPS');
    expect(plainCluster['NetworkType']).toBe('IPV4');
  });

  it('accepts subnet ids it has never seen and maps each to a distinct AZ of one VPC', async () => {
    const ids = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'];
    const { Cluster: cluster } = await env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: ids }));
    const mapping = cluster!.SubnetMapping!;
    expect(Object.values(mapping).sort()).toEqual(ids);
    expect(new Set(Object.keys(mapping)).size).toBe(2);
    for (const az of Object.keys(mapping)) expect(az).toMatch(/^us-east-1[a-f]$/);
    expect(cluster!.VpcId).toMatch(ID.vpc);
  });
});

describe('CreateCluster refuses invalid requests', () => {
  it('refuses invalid requests with CloudHsmInvalidRequestException and creates nothing', async () => {
    const before = await snapshot(env);
    const network = await admin(env.url, `network?region=${REGION}`);
    const [a, b] = env.subnets as [Subnet, Subnet];
    const defaultVpcSubnet = (network['subnets'] as Subnet[]).find((s) => s.VpcId !== a.VpcId)!;
    const create = (members: ClusterRequest) => sendCreateCluster(env, members);
    const cases: [Promise<unknown>, RegExp][] = [
      [create({ HsmType: 'hsm1.medium' }), /hsm1\.medium.*end of support/],
      [create({ HsmType: 'hsm9.huge' }), /hsm9\.huge is not supported/],
      [create({ HsmType: 'm5.large' }), /hsmType.*regular expression/],
      [create({ BackupRetentionPolicy: { Type: 'DAYS', Value: '6' } }), /between 7 and 379 days/],
      [create({ BackupRetentionPolicy: { Type: 'DAYS', Value: '380' } }), /between 7 and 379 days/],
      [create({ BackupRetentionPolicy: { Type: 'DAYS', Value: 'ten' } }), /backupRetentionPolicy\.value/],
      [create({ SubnetIds: [] }), /subnetIds.*length greater than or equal to 1/],
      [
        create({ SubnetIds: Array.from({ length: 11 }, (_, i) => `subnet-0${String(i).padStart(16, '0')}`) }),
        /subnetIds.*less than or equal to 10/,
      ],
      [create({ SubnetIds: ['subnet-xyz'] }), /subnetIds\.1\.member.*regular expression/],
      [create({ SubnetIds: [a.SubnetId, a.SubnetId] }), /listed more than once/],
      [create({ SubnetIds: [a.SubnetId, defaultVpcSubnet.SubnetId] }), /same VPC/],
      [
        create({
          TagList: [
            { Key: 'k', Value: '1' },
            { Key: 'k', Value: '2' },
          ],
        }),
        /"k" appears more than once/,
      ],
      [create({ TagList: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }), /tagList.*less than or equal to 50/],
      [create({ TagList: [{ Key: 'bad#key', Value: 'v' }] }), /tagList\.1\.member\.key.*regular expression/],
    ];
    for (const [promise, message] of cases) await refused(promise, 'CloudHsmInvalidRequestException', message);
    // Members the 3.332 SDK cannot send.
    rawRefused(
      await rawCall(env.url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [b.SubnetId], Mode: 'HALF_FIPS' }, { region: REGION }),
      'CloudHsmInvalidRequestException',
      /mode.*enum value set: \[FIPS, NON_FIPS\]/,
    );
    rawRefused(
      await rawCall(
        env.url,
        'CreateCluster',
        { HsmType: 'hsm2m.medium', SubnetIds: [b.SubnetId], NetworkType: 'IPV6' },
        { region: REGION },
      ),
      'CloudHsmInvalidRequestException',
      /networkType.*enum value set/,
    );
    rawRefused(
      await rawCall(env.url, 'CreateCluster', { SubnetIds: [b.SubnetId] }, { region: REGION }),
      'CloudHsmInvalidRequestException',
      /hsmType.*must not be null/,
    );

    expect(await snapshot(env)).toEqual(before);
    expect(await admin(env.url, `network?region=${REGION}`)).toEqual(network);
  });
});

describe('CreateCluster refuses what the service refuses', () => {
  it('refuses two subnets in one Availability Zone, without registering the unknown subnet', async () => {
    // An unknown subnet given with a seeded one joins the seeded subnet's VPC in another AZ...
    const [a] = env.subnets as [Subnet];
    const fresh = 'subnet-0bbbbbbbbbbbbbbb1';
    const first = await createCluster(env, { subnets: [a, { SubnetId: fresh, AvailabilityZone: '', VpcId: '', CidrBlock: '' }] });
    const freshAz = Object.entries(first.SubnetMapping!).find(([, id]) => id === fresh)![0];
    const seededInSameAz = env.subnets.find((s) => s.AvailabilityZone === freshAz)!;
    expect(seededInSameAz.SubnetId).not.toBe(fresh);
    // ...so the seeded subnet of that AZ and the now-known one collide.
    const before = await snapshot(env);
    await refused(
      env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [seededInSameAz.SubnetId, fresh] })),
      'CloudHsmInvalidRequestException',
      new RegExp(`both in ${freshAz}.*at most one subnet per Availability Zone`),
    );
    expect(await snapshot(env)).toEqual(before);
  });

  it('refuses reserved aws: tag keys with CloudHsmTagException', async () => {
    const before = await snapshot(env);
    await refused(
      sendCreateCluster(env, { TagList: [{ Key: 'aws:owner', Value: 'me' }] }),
      'CloudHsmTagException',
      /aws:.*reserved.*aws:owner/,
    );
    expect(await snapshot(env)).toEqual(before);
  });

  it('refuses an unknown SourceBackupId with CloudHsmResourceNotFoundException, and a backup in another region with InvalidRequest', async () => {
    const before = await snapshot(env);
    const create = (source: string) => sendCreateCluster(env, { SourceBackupId: source });
    await refused(create('backup-aaaaaaaaaaa'), 'CloudHsmResourceNotFoundException', /backup-aaaaaaaaaaa was not found/);
    await refused(create(arnOf('backup-aaaaaaaaaaa')), 'CloudHsmResourceNotFoundException', /backup-aaaaaaaaaaa was not found/);
    await refused(
      create(arnOf('backup-aaaaaaaaaaa', 'eu-west-1')),
      'CloudHsmInvalidRequestException',
      /is in eu-west-1.*Copy the backup first/,
    );
    await refused(create('backup-0123'), 'CloudHsmInvalidRequestException', /sourceBackupId.*regular expression/);
    expect(await snapshot(env)).toEqual(before);
  });
});
