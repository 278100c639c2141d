/**
 * Every CloudHSM V2 operation over real HTTP, the way a client sees it: the happy path with its response
 * shape, then every error the emulator can raise for that operation (SDK error name, HTTP 400, a message
 * that says what is wrong) and proof that a refused request changed nothing.
 *
 * The SDK (3.332) is used where it can express the call; rawCall covers the resource-policy operations,
 * inputs the SDK types lack (Mode, NetworkType, ModifyCluster.HsmType) and fields its deserializers drop
 * (Cluster.Mode/NetworkType, Backup.BackupArn/HsmType/Mode).
 */
import {
  CloudHSMV2ServiceException,
  CopyBackupToRegionCommand,
  CreateClusterCommand,
  CreateHsmCommand,
  DeleteBackupCommand,
  DeleteClusterCommand,
  DeleteHsmCommand,
  DescribeBackupsCommand,
  DescribeClustersCommand,
  InitializeClusterCommand,
  ListTagsCommand,
  ModifyBackupAttributesCommand,
  ModifyClusterCommand,
  RestoreBackupCommand,
  TagResourceCommand,
  UntagResourceCommand,
  paginateDescribeBackups,
  paginateDescribeClusters,
  type Backup,
  type CloudHSMV2Client,
  type Cluster,
  type Hsm,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Env, refused, type Subnet, TEST_REGION as REGION, useEmulator } from '../testing/env';
import { createCsr, generateKeyPair } from '../../pki';
import { signCsrWithTestCa } from '../certs';
import { DEFAULT_ACCOUNT } from '../emulator';
import type { EmulatorServerOptions, RunningEmulator } from '../node/server';
import { admin, advanceClock, rawCall, sdkClient, seededSubnets, startTestEmulator, type RawResponse } from '../testing/harness';
import type { BackupRecord } from '../types';
import { createClusterCommand } from '../../aws/extensions/inputs';

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

const ID = {
  cluster: /^cluster-[a-z2-7]{11}$/,
  hsm: /^hsm-[a-z2-7]{11}$/,
  backup: /^backup-[a-z2-7]{11}$/,
  sg: /^sg-[0-9a-f]{8,17}$/,
  eni: /^eni-[0-9a-f]{8,17}$/,
  vpc: /^vpc-[0-9a-f]{8,17}$/,
};
const PEM_CSR = /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n?$/;
const OTHER_ACCOUNT = '210987654321';
const DAY = 86_400;

async function emulatorNow(url: string): Promise<number> {
  const clock = await admin(url, 'clock');
  return Number(clock['now']);
}

/** Asserts that `promise` fails the way the SDK reports a CloudHSM client error. */

/** The same for a raw JSON 1.1 call. */
function rawRefused(response: RawResponse, type: string, message: RegExp): void {
  expect(response.status).toBe(400);
  expect(response.body['__type']).toBe(type);
  expect(String(response.body['message'] ?? response.body['Message'])).toMatch(message);
}

async function allClusters(client: CloudHSMV2Client): Promise<Cluster[]> {
  const out: Cluster[] = [];
  for await (const page of paginateDescribeClusters({ client, pageSize: 25 }, {})) out.push(...(page.Clusters ?? []));
  return out;
}

async function allBackups(client: CloudHSMV2Client, filters?: Record<string, string[]>): Promise<Backup[]> {
  const out: Backup[] = [];
  for await (const page of paginateDescribeBackups({ client, pageSize: 50 }, { Filters: filters })) out.push(...(page.Backups ?? []));
  return out;
}

async function describeCluster(client: CloudHSMV2Client, clusterId: string): Promise<Cluster> {
  const { Clusters } = await client.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
  expect(Clusters).toHaveLength(1);
  return Clusters![0]!;
}

async function describeBackup(client: CloudHSMV2Client, backupId: string): Promise<Backup | undefined> {
  const { Backups } = await client.send(new DescribeBackupsCommand({ Filters: { backupIds: [backupId] } }));
  return Backups?.[0];
}

/** Everything a client can see in a region: used to prove that a refused request changed nothing. */
async function snapshot(env: Env, region = REGION): Promise<{ clusters: Cluster[]; backups: Backup[] }> {
  const client = env.clientIn(region);
  return { clusters: await allClusters(client), backups: await allBackups(client) };
}

/** Advances the emulator clock in steps until `reached` holds; returns the emulator seconds it took. */
async function advanceUntil(url: string, reached: () => Promise<boolean>, step = 30, limit = 6 * 3600): Promise<number> {
  let elapsed = 0;
  while (!(await reached())) {
    if (elapsed >= limit) throw new Error(`condition not reached after ${limit} emulator seconds`);
    await advanceClock(url, step);
    elapsed += step;
  }
  return elapsed;
}

function expectRecentDate(date: Date | undefined, now: number, toleranceSeconds = 5): void {
  expect(date).toBeInstanceOf(Date);
  expect(date!.getUTCFullYear()).toBeGreaterThan(2000);
  expect(Math.abs(date!.getTime() / 1000 - now)).toBeLessThanOrEqual(toleranceSeconds);
}

async function createCluster(env: Env, opts: { subnets?: Subnet[]; tags?: Tag[]; region?: string } = {}): Promise<Cluster> {
  const subnets = opts.subnets ?? env.subnets;
  const { Cluster: cluster } = await env.clientIn(opts.region ?? REGION).send(
    new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId), TagList: opts.tags }),
  );
  return cluster!;
}

/** A cluster that has finished creating (UNINITIALIZED). */
async function uninitializedCluster(env: Env, opts: { subnets?: Subnet[]; tags?: Tag[] } = {}): Promise<string> {
  const { ClusterId } = await createCluster(env, opts);
  await advanceUntil(env.url, async () => (await describeCluster(env.client, ClusterId!)).State === 'UNINITIALIZED');
  return ClusterId!;
}

/** Adds an HSM and waits for it to be ACTIVE. */
async function activeHsm(env: Env, clusterId: string, az = env.subnets[0]!.AvailabilityZone): Promise<string> {
  const { Hsm: hsm } = await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: az }));
  await advanceUntil(env.url, async () => (await describeCluster(env.client, clusterId)).Hsms?.find((h) => h.HsmId === hsm!.HsmId)?.State === 'ACTIVE');
  return hsm!.HsmId!;
}

/** UNINITIALIZED cluster with an ACTIVE first HSM (so it has a CSR). */
async function clusterWithCsr(env: Env): Promise<{ clusterId: string; hsmId: string; csr: string }> {
  const clusterId = await uninitializedCluster(env);
  const hsmId = await activeHsm(env, clusterId);
  const csr = (await describeCluster(env.client, clusterId)).Certificates?.ClusterCsr;
  expect(csr).toMatch(PEM_CSR);
  return { clusterId, hsmId, csr: csr! };
}

/** An ACTIVE cluster with one ACTIVE HSM and a READY backup (from activation). */
async function activeCluster(env: Env): Promise<{ clusterId: string; hsmId: string; certificate: string }> {
  const { clusterId, hsmId, csr } = await clusterWithCsr(env);
  const { signedCert, trustAnchor } = await signCsrWithTestCa(csr);
  await env.client.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
  await advanceUntil(env.url, async () => (await describeCluster(env.client, clusterId)).State === 'INITIALIZED');
  await admin(env.url, 'activate-cluster', { region: REGION, clusterId });
  await advanceUntil(env.url, async () => (await allBackups(env.client, { clusterIds: [clusterId] })).some((b) => b.BackupState === 'READY'));
  return { clusterId, hsmId, certificate: signedCert };
}

/** Advances the clock until no backup of the region is still being created. */
async function settleBackups(env: Env): Promise<void> {
  await advanceUntil(env.url, async () => (await allBackups(env.client, { states: ['CREATE_IN_PROGRESS'] })).length === 0);
}

/** A 2048-bit RSA CSR that belongs to no cluster. */
async function foreignCsr(): Promise<string> {
  return createCsr('CN=not this cluster', await generateKeyPair());
}

const arnOf = (backupId: string, region = REGION, account = DEFAULT_ACCOUNT): string => `arn:aws:cloudhsm:${region}:${account}:backup/${backupId}`;

// ---------------------------------------------------------------------------------------------
// Clusters
// ---------------------------------------------------------------------------------------------

describe('CreateCluster', () => {
  const env = useEmulator();

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
    const response = await rawCall(env.url, 'CreateCluster', {
      HsmType: 'hsm2m.medium',
      SubnetIds: [env.subnets[1]!.SubnetId],
      Mode: 'NON_FIPS',
      NetworkType: 'DUALSTACK',
      BackupRetentionPolicy: { Type: 'DAYS', Value: '30' },
    }, { region: REGION });
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
    const plain = await rawCall(env.url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[2]!.SubnetId] }, { region: REGION });
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

  it('refuses invalid requests with CloudHsmInvalidRequestException and creates nothing', async () => {
    const before = await snapshot(env);
    const network = await admin(env.url, `network?region=${REGION}`);
    const [a, b] = env.subnets as [Subnet, Subnet];
    const defaultVpcSubnet = ((network['subnets'] as Subnet[]).find((s) => s.VpcId !== a.VpcId))!;
    const create = (input: Partial<{ HsmType: string; SubnetIds: string[]; BackupRetentionPolicy: { Type: 'DAYS'; Value: string }; TagList: Tag[] }>) =>
      env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [a.SubnetId], ...input }));
    const cases: [Promise<unknown>, RegExp][] = [
      [create({ HsmType: 'hsm1.medium' }), /hsm1\.medium.*end of support/],
      [create({ HsmType: 'hsm9.huge' }), /hsm9\.huge is not supported/],
      [create({ HsmType: 'm5.large' }), /hsmType.*regular expression/],
      [create({ BackupRetentionPolicy: { Type: 'DAYS', Value: '6' } }), /between 7 and 379 days/],
      [create({ BackupRetentionPolicy: { Type: 'DAYS', Value: '380' } }), /between 7 and 379 days/],
      [create({ BackupRetentionPolicy: { Type: 'DAYS', Value: 'ten' } }), /backupRetentionPolicy\.value/],
      [create({ SubnetIds: [] }), /subnetIds.*length greater than or equal to 1/],
      [create({ SubnetIds: Array.from({ length: 11 }, (_, i) => `subnet-0${String(i).padStart(16, '0')}`) }), /subnetIds.*less than or equal to 10/],
      [create({ SubnetIds: ['subnet-xyz'] }), /subnetIds\.1\.member.*regular expression/],
      [create({ SubnetIds: [a.SubnetId, a.SubnetId] }), /listed more than once/],
      [create({ SubnetIds: [a.SubnetId, defaultVpcSubnet.SubnetId] }), /same VPC/],
      [create({ TagList: [{ Key: 'k', Value: '1' }, { Key: 'k', Value: '2' }] }), /"k" appears more than once/],
      [create({ TagList: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }), /tagList.*less than or equal to 50/],
      [create({ TagList: [{ Key: 'bad#key', Value: 'v' }] }), /tagList\.1\.member\.key.*regular expression/],
    ];
    for (const [promise, message] of cases) await refused(promise, 'CloudHsmInvalidRequestException', message);
    // Members the 3.332 SDK cannot send.
    rawRefused(await rawCall(env.url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [b.SubnetId], Mode: 'HALF_FIPS' }, { region: REGION }),
      'CloudHsmInvalidRequestException', /mode.*enum value set: \[FIPS, NON_FIPS\]/);
    rawRefused(await rawCall(env.url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [b.SubnetId], NetworkType: 'IPV6' }, { region: REGION }),
      'CloudHsmInvalidRequestException', /networkType.*enum value set/);
    rawRefused(await rawCall(env.url, 'CreateCluster', { SubnetIds: [b.SubnetId] }, { region: REGION }), 'CloudHsmInvalidRequestException', /hsmType.*must not be null/);

    expect(await snapshot(env)).toEqual(before);
    expect(await admin(env.url, `network?region=${REGION}`)).toEqual(network);
  });

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
      env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], TagList: [{ Key: 'aws:owner', Value: 'me' }] })),
      'CloudHsmTagException',
      /aws:.*reserved.*aws:owner/,
    );
    expect(await snapshot(env)).toEqual(before);
  });

  it('refuses an unknown SourceBackupId with CloudHsmResourceNotFoundException, and a backup in another region with InvalidRequest', async () => {
    const before = await snapshot(env);
    const create = (source: string) =>
      env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: source }));
    await refused(create('backup-aaaaaaaaaaa'), 'CloudHsmResourceNotFoundException', /backup-aaaaaaaaaaa was not found/);
    await refused(create(arnOf('backup-aaaaaaaaaaa')), 'CloudHsmResourceNotFoundException', /backup-aaaaaaaaaaa was not found/);
    await refused(create(arnOf('backup-aaaaaaaaaaa', 'eu-west-1')), 'CloudHsmInvalidRequestException', /is in eu-west-1.*Copy the backup first/);
    await refused(create('backup-0123'), 'CloudHsmInvalidRequestException', /sourceBackupId.*regular expression/);
    expect(await snapshot(env)).toEqual(before);
  });
});

describe('DescribeClusters', () => {
  const env = useEmulator();
  const ids: string[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 3; i++) {
      ids.push((await createCluster(env)).ClusterId!);
      // Distinct creation times, so "oldest first" has one answer.
      await advanceClock(env.url, 1);
    }
  });

  it('lists the clusters of the caller region, oldest first, with ids, dates and states', async () => {
    const { Clusters, NextToken } = await env.client.send(new DescribeClustersCommand({}));
    expect(NextToken).toBeUndefined();
    expect(Clusters!.map((c) => c.ClusterId)).toEqual(ids);
    for (const c of Clusters!) {
      expect(c.State).toBe('CREATE_IN_PROGRESS');
      expect(c.CreateTimestamp!.getUTCFullYear()).toBeGreaterThan(2000);
    }
    // Another region is separate state.
    const west = await env.clientIn('us-west-2').send(new DescribeClustersCommand({}));
    expect(west.Clusters).toEqual([]);
  });

  it('filters by clusterIds, states and vpcIds; unknown ids simply match nothing', async () => {
    const byId = await env.client.send(new DescribeClustersCommand({ Filters: { clusterIds: [ids[1]!, 'cluster-zzzzzzzzzzz'] } }));
    expect(byId.Clusters!.map((c) => c.ClusterId)).toEqual([ids[1]]);
    const none = await env.client.send(new DescribeClustersCommand({ Filters: { clusterIds: ['cluster-zzzzzzzzzzz'] } }));
    expect(none.Clusters).toEqual([]);
    const creating = await env.client.send(new DescribeClustersCommand({ Filters: { states: ['CREATE_IN_PROGRESS'] } }));
    expect(creating.Clusters).toHaveLength(3);
    const active = await env.client.send(new DescribeClustersCommand({ Filters: { states: ['ACTIVE'] } }));
    expect(active.Clusters).toEqual([]);
    const vpc = await env.client.send(new DescribeClustersCommand({ Filters: { vpcIds: [env.subnets[0]!.VpcId] } }));
    expect(vpc.Clusters).toHaveLength(3);
  });

  it('refuses bad MaxResults, filter keys, filter values and tokens with CloudHsmInvalidRequestException', async () => {
    const describe = (input: ConstructorParameters<typeof DescribeClustersCommand>[0]) => env.client.send(new DescribeClustersCommand(input));
    await refused(describe({ MaxResults: 26 }), 'CloudHsmInvalidRequestException', /maxResults.*less than or equal to 25/);
    await refused(describe({ MaxResults: 0 }), 'CloudHsmInvalidRequestException', /maxResults.*greater than or equal to 1/);
    await refused(describe({ Filters: { clusterId: [ids[0]!] } }), 'CloudHsmInvalidRequestException', /Invalid filter key "clusterId".*clusterIds, vpcIds, states/);
    await refused(describe({ Filters: { states: ['RUNNING'] } }), 'CloudHsmInvalidRequestException', /RUNNING.*Valid values/);
    await refused(describe({ NextToken: 'garbage' }), 'CloudHsmInvalidRequestException', /NextToken is not valid/);
  });
});

describe('ModifyCluster', () => {
  const env = useEmulator();
  let clusterId = '';

  beforeAll(async () => {
    clusterId = await uninitializedCluster(env);
  });

  it('changes the backup retention policy immediately', async () => {
    const { Cluster: cluster } = await env.client.send(
      new ModifyClusterCommand({ ClusterId: clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '30' } }),
    );
    expect(cluster!.ClusterId).toBe(clusterId);
    expect(cluster!.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '30' });
    expect(cluster!.State).toBe('UNINITIALIZED');
    expect(cluster!.SecurityGroup).toMatch(ID.sg);
    expect((await describeCluster(env.client, clusterId)).BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '30' });
  });

  it('refuses unknown clusters, bad retention values, empty changes and HSM-type changes, changing nothing', async () => {
    const before = await snapshot(env);
    const modify = (days: string, id = clusterId) =>
      env.client.send(new ModifyClusterCommand({ ClusterId: id, BackupRetentionPolicy: { Type: 'DAYS', Value: days } }));
    await refused(modify('30', 'cluster-zzzzzzzzzzz'), 'CloudHsmResourceNotFoundException', /cluster-zzzzzzzzzzz was not found/);
    await refused(modify('6'), 'CloudHsmInvalidRequestException', /between 7 and 379 days; got 6/);
    await refused(modify('380'), 'CloudHsmInvalidRequestException', /between 7 and 379 days; got 380/);
    await refused(modify('1234'), 'CloudHsmInvalidRequestException', /backupRetentionPolicy\.value.*length less than or equal to 3/);
    await refused(modify('30', 'not-a-cluster'), 'CloudHsmInvalidRequestException', /clusterId.*regular expression/);
    rawRefused(await rawCall(env.url, 'ModifyCluster', { ClusterId: clusterId }, { region: REGION }), 'CloudHsmInvalidRequestException', /BackupRetentionPolicy, HsmType/);
    // A valid retention change is not applied when the HsmType part of the request is refused.
    rawRefused(
      await rawCall(env.url, 'ModifyCluster', { ClusterId: clusterId, HsmType: 'hsm1.medium', BackupRetentionPolicy: { Type: 'DAYS', Value: '45' } }, { region: REGION }),
      'CloudHsmInvalidRequestException',
      /HSM type can only be changed on an ACTIVE cluster/,
    );
    rawRefused(await rawCall(env.url, 'ModifyCluster', { ClusterId: clusterId, HsmType: 'medium' }, { region: REGION }), 'CloudHsmInvalidRequestException', /hsmType.*regular expression/);
    expect(await snapshot(env)).toEqual(before);
  });

  it('refuses to modify a cluster that is still being created', async () => {
    const { ClusterId } = await createCluster(env);
    const before = await snapshot(env);
    await refused(
      env.client.send(new ModifyClusterCommand({ ClusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '30' } })),
      'CloudHsmInvalidRequestException',
      /CREATE_IN_PROGRESS and cannot be modified now/,
    );
    expect(await snapshot(env)).toEqual(before);
  });
});

describe('DeleteCluster', () => {
  const env = useEmulator();

  it('deletes a cluster without HSMs: DELETE_IN_PROGRESS with the real StateMessage', async () => {
    const clusterId = await uninitializedCluster(env);
    const { Cluster: cluster } = await env.client.send(new DeleteClusterCommand({ ClusterId: clusterId }));
    expect(cluster!.ClusterId).toBe(clusterId);
    expect(cluster!.State).toBe('DELETE_IN_PROGRESS');
    expect(cluster!.StateMessage).toBe('The cluster is being deleted.');
    expect((await describeCluster(env.client, clusterId)).State).toBe('DELETE_IN_PROGRESS');
  });

  it('refuses unknown clusters, clusters with HSMs, and clusters in a transitional state, changing nothing', async () => {
    const withHsm = await uninitializedCluster(env);
    const hsmId = (await env.client.send(new CreateHsmCommand({ ClusterId: withHsm, AvailabilityZone: env.subnets[0]!.AvailabilityZone }))).Hsm!.HsmId!;
    const deleting = (await env.client.send(new DeleteClusterCommand({ ClusterId: await uninitializedCluster(env) }))).Cluster!.ClusterId!;
    const creating = (await createCluster(env)).ClusterId!;
    const before = await snapshot(env);
    const del = (id: string) => env.client.send(new DeleteClusterCommand({ ClusterId: id }));
    await refused(del('cluster-zzzzzzzzzzz'), 'CloudHsmResourceNotFoundException', /cluster-zzzzzzzzzzz was not found in us-east-1/);
    await refused(del(withHsm), 'CloudHsmInvalidRequestException', new RegExp(`contains 1 HSM.*${hsmId}.*Delete all HSMs`));
    await refused(del(creating), 'CloudHsmInvalidRequestException', /CREATE_IN_PROGRESS and cannot be deleted now/);
    await refused(del(deleting), 'CloudHsmInvalidRequestException', /DELETE_IN_PROGRESS and cannot be deleted now/);
    await refused(del('cluster-1111'), 'CloudHsmInvalidRequestException', /clusterId.*regular expression/);
    expect(await snapshot(env)).toEqual(before);
  });
});

describe('InitializeCluster', () => {
  const env = useEmulator();
  let target: { clusterId: string; hsmId: string; csr: string };

  beforeAll(async () => {
    target = await clusterWithCsr(env);
  });

  it('refuses unknown clusters, clusters without a CSR and clusters in other states', async () => {
    const { signedCert, trustAnchor } = await signCsrWithTestCa(target.csr);
    const noHsm = await uninitializedCluster(env);
    const creating = (await createCluster(env)).ClusterId!;
    const before = await snapshot(env);
    const init = (id: string) => env.client.send(new InitializeClusterCommand({ ClusterId: id, SignedCert: signedCert, TrustAnchor: trustAnchor }));
    await refused(init('cluster-zzzzzzzzzzz'), 'CloudHsmResourceNotFoundException', /cluster-zzzzzzzzzzz was not found/);
    await refused(init(noHsm), 'CloudHsmInvalidRequestException', /has no CSR yet.*create an HSM/);
    await refused(init(creating), 'CloudHsmInvalidRequestException', /CREATE_IN_PROGRESS; only an UNINITIALIZED cluster can be initialized/);
    expect(await snapshot(env)).toEqual(before);
  });

  it('refuses bad certificates with CloudHsmInvalidRequestException and the cluster stays UNINITIALIZED with its CSR', async () => {
    const good = await signCsrWithTestCa(target.csr);
    const other = await signCsrWithTestCa(await foreignCsr());
    const expired = await signCsrWithTestCa(target.csr, { notBefore: new Date(Date.now() - 30 * DAY * 1000), validDays: 1 });
    const before = await snapshot(env);
    const init = (signedCert: string, trustAnchor: string) =>
      env.client.send(new InitializeClusterCommand({ ClusterId: target.clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
    await refused(init(other.signedCert, other.trustAnchor), 'CloudHsmInvalidRequestException', /public key does not match the cluster CSR/);
    await refused(init(good.signedCert, good.signedCert), 'CloudHsmInvalidRequestException', /trust anchor is not self-signed/);
    await refused(init(expired.signedCert, expired.trustAnchor), 'CloudHsmInvalidRequestException', /expired/);
    await refused(init('hello world', good.trustAnchor), 'CloudHsmInvalidRequestException', /signed certificate.*not a PEM-encoded X\.509 certificate/);
    await refused(init(good.signedCert, target.csr), 'CloudHsmInvalidRequestException', /trust anchor.*CERTIFICATE REQUEST/);
    // The Cert pattern rejects ':' (PEM headers such as Proc-Type:).
    await refused(init(`Proc-Type: 4,ENCRYPTED\n${good.signedCert}`, good.trustAnchor), 'CloudHsmInvalidRequestException', /signedCert.*regular expression/);
    await refused(init('A'.repeat(20_001), good.trustAnchor), 'CloudHsmInvalidRequestException', /signedCert.*less than or equal to 20000/);
    rawRefused(await rawCall(env.url, 'InitializeCluster', { ClusterId: target.clusterId, SignedCert: good.signedCert }, { region: REGION }),
      'CloudHsmInvalidRequestException', /trustAnchor.*must not be null/);
    expect(await snapshot(env)).toEqual(before);
    const cluster = await describeCluster(env.client, target.clusterId);
    expect(cluster.State).toBe('UNINITIALIZED');
    expect(cluster.Certificates?.ClusterCsr).toBe(target.csr);
    expect(cluster.Certificates?.ClusterCertificate).toBeUndefined();
  });

  it('initializes with the CSR signed by a self-signed trust anchor: INITIALIZE_IN_PROGRESS and the real StateMessage', async () => {
    const { signedCert, trustAnchor } = await signCsrWithTestCa(target.csr);
    const response = await env.client.send(new InitializeClusterCommand({ ClusterId: target.clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
    expect(response.State).toBe('INITIALIZE_IN_PROGRESS');
    expect(response.StateMessage).toBe('Cluster is initializing. State will change to INITIALIZED upon completion.');
    expect((await describeCluster(env.client, target.clusterId)).State).toBe('INITIALIZE_IN_PROGRESS');

    // A second attempt is refused: the cluster is no longer UNINITIALIZED.
    const before = await snapshot(env);
    await refused(
      env.client.send(new InitializeClusterCommand({ ClusterId: target.clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor })),
      'CloudHsmInvalidRequestException',
      /INITIALIZE_IN_PROGRESS; only an UNINITIALIZED cluster/,
    );
    expect(await snapshot(env)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// HSMs
// ---------------------------------------------------------------------------------------------

describe('CreateHsm and DeleteHsm', () => {
  const env = useEmulator();
  let active: { clusterId: string; hsmId: string };
  let otherCluster = '';

  beforeAll(async () => {
    active = await activeCluster(env);
    otherCluster = await uninitializedCluster(env);
  });

  it('CreateHsm returns the HSM in CREATE_IN_PROGRESS, without ENI fields yet, in the subnet of its AZ', async () => {
    const az = env.subnets[1]!;
    const { Hsm: hsm } = await env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: az.AvailabilityZone }));
    expect(hsm!.HsmId).toMatch(ID.hsm);
    expect(hsm!.ClusterId).toBe(active.clusterId);
    expect(hsm!.AvailabilityZone).toBe(az.AvailabilityZone);
    expect(hsm!.SubnetId).toBe(az.SubnetId);
    expect(hsm!.State).toBe('CREATE_IN_PROGRESS');
    expect(hsm!.EniId).toBeUndefined();
    expect(hsm!.EniIp).toBeUndefined();
    const raw = (await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [active.clusterId] } }, { region: REGION })).body;
    const rawHsm = ((raw['Clusters'] as Record<string, unknown>[])[0]!['Hsms'] as Record<string, unknown>[]).find((h) => h['HsmId'] === hsm!.HsmId)!;
    expect(rawHsm['HsmType']).toBe('hsm2m.medium');
    expect(rawHsm).not.toHaveProperty('EniId');
  });

  it('CreateHsm with an IpAddress gives the HSM that address once it is ACTIVE', async () => {
    const network = await admin(env.url, `network?region=${REGION}`);
    const subnet = (network['subnets'] as (Subnet & { CidrBlock: string })[]).find((s) => s.SubnetId === env.subnets[2]!.SubnetId)!;
    const ip = subnet.CidrBlock.replace(/\.0\/24$/, '.77');
    const { Hsm: hsm } = await env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: subnet.AvailabilityZone, IpAddress: ip }));
    await advanceUntil(env.url, async () => (await describeCluster(env.client, active.clusterId)).Hsms!.find((h) => h.HsmId === hsm!.HsmId)!.State === 'ACTIVE');
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
    await refused(create({ AvailabilityZone: taken.AvailabilityZone, IpAddress: '192.168.1.10' }), 'CloudHsmInvalidRequestException', /192\.168\.1\.10 is not a usable address/);
    await refused(create({ AvailabilityZone: taken.AvailabilityZone, IpAddress: taken.EniIp! }), 'CloudHsmInvalidRequestException', /already in use/);
    await refused(create({ IpAddress: '10.0.1' }), 'CloudHsmInvalidRequestException', /ipAddress.*regular expression/);
    await refused(create({ ClusterId: creating }), 'CloudHsmInvalidRequestException', /CREATE_IN_PROGRESS; HSMs can be added when the cluster is UNINITIALIZED or ACTIVE/);
    expect(await snapshot(env)).toEqual(before);
  });

  it('DeleteHsm by HsmId, EniId or EniIp returns the HsmId and the HSM goes DELETE_IN_PROGRESS', async () => {
    // Two more ACTIVE HSMs, so three can be deleted three ways.
    const extra = [await activeHsm(env, active.clusterId, env.subnets[0]!.AvailabilityZone), await activeHsm(env, active.clusterId, env.subnets[1]!.AvailabilityZone)];
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
    const creating = (await env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: env.subnets[2]!.AvailabilityZone }))).Hsm!;
    const before = await snapshot(env);
    const del = (input: { ClusterId?: string; HsmId?: string; EniId?: string; EniIp?: string }) =>
      env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, ...input }));
    await refused(del({ ClusterId: 'cluster-zzzzzzzzzzz', HsmId: active.hsmId }), 'CloudHsmResourceNotFoundException', /cluster-zzzzzzzzzzz was not found/);
    await refused(del({ HsmId: 'hsm-zzzzzzzzzzz' }), 'CloudHsmResourceNotFoundException', /hsm-zzzzzzzzzzz was not found in cluster/);
    await refused(del({ EniId: 'eni-0123456789abcdef0' }), 'CloudHsmResourceNotFoundException', /eni-0123456789abcdef0 was not found/);
    await refused(del({ EniIp: '10.9.9.9' }), 'CloudHsmResourceNotFoundException', /10\.9\.9\.9 was not found/);
    await refused(del({ ClusterId: otherCluster, HsmId: active.hsmId }), 'CloudHsmResourceNotFoundException', new RegExp(`${active.hsmId} was not found in cluster ${otherCluster}`));
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
      'CloudHsmInvalidRequestException',
      /already has 28 HSMs, the most a cluster can have/,
    );
    expect(await snapshot(env)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Backups
// ---------------------------------------------------------------------------------------------

describe('backup operations', () => {
  const env = useEmulator();
  let active: { clusterId: string; hsmId: string; certificate: string };
  let readyId = '';

  beforeAll(async () => {
    active = await activeCluster(env);
    readyId = (await allBackups(env.client, { clusterIds: [active.clusterId] }))[0]!.BackupId!;
  });

  it('DescribeBackups shows the backup as a client sees it, and the wire carries BackupArn, HsmType and Mode', async () => {
    const backup = (await describeBackup(env.client, readyId))!;
    expect(backup.BackupId).toMatch(ID.backup);
    expect(backup.BackupState).toBe('READY');
    expect(backup.ClusterId).toBe(active.clusterId);
    expect(backup.NeverExpires).toBe(false);
    expect(backup.CreateTimestamp).toBeInstanceOf(Date);
    expect(backup.CreateTimestamp!.getTime() / 1000).toBeLessThanOrEqual(await emulatorNow(env.url));
    expect(backup.CreateTimestamp!.getUTCFullYear()).toBeGreaterThan(2000);
    expect(backup.DeleteTimestamp).toBeUndefined();
    expect(backup.SourceRegion).toBeUndefined();
    const raw = await rawCall(env.url, 'DescribeBackups', { Filters: { backupIds: [readyId] } }, { region: REGION });
    const wire = (raw.body['Backups'] as Record<string, unknown>[])[0]!;
    expect(wire['BackupArn']).toBe(`arn:aws:cloudhsm:us-east-1:${DEFAULT_ACCOUNT}:backup/${readyId}`);
    expect(wire['HsmType']).toBe('hsm2m.medium');
    expect(wire['Mode']).toBe('FIPS');
    expect(typeof wire['CreateTimestamp']).toBe('number');
    // Recorded DescribeBackups answers list an untagged backup with an empty TagList.
    expect(wire['TagList']).toEqual([]);
  });

  it('DescribeBackups refuses bad MaxResults, filter keys and values, and tokens', async () => {
    const describe = (input: ConstructorParameters<typeof DescribeBackupsCommand>[0]) => env.client.send(new DescribeBackupsCommand(input));
    await refused(describe({ MaxResults: 51 }), 'CloudHsmInvalidRequestException', /maxResults.*less than or equal to 50/);
    await refused(describe({ Filters: { backupId: [readyId] } }), 'CloudHsmInvalidRequestException', /Invalid filter key "backupId"/);
    await refused(describe({ Filters: { states: ['PENDING_DELETE'] } }), 'CloudHsmInvalidRequestException', /PENDING_DELETE.*Valid values/);
    await refused(describe({ Filters: { neverExpires: ['yes'] } }), 'CloudHsmInvalidRequestException', /neverExpires.*yes.*true, false/);
    await refused(describe({ Filters: { 'bad key!': [] } }), 'CloudHsmInvalidRequestException', /filters\.key.*regular expression/);
    await refused(describe({ NextToken: 'x'.repeat(257) }), 'CloudHsmInvalidRequestException', /nextToken.*less than or equal to 256/);
  });

  it('ModifyBackupAttributes sets and clears NeverExpires', async () => {
    const on = await env.client.send(new ModifyBackupAttributesCommand({ BackupId: readyId, NeverExpires: true }));
    expect(on.Backup!.BackupId).toBe(readyId);
    expect(on.Backup!.NeverExpires).toBe(true);
    expect(on.Backup!.BackupState).toBe('READY');
    expect((await env.client.send(new DescribeBackupsCommand({ Filters: { neverExpires: ['true'] } }))).Backups!.map((b) => b.BackupId)).toEqual([readyId]);
    const off = await env.client.send(new ModifyBackupAttributesCommand({ BackupId: readyId, NeverExpires: false }));
    expect(off.Backup!.NeverExpires).toBe(false);
    expect((await describeBackup(env.client, readyId))!.NeverExpires).toBe(false);
  });

  it('DeleteBackup puts the backup in PENDING_DELETION for 7 days; RestoreBackup makes it READY again', async () => {
    const now = await emulatorNow(env.url);
    const { Backup: deleted } = await env.client.send(new DeleteBackupCommand({ BackupId: readyId }));
    expect(deleted!.BackupId).toBe(readyId);
    expect(deleted!.BackupState).toBe('PENDING_DELETION');
    expectRecentDate(deleted!.DeleteTimestamp, now + 7 * DAY);
    expect((await describeBackup(env.client, readyId))!.BackupState).toBe('PENDING_DELETION');

    const { Backup: restored } = await env.client.send(new RestoreBackupCommand({ BackupId: readyId }));
    expect(restored!.BackupState).toBe('READY');
    expect(restored!.DeleteTimestamp).toBeUndefined();
    const raw = await rawCall(env.url, 'DescribeBackups', { Filters: { backupIds: [readyId] } }, { region: REGION });
    expect((raw.body['Backups'] as Record<string, unknown>[])[0]).not.toHaveProperty('DeleteTimestamp');
  });

  it('DeleteBackup, RestoreBackup and ModifyBackupAttributes refuse unknown backups and the wrong state, changing nothing', async () => {
    // A backup in PENDING_DELETION and one still being created (removing an HSM from an ACTIVE cluster takes one).
    const pendingId = readyId;
    await env.client.send(new DeleteBackupCommand({ BackupId: pendingId }));
    const spare = await activeHsm(env, active.clusterId, env.subnets[1]!.AvailabilityZone);
    await settleBackups(env);
    await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: spare }));
    const creatingId = (await allBackups(env.client, { states: ['CREATE_IN_PROGRESS'] }))[0]!.BackupId!;
    const stillReady = (await allBackups(env.client, { states: ['READY'] }))[0]!.BackupId!;
    const before = await snapshot(env);

    await refused(env.client.send(new DeleteBackupCommand({ BackupId: 'backup-zzzzzzzzzzz' })), 'CloudHsmResourceNotFoundException', /backup-zzzzzzzzzzz was not found in us-east-1/);
    await refused(env.client.send(new DeleteBackupCommand({ BackupId: pendingId })), 'CloudHsmInvalidRequestException', /PENDING_DELETION; only a READY backup can be deleted/);
    await refused(env.client.send(new DeleteBackupCommand({ BackupId: creatingId })), 'CloudHsmInvalidRequestException', /CREATE_IN_PROGRESS; only a READY backup can be deleted/);
    await refused(env.client.send(new DeleteBackupCommand({ BackupId: arnOf(stillReady) })), 'CloudHsmInvalidRequestException', /backupId.*regular expression/);

    await refused(env.client.send(new RestoreBackupCommand({ BackupId: 'backup-zzzzzzzzzzz' })), 'CloudHsmResourceNotFoundException', /backup-zzzzzzzzzzz was not found/);
    await refused(env.client.send(new RestoreBackupCommand({ BackupId: stillReady })), 'CloudHsmInvalidRequestException', /READY; only a backup in PENDING_DELETION can be restored/);

    await refused(env.client.send(new ModifyBackupAttributesCommand({ BackupId: 'backup-zzzzzzzzzzz', NeverExpires: true })), 'CloudHsmResourceNotFoundException', /backup-zzzzzzzzzzz was not found/);
    await refused(env.client.send(new ModifyBackupAttributesCommand({ BackupId: pendingId, NeverExpires: true })), 'CloudHsmInvalidRequestException', /PENDING_DELETION; attributes can only be changed on a READY backup/);
    rawRefused(await rawCall(env.url, 'ModifyBackupAttributes', { BackupId: stillReady }, { region: REGION }), 'CloudHsmInvalidRequestException', /neverExpires.*must not be null/);
    expect(await snapshot(env)).toEqual(before);

    await env.client.send(new RestoreBackupCommand({ BackupId: pendingId }));
    await advanceUntil(env.url, async () => (await describeBackup(env.client, creatingId))!.BackupState === 'READY');
  });

  it('CopyBackupToRegion returns DestinationBackup (source time and ids) and the copy appears in the destination', async () => {
    const source = (await describeBackup(env.client, readyId))!;
    await env.client.send(new TagResourceCommand({ ResourceId: readyId, TagList: [{ Key: 'Team', Value: 'pki' }] }));
    const { DestinationBackup } = await env.client.send(new CopyBackupToRegionCommand({ BackupId: readyId, DestinationRegion: 'us-west-2' }));
    expect(DestinationBackup).toEqual({
      CreateTimestamp: source.CreateTimestamp,
      SourceRegion: REGION,
      SourceBackup: readyId,
      SourceCluster: active.clusterId,
    });
    const west = env.clientIn('us-west-2');
    const copies = (await west.send(new DescribeBackupsCommand({ Filters: { sourceBackupIds: [readyId] } }))).Backups!;
    expect(copies).toHaveLength(1);
    const copy = copies[0]!;
    expect(copy.BackupId).toMatch(ID.backup);
    expect(copy.BackupId).not.toBe(readyId);
    expect(copy.BackupState).toBe('CREATE_IN_PROGRESS');
    expect(copy.SourceRegion).toBe(REGION);
    expect(copy.SourceBackup).toBe(readyId);
    expect(copy.SourceCluster).toBe(active.clusterId);
    expect(copy.CreateTimestamp).toEqual(source.CreateTimestamp);
    expect(copy.TagList).toEqual([{ Key: 'Team', Value: 'pki' }]);
    const wire = (await rawCall(env.url, 'DescribeBackups', { Filters: { backupIds: [copy.BackupId] } }, { region: 'us-west-2' })).body;
    expect((wire['Backups'] as Record<string, unknown>[])[0]!['BackupArn']).toBe(`arn:aws:cloudhsm:us-west-2:${DEFAULT_ACCOUNT}:backup/${copy.BackupId}`);
    // The source region does not list the copy.
    expect((await env.client.send(new DescribeBackupsCommand({ Filters: { sourceBackupIds: [readyId] } }))).Backups).toEqual([]);
  });

  it('CopyBackupToRegion refuses unknown backups, bad destinations, backups that are not READY and reserved tags', async () => {
    const pending = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== readyId)!.BackupId!;
    await env.client.send(new DeleteBackupCommand({ BackupId: pending }));
    const before = await snapshot(env);
    const beforeWest = await snapshot(env, 'us-west-2');
    const copy = (input: { BackupId?: string; DestinationRegion?: string; TagList?: Tag[] }) =>
      env.client.send(new CopyBackupToRegionCommand({ BackupId: readyId, DestinationRegion: 'eu-west-1', ...input }));
    await refused(copy({ BackupId: 'backup-zzzzzzzzzzz' }), 'CloudHsmResourceNotFoundException', /backup-zzzzzzzzzzz was not found/);
    // Not "already in us-east-1", which would say the backup exists.
    await refused(copy({ BackupId: 'backup-zzzzzzzzzzz', DestinationRegion: REGION }), 'CloudHsmResourceNotFoundException', /backup-zzzzzzzzzzz was not found/);
    await refused(copy({ DestinationRegion: REGION }), 'CloudHsmInvalidRequestException', /already in us-east-1; choose another destination region/);
    await refused(copy({ DestinationRegion: 'us-north-9' }), 'CloudHsmInvalidRequestException', /us-north-9 does not offer CloudHSM/);
    await refused(copy({ DestinationRegion: 'us-gov-west-1' }), 'CloudHsmInvalidRequestException', /between aws and aws-us-gov/);
    await refused(copy({ DestinationRegion: 'Frankfurt' }), 'CloudHsmInvalidRequestException', /destinationRegion.*regular expression/);
    await refused(copy({ BackupId: pending }), 'CloudHsmInvalidRequestException', /PENDING_DELETION; only a READY backup can be copied/);
    await refused(copy({ TagList: [{ Key: 'aws:cloudformation:stack-name', Value: 'x' }] }), 'CloudHsmTagException', /reserved/);
    await refused(copy({ TagList: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '1' }] }), 'CloudHsmInvalidRequestException', /appears more than once/);
    expect(await snapshot(env)).toEqual(before);
    expect(await snapshot(env, 'us-west-2')).toEqual(beforeWest);
    expect(await allBackups(env.clientIn('eu-west-1'))).toEqual([]);
    await env.client.send(new RestoreBackupCommand({ BackupId: pending }));
  });

  it('CreateCluster from a backup (by id and by ARN) echoes the backup id; a backup that is not READY is refused', async () => {
    const byId = await env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: readyId }));
    expect(byId.Cluster!.SourceBackupId).toBe(readyId);
    expect(byId.Cluster!.State).toBe('CREATE_IN_PROGRESS');
    const byArn = await env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: arnOf(readyId) }));
    expect(byArn.Cluster!.SourceBackupId).toBe(readyId);

    await env.client.send(new DeleteBackupCommand({ BackupId: readyId }));
    const before = await snapshot(env);
    await refused(
      env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: readyId })),
      'CloudHsmInvalidRequestException',
      /PENDING_DELETION; only a READY backup can be used to create a cluster/,
    );
    expect(await snapshot(env)).toEqual(before);
    await env.client.send(new RestoreBackupCommand({ BackupId: readyId }));
  });

  it('CreateCluster from a backup takes the backup\'s mode, refuses another, and refuses an ARN of the wrong partition', async () => {
    // SDK 3.332 drops Mode from its output: read the wire answer.
    const inherited = await rawCall(env.url, 'CreateCluster', { HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: readyId });
    expect((inherited.body as { Cluster: { Mode: string } }).Cluster.Mode).toBe('FIPS');
    const before = await snapshot(env);
    await refused(
      env.client.send(createClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: readyId, Mode: 'NON_FIPS' })),
      'CloudHsmInvalidRequestException',
      /taken in FIPS mode; it can only restore a FIPS cluster, not a NON_FIPS one/,
    );
    await refused(
      env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: arnOf(readyId).replace('arn:aws:', 'arn:aws-us-gov:') })),
      'CloudHsmResourceNotFoundException',
      /not in partition aws-us-gov/,
    );
    expect(await snapshot(env)).toEqual(before);
  });
});

// ---------------------------------------------------------------------------------------------
// Tags
// ---------------------------------------------------------------------------------------------

describe('TagResource, UntagResource and ListTags', () => {
  const env = useEmulator();
  let clusterId = '';
  let backupId = '';

  beforeAll(async () => {
    const active = await activeCluster(env);
    clusterId = active.clusterId;
    backupId = (await allBackups(env.client))[0]!.BackupId!;
  });

  const listTags = async (resourceId: string): Promise<Tag[]> => (await env.client.send(new ListTagsCommand({ ResourceId: resourceId }))).TagList!;

  it('ListTags always sends TagList, [] when the resource has no tags', async () => {
    const raw = await rawCall(env.url, 'ListTags', { ResourceId: backupId }, { region: REGION });
    expect(raw.status).toBe(200);
    expect(raw.body).toEqual({ TagList: [] });
  });

  it('tags clusters and backups, overwrites values, untags (ignoring absent keys); TagList shows on the resource', async () => {
    for (const id of [clusterId, backupId]) {
      const tagged = await env.client.send(new TagResourceCommand({ ResourceId: id, TagList: [{ Key: 'Team', Value: 'pki' }, { Key: 'Cost Center', Value: '12345' }] }));
      expect(tagged.$metadata.httpStatusCode).toBe(200);
      expect(await listTags(id)).toEqual([{ Key: 'Team', Value: 'pki' }, { Key: 'Cost Center', Value: '12345' }]);
      await env.client.send(new TagResourceCommand({ ResourceId: id, TagList: [{ Key: 'Team', Value: 'identity' }, { Key: 'Empty', Value: '' }] }));
      expect(await listTags(id)).toEqual([{ Key: 'Team', Value: 'identity' }, { Key: 'Cost Center', Value: '12345' }, { Key: 'Empty', Value: '' }]);
      await env.client.send(new UntagResourceCommand({ ResourceId: id, TagKeyList: ['Cost Center', 'never-set'] }));
      expect(await listTags(id)).toEqual([{ Key: 'Team', Value: 'identity' }, { Key: 'Empty', Value: '' }]);
    }
    expect((await describeCluster(env.client, clusterId)).TagList).toEqual([{ Key: 'Team', Value: 'identity' }, { Key: 'Empty', Value: '' }]);
    expect((await describeBackup(env.client, backupId))!.TagList).toEqual([{ Key: 'Team', Value: 'identity' }, { Key: 'Empty', Value: '' }]);
    const raw = await rawCall(env.url, 'TagResource', { ResourceId: clusterId, TagList: [{ Key: 'Team', Value: 'identity' }] }, { region: REGION });
    expect(raw.body).toEqual({});
    await env.client.send(new UntagResourceCommand({ ResourceId: clusterId, TagKeyList: ['Team', 'Empty'] }));
    const wire = await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [clusterId] } }, { region: REGION });
    expect((wire.body['Clusters'] as Record<string, unknown>[])[0]).not.toHaveProperty('TagList');
  });

  it('refuses unknown resources, HSM ids and ARNs, bad tags and reserved keys, changing nothing', async () => {
    await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: 'Keep', Value: 'me' }] }));
    const hsmId = (await describeCluster(env.client, clusterId)).Hsms![0]!.HsmId!;
    const before = await snapshot(env);
    const tag = (resourceId: string, tags: Tag[]) => env.client.send(new TagResourceCommand({ ResourceId: resourceId, TagList: tags }));
    const untag = (resourceId: string, keys: string[]) => env.client.send(new UntagResourceCommand({ ResourceId: resourceId, TagKeyList: keys }));
    const ok = [{ Key: 'k', Value: 'v' }];
    for (const missing of ['cluster-zzzzzzzzzzz', 'backup-zzzzzzzzzzz']) {
      await refused(tag(missing, ok), 'CloudHsmResourceNotFoundException', new RegExp(`${missing} was not found in us-east-1`));
      await refused(untag(missing, ['k']), 'CloudHsmResourceNotFoundException', new RegExp(`${missing} was not found`));
      await refused(env.client.send(new ListTagsCommand({ ResourceId: missing })), 'CloudHsmResourceNotFoundException', new RegExp(`${missing} was not found`));
    }
    // Tags address clusters and backups by id: no HSMs, no ARNs.
    await refused(tag(hsmId, ok), 'CloudHsmInvalidRequestException', /resourceId.*regular expression/);
    await refused(tag(arnOf(backupId), ok), 'CloudHsmInvalidRequestException', /resourceId.*regular expression/);
    await refused(env.client.send(new ListTagsCommand({ ResourceId: hsmId })), 'CloudHsmInvalidRequestException', /resourceId.*regular expression/);
    await refused(tag(clusterId, [{ Key: 'aws:createdBy', Value: 'x' }]), 'CloudHsmTagException', /reserved for AWS use: aws:createdBy/);
    await refused(untag(clusterId, ['AWS:Name']), 'CloudHsmTagException', /reserved for AWS use: AWS:Name/);
    await refused(tag(clusterId, [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }]), 'CloudHsmInvalidRequestException', /"a" appears more than once/);
    await refused(tag(clusterId, [{ Key: 'x'.repeat(129), Value: 'v' }]), 'CloudHsmInvalidRequestException', /tagList\.1\.member\.key.*less than or equal to 128/);
    await refused(tag(clusterId, [{ Key: 'k', Value: 'v'.repeat(257) }]), 'CloudHsmInvalidRequestException', /tagList\.1\.member\.value.*less than or equal to 256/);
    await refused(tag(clusterId, [{ Key: '', Value: 'v' }]), 'CloudHsmInvalidRequestException', /tagList\.1\.member\.key.*greater than or equal to 1/);
    await refused(tag(clusterId, [{ Key: 'k', Value: 'semi;colon' }]), 'CloudHsmInvalidRequestException', /tagList\.1\.member\.value.*regular expression/);
    await refused(tag(clusterId, []), 'CloudHsmInvalidRequestException', /tagList.*greater than or equal to 1/);
    await refused(untag(clusterId, []), 'CloudHsmInvalidRequestException', /tagKeyList.*greater than or equal to 1/);
    await refused(env.client.send(new ListTagsCommand({ ResourceId: clusterId, MaxResults: 101 })), 'CloudHsmInvalidRequestException', /maxResults.*less than or equal to 100/);
    await refused(env.client.send(new ListTagsCommand({ ResourceId: clusterId, NextToken: 'nope' })), 'CloudHsmInvalidRequestException', /NextToken is not valid/);
    expect(await snapshot(env)).toEqual(before);
    expect(await listTags(clusterId)).toEqual([{ Key: 'Keep', Value: 'me' }]);
  });

  it('refuses more than 50 tags on a resource with CloudHsmResourceLimitExceededException', async () => {
    const fifty = Array.from({ length: 49 }, (_, i) => ({ Key: `key-${i}`, Value: String(i) }));
    await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: fifty }));
    expect(await listTags(clusterId)).toHaveLength(50);
    // Overwriting an existing key stays within the limit.
    await env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: 'key-0', Value: 'changed' }] }));
    const before = await snapshot(env);
    // SDK 3.332 has no class for this error: it surfaces as the base exception with the wire name.
    const error = await refused(
      env.client.send(new TagResourceCommand({ ResourceId: clusterId, TagList: [{ Key: 'one-too-many', Value: 'x' }] })),
      'CloudHsmResourceLimitExceededException',
      /would have 51 tags; a resource can have at most 50/,
    );
    expect(error.constructor).toBe(CloudHSMV2ServiceException);
    expect(await snapshot(env)).toEqual(before);
    expect((await listTags(clusterId)).find((t) => t.Key === 'one-too-many')).toBeUndefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Resource policies (not in SDK 3.332: raw JSON 1.1 calls)
// ---------------------------------------------------------------------------------------------

describe('PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy', () => {
  const env = useEmulator();
  let active: { clusterId: string; hsmId: string; certificate: string };
  let backupId = '';
  const policy = (account: string): string =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${account}:root` }, Action: ['cloudhsm:CreateCluster', 'cloudhsm:DescribeBackups'], Resource: '*' }],
    });
  const call = (operation: string, body: unknown): Promise<RawResponse> => rawCall(env.url, operation, body, { region: REGION });

  beforeAll(async () => {
    active = await activeCluster(env);
    backupId = (await allBackups(env.client))[0]!.BackupId!;
  });

  it('Get on a backup without a policy answers {"Policy": "{}"}, as the real service does', async () => {
    const got = await call('GetResourcePolicy', { ResourceArn: arnOf(backupId) });
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ Policy: '{}' });
  });

  it('Put creates or replaces the policy, Get returns it, Delete returns and removes it', async () => {
    const arn = arnOf(backupId);
    const put = await call('PutResourcePolicy', { ResourceArn: arn, Policy: policy('111122223333') });
    expect(put.status).toBe(200);
    expect(put.body).toEqual({ ResourceArn: arn, Policy: policy('111122223333') });
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: policy('111122223333') });
    await call('PutResourcePolicy', { ResourceArn: arn, Policy: policy('444455556666') });
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: policy('444455556666') });
    const deleted = await call('DeleteResourcePolicy', { ResourceArn: arn });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ ResourceArn: arn, Policy: policy('444455556666') });
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: '{}' });
  });

  it('refuses missing, malformed, non-backup, foreign and unknown ARNs and bad policies, changing nothing', async () => {
    const arn = arnOf(backupId);
    await call('PutResourcePolicy', { ResourceArn: arn, Policy: policy('111122223333') });
    const pending = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== backupId);
    // A second backup, put in PENDING_DELETION: a policy needs a READY backup.
    let pendingId = pending?.BackupId;
    if (!pendingId) {
      const spare = await activeHsm(env, active.clusterId, env.subnets[1]!.AvailabilityZone);
      await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: spare }));
      await advanceUntil(env.url, async () => (await allBackups(env.client, { states: ['READY'] })).length >= 2);
      pendingId = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== backupId)!.BackupId!;
    }
    await env.client.send(new DeleteBackupCommand({ BackupId: pendingId }));
    const before = await snapshot(env);

    for (const op of ['PutResourcePolicy', 'GetResourcePolicy', 'DeleteResourcePolicy']) {
      const withPolicy = (body: Record<string, unknown>) => (op === 'PutResourcePolicy' ? { Policy: policy('111122223333'), ...body } : body);
      rawRefused(await call(op, withPolicy({})), 'CloudHsmInvalidRequestException', /ResourceArn is required/);
      rawRefused(await call(op, withPolicy({ ResourceArn: backupId })), 'CloudHsmInvalidRequestException', /resourceArn.*regular expression/);
      rawRefused(await call(op, withPolicy({ ResourceArn: `arn:aws:cloudhsm:us-east-1:${DEFAULT_ACCOUNT}:cluster/${active.clusterId}` })),
        'CloudHsmInvalidRequestException', /supported on backups only.*is a cluster/);
      rawRefused(await call(op, withPolicy({ ResourceArn: `arn:aws:cloudhsm:us-east-1:${DEFAULT_ACCOUNT}:hsm/${active.hsmId}` })),
        'CloudHsmInvalidRequestException', /supported on backups only.*is a hsm/);
      rawRefused(await call(op, withPolicy({ ResourceArn: arnOf('backup-zzzzzzzzzzz') })), 'CloudHsmResourceNotFoundException', /backup-zzzzzzzzzzz was not found/);
      rawRefused(await call(op, withPolicy({ ResourceArn: arnOf(backupId, 'eu-west-1') })), 'CloudHsmResourceNotFoundException', new RegExp(`${backupId} was not found in us-east-1`));
      rawRefused(await call(op, withPolicy({ ResourceArn: arnOf(backupId, REGION, OTHER_ACCOUNT) })), 'CloudHsmAccessDeniedException',
        new RegExp(`belongs to account ${OTHER_ACCOUNT}; only its owner`));
    }
    rawRefused(await call('PutResourcePolicy', { ResourceArn: arn }), 'CloudHsmInvalidRequestException', /Policy is required/);
    rawRefused(await call('PutResourcePolicy', { ResourceArn: arn, Policy: 'allow everyone' }), 'CloudHsmInvalidRequestException', /Policy is not valid JSON/);
    rawRefused(await call('PutResourcePolicy', { ResourceArn: arn, Policy: '{"Version":"2012-10-17"}' }), 'CloudHsmInvalidRequestException', /with a Statement/);
    rawRefused(await call('PutResourcePolicy', { ResourceArn: arn, Policy: '' }), 'CloudHsmInvalidRequestException', /policy.*greater than or equal to 1/);
    rawRefused(await call('PutResourcePolicy', { ResourceArn: arn, Policy: ' '.repeat(20_001) }), 'CloudHsmInvalidRequestException', /policy.*less than or equal to 20000/);
    rawRefused(await call('PutResourcePolicy', { ResourceArn: arnOf(pendingId), Policy: policy('111122223333') }),
      'CloudHsmInvalidRequestException', /PENDING_DELETION; a resource policy can only be put on a READY backup/);

    expect(await snapshot(env)).toEqual(before);
    expect((await call('GetResourcePolicy', { ResourceArn: arn })).body).toEqual({ Policy: policy('111122223333') });
    expect((await call('GetResourcePolicy', { ResourceArn: arnOf(pendingId) })).body).toEqual({ Policy: '{}' });
  });

  it('a backup shared with this account by another account is listed with Shared and usable by ARN only after sharing', async () => {
    // The other account's backup is written straight into its state (the HTTP API only ever acts as the
    // emulator's own account); its owner then manages the policy through the operation itself.
    const store = env.running.emulator.store;
    const foreignId = 'backup-fore2gnbackp';
    const now = await emulatorNow(env.url);
    const record: BackupRecord = {
      BackupId: foreignId,
      ClusterId: 'cluster-fore2gnclstr',
      CreateTimestamp: now - 3600,
      BackupState: 'READY',
      NeverExpires: false,
      HsmType: 'hsm2m.medium',
      Mode: 'FIPS',
      Tags: [],
      _clusterCertificate: active.certificate,
    };
    store.putBackup(store.region(OTHER_ACCOUNT, REGION), record);
    const foreignArn = arnOf(foreignId, REGION, OTHER_ACCOUNT);

    const before = await snapshot(env);
    const createFrom = () => env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: foreignArn }));
    await refused(createFrom(), 'CloudHsmAccessDeniedException', new RegExp(`not shared with account ${DEFAULT_ACCOUNT}`));
    // Without the ARN the id is looked up in the caller's own account.
    await refused(
      env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], SourceBackupId: foreignId })),
      'CloudHsmResourceNotFoundException',
      /was not found/,
    );
    expect(await snapshot(env)).toEqual(before);
    // (SDK 3.332 cannot send Shared.)
    expect((await rawCall(env.url, 'DescribeBackups', { Shared: true }, { region: REGION })).body).toEqual({ Backups: [] });

    await env.running.emulator.handle('PutResourcePolicy', { ResourceArn: foreignArn, Policy: policy(DEFAULT_ACCOUNT) }, { region: REGION, account: OTHER_ACCOUNT });
    const shared = await rawCall(env.url, 'DescribeBackups', { Shared: true }, { region: REGION });
    const sharedBackups = shared.body['Backups'] as Record<string, unknown>[];
    expect(sharedBackups.map((b) => b['BackupId'])).toEqual([foreignId]);
    expect(sharedBackups[0]!['BackupArn']).toBe(foreignArn);
    // The owner's policy cannot be read or changed by the account it is shared with.
    rawRefused(await call('GetResourcePolicy', { ResourceArn: foreignArn }), 'CloudHsmAccessDeniedException', /only its owner/);

    const { Cluster: restored } = await createFrom();
    expect(restored!.SourceBackupId).toBe(foreignId);
    await advanceUntil(env.url, async () => (await describeCluster(env.client, restored!.ClusterId!)).State === 'ACTIVE');
    expect((await describeCluster(env.client, restored!.ClusterId!)).Certificates).toEqual({ ClusterCertificate: active.certificate });
  });
});
