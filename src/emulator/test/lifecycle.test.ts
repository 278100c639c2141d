/**
 * Lifecycles over real HTTP, with the emulator clock moved forward through the admin route instead of
 * waiting: clusters, HSMs, initialization and activation, event and daily backups, soft deletion and
 * purge, the retention policy, cross-region copies and clusters restored from backups.
 *
 * Durations are not hard-coded: `advanceUntil` steps the clock until the client sees the next state, and
 * the tests only check that the work took a realistic while ("a few minutes", cloudhsm-api.md §4.1).
 */
import {
  CloudHSMV2ServiceException,
  CopyBackupToRegionCommand,
  CreateClusterCommand,
  type CreateClusterCommandInput,
  CreateHsmCommand,
  DeleteBackupCommand,
  DeleteClusterCommand,
  DeleteHsmCommand,
  DescribeBackupsCommand,
  DescribeClustersCommand,
  InitializeClusterCommand,
  ModifyBackupAttributesCommand,
  ModifyClusterCommand,
  RestoreBackupCommand,
  TagResourceCommand,
  paginateDescribeBackups,
  type Backup,
  type CloudHSMV2Client,
  type Cluster,
  type Hsm,
} from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Env, refused, TEST_REGION as REGION, useEmulator } from '../testing/env';
import { createCsr, generateKeyPair } from '../../pki';
import { signCsrWithTestCa } from '../certs';
import type { EmulatorServerOptions, RunningEmulator } from '../node/server';
import { admin, advanceClock, rawCall, sdkClient, seededSubnets, startTestEmulator } from '../testing/harness';

const DAY = 86_400;
const MINUTE = 60;
const PEM_CERT = /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n?$/;
const PEM_CSR = /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n?$/;

async function emulatorNow(url: string): Promise<number> {
  return Number((await admin(url, 'clock'))['now']);
}


async function describeCluster(client: CloudHSMV2Client, clusterId: string): Promise<Cluster | undefined> {
  const { Clusters } = await client.send(new DescribeClustersCommand({ Filters: { clusterIds: [clusterId] } }));
  return Clusters?.[0];
}

async function cluster(env: Env, clusterId: string): Promise<Cluster> {
  const found = await describeCluster(env.client, clusterId);
  if (!found) throw new Error(`cluster ${clusterId} is not listed`);
  return found;
}

async function hsmOf(env: Env, clusterId: string, hsmId: string): Promise<Hsm | undefined> {
  return (await cluster(env, clusterId)).Hsms?.find((h) => h.HsmId === hsmId);
}

async function allBackups(client: CloudHSMV2Client, filters?: Record<string, string[]>): Promise<Backup[]> {
  const out: Backup[] = [];
  for await (const page of paginateDescribeBackups({ client, pageSize: 50 }, { Filters: filters })) out.push(...(page.Backups ?? []));
  return out;
}

async function backup(client: CloudHSMV2Client, backupId: string): Promise<Backup | undefined> {
  return (await client.send(new DescribeBackupsCommand({ Filters: { backupIds: [backupId] } }))).Backups?.[0];
}

/**
 * Advances the emulator clock in `step`-second steps until `reached` holds. Returns the emulator seconds it
 * took and every distinct value `observe` returned on the way (to check which states a client could see).
 */
async function advanceUntil(
  url: string,
  reached: () => Promise<boolean>,
  opts: { step?: number; limit?: number; observe?: () => Promise<string | undefined> } = {},
): Promise<{ elapsed: number; seen: string[] }> {
  const step = opts.step ?? 30;
  const limit = opts.limit ?? 6 * 3600;
  const seen: string[] = [];
  const look = async (): Promise<void> => {
    const value = await opts.observe?.();
    if (value !== undefined && seen[seen.length - 1] !== value) seen.push(value);
  };
  let elapsed = 0;
  await look();
  while (!(await reached())) {
    if (elapsed >= limit) throw new Error(`condition not reached within ${limit} emulator seconds (seen: ${seen.join(' → ')})`);
    await advanceClock(url, step);
    elapsed += step;
    await look();
  }
  return { elapsed, seen };
}

async function settleBackups(env: Env, client = env.client): Promise<void> {
  await advanceUntil(env.url, async () => (await allBackups(client, { states: ['CREATE_IN_PROGRESS'] })).length === 0);
}

async function createCluster(env: Env, subnets = env.subnets): Promise<string> {
  const { Cluster: created } = await env.client.send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId) }));
  return created!.ClusterId!;
}

async function uninitialized(env: Env): Promise<string> {
  const clusterId = await createCluster(env);
  await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'UNINITIALIZED');
  return clusterId;
}

async function addActiveHsm(env: Env, clusterId: string, az: string): Promise<string> {
  const { Hsm: hsm } = await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: az }));
  await advanceUntil(env.url, async () => (await hsmOf(env, clusterId, hsm!.HsmId!))?.State === 'ACTIVE');
  return hsm!.HsmId!;
}

/** An ACTIVE cluster with one ACTIVE HSM and its READY activation backup. */
async function activeCluster(env: Env): Promise<{ clusterId: string; hsmId: string; certificate: string }> {
  const clusterId = await uninitialized(env);
  const hsmId = await addActiveHsm(env, clusterId, env.subnets[0]!.AvailabilityZone);
  const csr = (await cluster(env, clusterId)).Certificates!.ClusterCsr!;
  const { signedCert, trustAnchor } = await signCsrWithTestCa(csr);
  await env.client.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
  await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'INITIALIZED');
  await admin(env.url, 'activate-cluster', { region: REGION, clusterId });
  await settleBackups(env);
  return { clusterId, hsmId, certificate: (await cluster(env, clusterId)).Certificates!.ClusterCertificate! };
}

async function foreignCsr(): Promise<string> {
  return createCsr('CN=another cluster', await generateKeyPair());
}

function ipInCidr(ip: string, cidr: string): boolean {
  const toNumber = (a: string): number => a.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const n = toNumber(ip);
  return n >= toNumber(base) && n < toNumber(base) + size;
}

const seconds = (d: Date | undefined): number => (d ? d.getTime() / 1000 : Number.NaN);
const ids = (backups: Backup[]): string[] => backups.map((b) => b.BackupId!).sort();

// ---------------------------------------------------------------------------------------------

describe('a cluster from creation to deletion', () => {
  const env = useEmulator();
  let clusterId = '';
  let firstHsm = '';
  let secondHsm = '';
  let signed = { signedCert: '', trustAnchor: '' };

  it('CreateCluster: CREATE_IN_PROGRESS, then UNINITIALIZED after a few minutes, with a security group', async () => {
    clusterId = await createCluster(env);
    const created = await cluster(env, clusterId);
    expect(created.State).toBe('CREATE_IN_PROGRESS');
    expect(created.Certificates).toEqual({});
    const { elapsed, seen } = await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'UNINITIALIZED', {
      observe: async () => (await cluster(env, clusterId)).State,
    });
    expect(seen).toEqual(['CREATE_IN_PROGRESS', 'UNINITIALIZED']);
    expect(elapsed).toBeGreaterThanOrEqual(MINUTE);
    expect(elapsed).toBeLessThanOrEqual(30 * MINUTE);
    const ready = await cluster(env, clusterId);
    expect(ready.SecurityGroup).toMatch(/^sg-[0-9a-f]{8,17}$/);
    expect(ready.Hsms).toEqual([]);
    expect(ready.Certificates).toEqual({});
  });

  it('the first HSM is CREATE_IN_PROGRESS without ENI fields; a second one is refused until activation', async () => {
    const az = env.subnets[0]!;
    const { Hsm: hsm } = await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: az.AvailabilityZone }));
    firstHsm = hsm!.HsmId!;
    expect(hsm!.State).toBe('CREATE_IN_PROGRESS');
    expect(hsm!.EniId).toBeUndefined();
    expect(hsm!.EniIp).toBeUndefined();
    const described = await cluster(env, clusterId);
    expect(described.Hsms).toHaveLength(1);
    expect(described.Hsms![0]!.EniId).toBeUndefined();
    // No CSR until the HSM is up.
    expect(described.Certificates).toEqual({});

    await refused(
      env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[1]!.AvailabilityZone })),
      'CloudHsmInvalidRequestException',
      `Cluster '${clusterId}' already contains an HSM but has not yet been fully activated`,
    );
    expect((await cluster(env, clusterId)).Hsms).toHaveLength(1);
  });

  it('when the HSM is ACTIVE it has an ENI in its subnet and the cluster has a CSR and the hardware certificates', async () => {
    const { elapsed, seen } = await advanceUntil(env.url, async () => (await hsmOf(env, clusterId, firstHsm))?.State === 'ACTIVE', {
      observe: async () => (await hsmOf(env, clusterId, firstHsm))?.State,
    });
    expect(seen).toEqual(['CREATE_IN_PROGRESS', 'ACTIVE']);
    expect(elapsed).toBeGreaterThanOrEqual(MINUTE);
    expect(elapsed).toBeLessThanOrEqual(30 * MINUTE);
    const hsm = (await hsmOf(env, clusterId, firstHsm))!;
    expect(hsm.EniId).toMatch(/^eni-[0-9a-f]{8,17}$/);
    expect(ipInCidr(hsm.EniIp!, env.subnets[0]!.CidrBlock)).toBe(true);
    expect(hsm.StateMessage).toBe('HSM created.');

    const ready = await cluster(env, clusterId);
    expect(ready.State).toBe('UNINITIALIZED');
    const certs = ready.Certificates!;
    expect(Object.keys(certs).sort()).toEqual(['AwsHardwareCertificate', 'ClusterCsr', 'HsmCertificate', 'ManufacturerHardwareCertificate']);
    expect(certs.ClusterCsr).toMatch(PEM_CSR);
    expect(certs.HsmCertificate).toMatch(PEM_CERT);
    expect(certs.AwsHardwareCertificate).toMatch(PEM_CERT);
    expect(certs.ManufacturerHardwareCertificate).toMatch(PEM_CERT);

    // Still only one HSM before activation, even with the first one ACTIVE.
    await refused(
      env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[1]!.AvailabilityZone })),
      'CloudHsmInvalidRequestException',
      /already contains an HSM but has not yet been fully activated/,
    );
  });

  it('InitializeCluster refuses a certificate for another CSR or an anchor that is not self-signed; the cluster stays UNINITIALIZED', async () => {
    const csr = (await cluster(env, clusterId)).Certificates!.ClusterCsr!;
    signed = await signCsrWithTestCa(csr);
    const other = await signCsrWithTestCa(await foreignCsr());
    const init = (signedCert: string, trustAnchor: string) =>
      env.client.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
    await refused(init(other.signedCert, other.trustAnchor), 'CloudHsmInvalidRequestException', /public key does not match the cluster CSR/);
    await refused(init(signed.signedCert, signed.signedCert), 'CloudHsmInvalidRequestException', /trust anchor is not self-signed/);
    await refused(init(signed.signedCert, other.signedCert), 'CloudHsmInvalidRequestException', /trust anchor is not self-signed/);
    // Nothing was started behind the client's back.
    await advanceClock(env.url, 30 * MINUTE);
    const after = await cluster(env, clusterId);
    expect(after.State).toBe('UNINITIALIZED');
    expect(after.Certificates!.ClusterCsr).toBe(csr);
    expect(after.Certificates!.ClusterCertificate).toBeUndefined();
  });

  it('InitializeCluster with a good certificate: INITIALIZE_IN_PROGRESS, then INITIALIZED with only the ClusterCertificate', async () => {
    const response = await env.client.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signed.signedCert, TrustAnchor: signed.trustAnchor }));
    expect(response.State).toBe('INITIALIZE_IN_PROGRESS');
    const { elapsed, seen } = await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'INITIALIZED', {
      observe: async () => (await cluster(env, clusterId)).State,
    });
    expect(seen).toEqual(['INITIALIZE_IN_PROGRESS', 'INITIALIZED']);
    expect(elapsed).toBeGreaterThanOrEqual(MINUTE);
    const initialized = await cluster(env, clusterId);
    expect(Object.keys(initialized.Certificates!)).toEqual(['ClusterCertificate']);
    expect(initialized.Certificates!.ClusterCertificate!.trim()).toBe(signed.signedCert.trim());
    expect(initialized.Certificates!.ClusterCertificate).toMatch(PEM_CERT);
    // Initialized is not activated: still one HSM only.
    await refused(
      env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[1]!.AvailabilityZone })),
      'CloudHsmInvalidRequestException',
      /already contains an HSM but has not yet been fully activated/,
    );
    // Only the data plane activates a cluster: no backups exist yet.
    expect(await allBackups(env.client)).toEqual([]);
  });

  it('activation (admin route) makes the cluster ACTIVE and takes a backup: CREATE_IN_PROGRESS, then READY', async () => {
    const now = await emulatorNow(env.url);
    expect(await admin(env.url, 'activate-cluster', { region: REGION, clusterId })).toEqual({ ok: true });
    expect((await cluster(env, clusterId)).State).toBe('ACTIVE');
    const backups = await allBackups(env.client, { clusterIds: [clusterId] });
    expect(backups).toHaveLength(1);
    const first = backups[0]!;
    expect(first.BackupState).toBe('CREATE_IN_PROGRESS');
    expect(Math.abs(seconds(first.CreateTimestamp) - now)).toBeLessThan(5);
    const { seen } = await advanceUntil(env.url, async () => (await backup(env.client, first.BackupId!))?.BackupState === 'READY', {
      observe: async () => (await backup(env.client, first.BackupId!))?.BackupState,
    });
    expect(seen).toEqual(['CREATE_IN_PROGRESS', 'READY']);
    // Activating twice is refused.
    await expect(admin(env.url, 'activate-cluster', { region: REGION, clusterId })).rejects.toThrow(/only an INITIALIZED cluster can be activated/);
  });

  it('adding an HSM to the ACTIVE cluster is allowed and takes a backup', async () => {
    const before = (await allBackups(env.client, { clusterIds: [clusterId] })).length;
    secondHsm = await addActiveHsm(env, clusterId, env.subnets[1]!.AvailabilityZone);
    await settleBackups(env);
    const after = await allBackups(env.client, { clusterIds: [clusterId] });
    expect(after).toHaveLength(before + 1);
    expect(after.every((b) => b.BackupState === 'READY')).toBe(true);
    const hsm = (await hsmOf(env, clusterId, secondHsm))!;
    expect(ipInCidr(hsm.EniIp!, env.subnets[1]!.CidrBlock)).toBe(true);
  });

  it('degrade-hsm (admin route) shows the HSM as DEGRADED; recover-hsm makes it ACTIVE again', async () => {
    await admin(env.url, 'degrade-hsm', { region: REGION, hsmId: secondHsm });
    const degraded = (await hsmOf(env, clusterId, secondHsm))!;
    expect(degraded.State).toBe('DEGRADED');
    expect(degraded.StateMessage).toMatch(/degraded/i);
    expect((await hsmOf(env, clusterId, firstHsm))!.State).toBe('ACTIVE');
    await admin(env.url, 'recover-hsm', { region: REGION, hsmId: secondHsm });
    expect((await hsmOf(env, clusterId, secondHsm))!.State).toBe('ACTIVE');
    await expect(admin(env.url, 'degrade-hsm', { region: REGION, hsmId: 'hsm-zzzzzzzzzzz' })).rejects.toThrow(/not found/);
  });

  it('DeleteHsm: DELETE_IN_PROGRESS, a backup is taken, then the HSM disappears from Hsms', async () => {
    const before = (await allBackups(env.client, { clusterIds: [clusterId] })).length;
    await admin(env.url, 'degrade-hsm', { region: REGION, hsmId: secondHsm });
    // A DEGRADED HSM can be deleted.
    expect((await env.client.send(new DeleteHsmCommand({ ClusterId: clusterId, HsmId: secondHsm }))).HsmId).toBe(secondHsm);
    expect((await hsmOf(env, clusterId, secondHsm))!.State).toBe('DELETE_IN_PROGRESS');
    expect(await allBackups(env.client, { clusterIds: [clusterId] })).toHaveLength(before + 1);
    const { elapsed } = await advanceUntil(env.url, async () => (await hsmOf(env, clusterId, secondHsm)) === undefined);
    expect(elapsed).toBeGreaterThan(0);
    const after = await cluster(env, clusterId);
    expect(after.State).toBe('ACTIVE');
    expect(after.Hsms!.map((h) => h.HsmId)).toEqual([firstHsm]);
  });

  it('takes a backup at least once a day while the cluster has HSMs', async () => {
    await settleBackups(env);
    const before = await allBackups(env.client, { clusterIds: [clusterId] });
    await advanceClock(env.url, 3 * DAY);
    await settleBackups(env);
    const after = await allBackups(env.client, { clusterIds: [clusterId] });
    const added = after.filter((b) => !before.some((o) => o.BackupId === b.BackupId));
    expect(added.length).toBeGreaterThanOrEqual(3);
    expect(added.every((b) => b.BackupState === 'READY')).toBe(true);
    // Spread over the three days, not taken in one go.
    const times = added.map((b) => seconds(b.CreateTimestamp)).sort((a, b) => a - b);
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThanOrEqual(DAY);
  });

  it('DeleteCluster is refused while HSMs remain; then DELETE_IN_PROGRESS, DELETED, and eventually gone; its backups stay', async () => {
    await refused(env.client.send(new DeleteClusterCommand({ ClusterId: clusterId })), 'CloudHsmInvalidRequestException', /Delete all HSMs before deleting the cluster/);
    expect((await cluster(env, clusterId)).State).toBe('ACTIVE');

    await env.client.send(new DeleteHsmCommand({ ClusterId: clusterId, HsmId: firstHsm }));
    await advanceUntil(env.url, async () => (await cluster(env, clusterId)).Hsms!.length === 0);
    await settleBackups(env);
    const backups = ids(await allBackups(env.client, { clusterIds: [clusterId] }));

    const { Cluster: deleting } = await env.client.send(new DeleteClusterCommand({ ClusterId: clusterId }));
    expect(deleting!.State).toBe('DELETE_IN_PROGRESS');
    const { seen } = await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'DELETED', {
      observe: async () => (await cluster(env, clusterId)).State,
    });
    expect(seen).toEqual(['DELETE_IN_PROGRESS', 'DELETED']);
    await advanceUntil(env.url, async () => (await describeCluster(env.client, clusterId)) === undefined, { step: 6 * 3600, limit: 7 * DAY });
    // The deleted cluster's backups remain (no new ones: it has no HSMs).
    expect(ids(await allBackups(env.client, { clusterIds: [clusterId] }))).toEqual(backups);
  });
});

describe('backup deletion, restore and purge', () => {
  const env = useEmulator();
  let backupId = '';

  beforeAll(async () => {
    await activeCluster(env);
    backupId = (await allBackups(env.client))[0]!.BackupId!;
  });

  it('DeleteBackup → PENDING_DELETION with DeleteTimestamp ≈ now + 7 days; RestoreBackup → READY without it', async () => {
    const now = await emulatorNow(env.url);
    const { Backup: deleted } = await env.client.send(new DeleteBackupCommand({ BackupId: backupId }));
    expect(deleted!.BackupState).toBe('PENDING_DELETION');
    expect(Math.abs(seconds(deleted!.DeleteTimestamp) - (now + 7 * DAY))).toBeLessThan(5);
    await advanceClock(env.url, 3 * DAY);
    expect((await backup(env.client, backupId))!.BackupState).toBe('PENDING_DELETION');
    const { Backup: restored } = await env.client.send(new RestoreBackupCommand({ BackupId: backupId }));
    expect(restored!.BackupState).toBe('READY');
    expect(restored!.DeleteTimestamp).toBeUndefined();
    const described = (await backup(env.client, backupId))!;
    expect(described.BackupState).toBe('READY');
    expect(described.DeleteTimestamp).toBeUndefined();
    // Restored means restored: nothing purges it later (it is well within the 90-day retention).
    await advanceClock(env.url, 8 * DAY);
    expect((await backup(env.client, backupId))!.BackupState).toBe('READY');
  });

  it('a PENDING_DELETION backup is purged after 7 days: DELETED (no longer restorable), then gone', async () => {
    const { Backup: deleted } = await env.client.send(new DeleteBackupCommand({ BackupId: backupId }));
    const deleteAt = seconds(deleted!.DeleteTimestamp);
    await advanceClock(env.url, deleteAt - (await emulatorNow(env.url)) - 3600);
    expect((await backup(env.client, backupId))!.BackupState).toBe('PENDING_DELETION');
    await advanceClock(env.url, 2 * 3600);
    const purged = (await backup(env.client, backupId))!;
    expect(purged.BackupState).toBe('DELETED');
    expect(purged.DeleteTimestamp).toBeUndefined();
    await refused(env.client.send(new RestoreBackupCommand({ BackupId: backupId })), 'CloudHsmInvalidRequestException', /DELETED; only a backup in PENDING_DELETION/);
    await advanceUntil(env.url, async () => (await backup(env.client, backupId)) === undefined, { step: 6 * 3600, limit: 7 * DAY });
    await refused(env.client.send(new RestoreBackupCommand({ BackupId: backupId })), 'CloudHsmResourceNotFoundException', /was not found/);
  });
});

describe('the backup retention policy', () => {
  const env = useEmulator();
  let active: { clusterId: string; hsmId: string; certificate: string };
  let kept = '';
  let copied = '';
  const west = (): CloudHSMV2Client => env.clientIn('us-west-2');

  beforeAll(async () => {
    active = await activeCluster(env);
    kept = (await allBackups(env.client))[0]!.BackupId!;
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: kept, NeverExpires: true }));
    await advanceClock(env.url, DAY + 3600);
    await settleBackups(env);
    copied = (await allBackups(env.client, { neverExpires: ['false'] }))[0]!.BackupId!;
    await env.client.send(new CopyBackupToRegionCommand({ BackupId: copied, DestinationRegion: 'us-west-2' }));
    await settleBackups(env, west());
  });

  it('a 7-day policy leaves backups younger than 7 days alone', async () => {
    const { Cluster: modified } = await env.client.send(new ModifyClusterCommand({ ClusterId: active.clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '7' } }));
    expect(modified!.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '7' });
    await advanceClock(env.url, 3 * DAY);
    await settleBackups(env);
    const backups = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(backups.length).toBeGreaterThanOrEqual(5);
    expect(backups.every((b) => b.BackupState === 'READY')).toBe(true);
  });

  it('after 8+ days older backups go PENDING_DELETION, except the cluster\'s newest and NeverExpires ones; copies elsewhere are untouched', async () => {
    // Remove the HSM so daily backups stop; removing it takes the cluster's last backup.
    await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: active.hsmId }));
    await settleBackups(env);
    const before = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(before.every((b) => b.BackupState === 'READY')).toBe(true);
    const newest = [...before].sort((a, b) => seconds(b.CreateTimestamp) - seconds(a.CreateTimestamp))[0]!.BackupId!;

    await advanceClock(env.url, 8 * DAY + 3600);
    const now = await emulatorNow(env.url);
    const after = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(ids(after)).toEqual(ids(before));
    for (const b of after) {
      if (b.BackupId === newest || b.BackupId === kept) {
        expect(b.BackupState, b.BackupId).toBe('READY');
      } else {
        expect(b.BackupState, b.BackupId).toBe('PENDING_DELETION');
        // Still restorable for a while.
        expect(seconds(b.DeleteTimestamp)).toBeGreaterThan(now);
      }
    }
    expect(after.filter((b) => b.BackupState === 'PENDING_DELETION').length).toBeGreaterThanOrEqual(3);
    const copies = await allBackups(west(), { sourceBackupIds: [copied] });
    expect(copies).toHaveLength(1);
    expect(copies[0]!.BackupState).toBe('READY');
  });
});

describe('shortening the retention period of a cluster with old backups', () => {
  const env = useEmulator();
  let active: { clusterId: string; hsmId: string; certificate: string };
  let exempt = '';

  beforeAll(async () => {
    active = await activeCluster(env);
    // Three weeks of daily backups under the default 90-day policy.
    await advanceClock(env.url, 21 * DAY);
    await settleBackups(env);
    const oldest = (await env.client.send(new DescribeBackupsCommand({ SortAscending: true, MaxResults: 2 }))).Backups!;
    exempt = oldest[1]!.BackupId!;
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: exempt, NeverExpires: true }));
  });

  it('purges backups older than the new period into PENDING_DELETION, restorable for 7 more days', async () => {
    const before = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(before.length).toBeGreaterThanOrEqual(20);
    expect(before.every((b) => b.BackupState === 'READY')).toBe(true);
    const now = await emulatorNow(env.url);
    await env.client.send(new ModifyClusterCommand({ ClusterId: active.clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '7' } }));
    const after = await allBackups(env.client, { clusterIds: [active.clusterId] });
    const old = after.filter((b) => seconds(b.CreateTimestamp) < now - 7 * DAY - 3600 && b.BackupId !== exempt);
    expect(old.length).toBeGreaterThanOrEqual(10);
    for (const b of old) {
      expect(b.BackupState, b.BackupId).toBe('PENDING_DELETION');
      expect(seconds(b.DeleteTimestamp), b.BackupId).toBeGreaterThan(now + 6 * DAY);
    }
    const young = after.filter((b) => seconds(b.CreateTimestamp) > now - 6 * DAY);
    expect(young.length).toBeGreaterThanOrEqual(5);
    expect(young.every((b) => b.BackupState === 'READY')).toBe(true);
    expect(after.find((b) => b.BackupId === exempt)!.BackupState).toBe('READY');
  });

  it('a NeverExpires backup put back under the policy is purged restorably too', async () => {
    const now = await emulatorNow(env.url);
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: exempt, NeverExpires: false }));
    const purged = (await backup(env.client, exempt))!;
    expect(purged.BackupState).toBe('PENDING_DELETION');
    expect(seconds(purged.DeleteTimestamp)).toBeGreaterThan(now + 6 * DAY);
    const { Backup: restored } = await env.client.send(new RestoreBackupCommand({ BackupId: exempt }));
    expect(restored!.BackupState).toBe('READY');
    // The restored backup is not purged again at once: the user has a day to set NeverExpires.
    expect((await backup(env.client, exempt))!.BackupState).toBe('READY');
    await env.client.send(new ModifyBackupAttributesCommand({ BackupId: exempt, NeverExpires: true }));
    await advanceClock(env.url, 2 * DAY);
    expect((await backup(env.client, exempt))!.BackupState).toBe('READY');
  });

  it('a restored backup left under the policy is purged again after its day of grace', async () => {
    const victim = (await allBackups(env.client, { clusterIds: [active.clusterId], states: ['PENDING_DELETION'] }))[0]!;
    await env.client.send(new RestoreBackupCommand({ BackupId: victim.BackupId! }));
    expect((await backup(env.client, victim.BackupId!))!.BackupState).toBe('READY');
    await advanceClock(env.url, DAY + 60);
    expect((await backup(env.client, victim.BackupId!))!.BackupState).toBe('PENDING_DELETION');
  });
});

describe('backups of a deleted cluster', () => {
  const env = useEmulator();

  it('stay under the cluster\'s last retention policy after the cluster is gone, and the newest is kept', async () => {
    const active = await activeCluster(env);
    await env.client.send(new ModifyClusterCommand({ ClusterId: active.clusterId, BackupRetentionPolicy: { Type: 'DAYS', Value: '30' } }));
    await advanceClock(env.url, 3 * DAY);
    await settleBackups(env);
    await env.client.send(new DeleteHsmCommand({ ClusterId: active.clusterId, HsmId: active.hsmId }));
    await advanceUntil(env.url, async () => (await cluster(env, active.clusterId)).Hsms!.length === 0);
    await settleBackups(env);
    await env.client.send(new DeleteClusterCommand({ ClusterId: active.clusterId }));
    // Past the cluster's disappearance (a day after DELETED) but well inside 30 days: nothing purged.
    await advanceClock(env.url, 5 * DAY);
    expect(await describeCluster(env.client, active.clusterId)).toBeUndefined();
    const kept = await allBackups(env.client, { clusterIds: [active.clusterId] });
    expect(kept.length).toBeGreaterThanOrEqual(4);
    expect(kept.every((b) => b.BackupState === 'READY')).toBe(true);
    // After 30 days (not the 90 of the default) all but the newest are purged.
    await advanceClock(env.url, 30 * DAY);
    const later = await allBackups(env.client, { clusterIds: [active.clusterId] });
    const ready = later.filter((b) => b.BackupState === 'READY');
    expect(ready).toHaveLength(1);
    expect(seconds(ready[0]!.CreateTimestamp)).toBe(Math.max(...kept.map((b) => seconds(b.CreateTimestamp))));
  });
});

describe('CopyBackupToRegion and clusters created from a backup', () => {
  const env = useEmulator();
  let active: { clusterId: string; hsmId: string; certificate: string };
  let source: Backup;
  const west = (): CloudHSMV2Client => env.clientIn('us-west-2');

  beforeAll(async () => {
    active = await activeCluster(env);
    source = (await allBackups(env.client))[0]!;
    await env.client.send(new TagResourceCommand({ ResourceId: source.BackupId!, TagList: [{ Key: 'Team', Value: 'pki' }] }));
  });

  it('the copy appears in the destination as CREATE_IN_PROGRESS, then READY, with the source\'s time, ids and tags', async () => {
    const { DestinationBackup } = await env.client.send(new CopyBackupToRegionCommand({ BackupId: source.BackupId, DestinationRegion: 'us-west-2' }));
    expect(DestinationBackup!.CreateTimestamp).toEqual(source.CreateTimestamp);
    expect(DestinationBackup!.SourceRegion).toBe(REGION);
    expect(DestinationBackup!.SourceBackup).toBe(source.BackupId);
    expect(DestinationBackup!.SourceCluster).toBe(active.clusterId);

    const find = async (): Promise<Backup | undefined> =>
      (await west().send(new DescribeBackupsCommand({ Filters: { sourceBackupIds: [source.BackupId!] } }))).Backups?.[0];
    const copy = (await find())!;
    expect(copy.BackupId).not.toBe(source.BackupId);
    expect(copy.CreateTimestamp).toEqual(source.CreateTimestamp);
    expect(copy.SourceRegion).toBe(REGION);
    expect(copy.SourceBackup).toBe(source.BackupId);
    expect(copy.SourceCluster).toBe(active.clusterId);
    expect(copy.CopyTimestamp).toBeInstanceOf(Date);
    expect(seconds(copy.CopyTimestamp)).toBeGreaterThan(seconds(copy.CreateTimestamp));
    expect(copy.TagList).toEqual([{ Key: 'Team', Value: 'pki' }]);
    const { seen, elapsed } = await advanceUntil(env.url, async () => (await find())?.BackupState === 'READY', {
      observe: async () => (await find())?.BackupState,
    });
    expect(seen).toEqual(['CREATE_IN_PROGRESS', 'READY']);
    expect(elapsed).toBeGreaterThan(0);
  });

  it('a TagList given to the copy replaces the source\'s tags', async () => {
    await env.client.send(new CopyBackupToRegionCommand({ BackupId: source.BackupId, DestinationRegion: 'eu-west-1', TagList: [{ Key: 'Copy', Value: 'dr' }] }));
    const copies = await allBackups(env.clientIn('eu-west-1'), { sourceBackupIds: [source.BackupId!] });
    expect(copies).toHaveLength(1);
    expect(copies[0]!.TagList).toEqual([{ Key: 'Copy', Value: 'dr' }]);
  });

  it('copying to the same region, or a backup that is not READY, is refused and copies nothing', async () => {
    const westBefore = ids(await allBackups(west()));
    await refused(
      env.client.send(new CopyBackupToRegionCommand({ BackupId: source.BackupId, DestinationRegion: REGION })),
      'CloudHsmInvalidRequestException',
      /choose another destination region/,
    );
    // A backup still being created: adding an HSM to the ACTIVE cluster takes one.
    await env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: env.subnets[1]!.AvailabilityZone }));
    const creating = await advanceUntil(env.url, async () => (await allBackups(env.client, { states: ['CREATE_IN_PROGRESS'] })).length > 0, { step: 10 });
    expect(creating.elapsed).toBeGreaterThan(0);
    const inProgress = (await allBackups(env.client, { states: ['CREATE_IN_PROGRESS'] }))[0]!;
    await refused(
      env.client.send(new CopyBackupToRegionCommand({ BackupId: inProgress.BackupId, DestinationRegion: 'us-west-2' })),
      'CloudHsmInvalidRequestException',
      /CREATE_IN_PROGRESS; only a READY backup can be copied/,
    );
    await settleBackups(env);
    const other = (await allBackups(env.client, { states: ['READY'] })).find((b) => b.BackupId !== source.BackupId)!;
    await env.client.send(new DeleteBackupCommand({ BackupId: other.BackupId }));
    await refused(
      env.client.send(new CopyBackupToRegionCommand({ BackupId: other.BackupId, DestinationRegion: 'us-west-2' })),
      'CloudHsmInvalidRequestException',
      /PENDING_DELETION; only a READY backup can be copied/,
    );
    expect(ids(await allBackups(west()))).toEqual(westBefore);
    await env.client.send(new RestoreBackupCommand({ BackupId: other.BackupId }));
  });

  it('CreateCluster from a backup id goes straight to ACTIVE with the backup\'s ClusterCertificate', async () => {
    const { Cluster: created } = await env.client.send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: env.subnets.map((s) => s.SubnetId), SourceBackupId: source.BackupId }),
    );
    const clusterId = created!.ClusterId!;
    expect(created!.SourceBackupId).toBe(source.BackupId);
    const { seen } = await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'ACTIVE', {
      observe: async () => (await cluster(env, clusterId)).State,
    });
    expect(seen).toEqual(['CREATE_IN_PROGRESS', 'ACTIVE']);
    const restored = await cluster(env, clusterId);
    expect(restored.Certificates).toEqual({ ClusterCertificate: active.certificate });
    expect(restored.SourceBackupId).toBe(source.BackupId);
    expect(restored.SecurityGroup).toMatch(/^sg-/);
    expect(restored.Hsms).toEqual([]);
    // No initialization, no one-HSM limit: two HSMs at once, and each one up takes a backup.
    await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[0]!.AvailabilityZone }));
    await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: env.subnets[1]!.AvailabilityZone }));
    await advanceUntil(env.url, async () => (await cluster(env, clusterId)).Hsms!.every((h) => h.State === 'ACTIVE'));
    await settleBackups(env);
    expect((await allBackups(env.client, { clusterIds: [clusterId] })).length).toBeGreaterThanOrEqual(2);
  });

  it('CreateCluster from a backup ARN, and from a copy in another region, echo the backup id', async () => {
    const arn = `arn:aws:cloudhsm:${REGION}:123456789012:backup/${source.BackupId}`;
    const { Cluster: byArn } = await env.client.send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[2]!.SubnetId], SourceBackupId: arn }),
    );
    expect(byArn!.SourceBackupId).toBe(source.BackupId);
    await advanceUntil(env.url, async () => (await cluster(env, byArn!.ClusterId!)).State === 'ACTIVE');
    const restored = await cluster(env, byArn!.ClusterId!);
    expect(restored.SourceBackupId).toBe(source.BackupId);
    expect(restored.Certificates).toEqual({ ClusterCertificate: active.certificate });

    const westSubnets = await seededSubnets(env.url, 'us-west-2');
    const copy = (await allBackups(west(), { sourceBackupIds: [source.BackupId!] }))[0]!;
    expect(copy.BackupState).toBe('READY');
    const { Cluster: fromCopy } = await west().send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [westSubnets[0]!.SubnetId], SourceBackupId: copy.BackupId }),
    );
    expect(fromCopy!.SourceBackupId).toBe(copy.BackupId);
    expect(fromCopy!.SubnetMapping).toEqual({ [westSubnets[0]!.AvailabilityZone]: westSubnets[0]!.SubnetId });
    await advanceUntil(env.url, async () => (await describeCluster(west(), fromCopy!.ClusterId!))?.State === 'ACTIVE');
    expect((await describeCluster(west(), fromCopy!.ClusterId!))!.Certificates).toEqual({ ClusterCertificate: active.certificate });
  });

  it('ModifyCluster refuses an HSM-type migration of an hsm2m cluster (only hsm1 → hsm2m exists) and changes nothing', async () => {
    const before = await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [active.clusterId] } }, { region: REGION });
    for (const target of ['hsm1.medium', 'hsm2m.large']) {
      const response = await rawCall(env.url, 'ModifyCluster', { ClusterId: active.clusterId, HsmType: target }, { region: REGION });
      expect(response.status).toBe(400);
      expect(response.body['__type']).toBe('CloudHsmInvalidRequestException');
      expect(String(response.body['message'])).toMatch(new RegExp(`from hsm2m\\.medium to ${target.replace('.', '\\.')} is not supported`));
    }
    const after = await rawCall(env.url, 'DescribeClusters', { Filters: { clusterIds: [active.clusterId] } }, { region: REGION });
    expect(after.body).toEqual(before.body);
    const wire = (after.body['Clusters'] as Record<string, unknown>[])[0]!;
    expect(wire['State']).toBe('ACTIVE');
    expect(wire['HsmType']).toBe('hsm2m.medium');
    expect(wire).not.toHaveProperty('HsmTypeRollbackExpiration');
  });
});

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
    const active = await activeCluster(env);
    const az = env.subnets[1]!.AvailabilityZone;
    const { Hsm: first } = await env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: az, IpAddress: '10.0.2.040' }));
    await advanceUntil(env.url, async () => (await hsmOf(env, active.clusterId, first!.HsmId!))?.State === 'ACTIVE');
    expect((await hsmOf(env, active.clusterId, first!.HsmId!))!.EniIp).toBe('10.0.2.40');
    await refused(
      env.client.send(new CreateHsmCommand({ ClusterId: active.clusterId, AvailabilityZone: az, IpAddress: '10.0.2.40' })),
      'CloudHsmInvalidRequestException',
      /10\.0\.2\.40 is already in use/,
    );
  });

  it('a DUALSTACK cluster\'s HSMs get a well-formed IPv6 address', async () => {
    const { Cluster: created } = await env.client.send(
      new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: env.subnets.map((s) => s.SubnetId), NetworkType: 'DUALSTACK' } as CreateClusterCommandInput),
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
    expect((await describeCluster(env.client, (await env.client.send(new DescribeClustersCommand({}))).Clusters![0]!.ClusterId!))).toBeDefined();
  });
});

describe('HSM-type migration of the demo\'s hsm1.medium cluster', () => {
  const env = useEmulator({ seed: 'demo' });

  it('no new hsm1.medium HSMs; migrate, then roll back within the window after the migration finished', async () => {
    const all = (await env.client.send(new DescribeClustersCommand({}))).Clusters!;
    const legacy = all.find((c) => c.HsmType === 'hsm1.medium' && c.State === 'ACTIVE')!;
    expect(legacy).toBeDefined();
    const az = Object.keys(legacy.SubnetMapping!)[0]!;
    await refused(env.client.send(new CreateHsmCommand({ ClusterId: legacy.ClusterId!, AvailabilityZone: az })), 'CloudHsmInvalidRequestException', /end of support/);
    const modify = (HsmType: string) =>
      rawCall(env.url, 'ModifyCluster', { ClusterId: legacy.ClusterId, HsmType }, { region: REGION });
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
