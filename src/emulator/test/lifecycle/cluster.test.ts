/**
 * A cluster from creation to deletion: its states, HSMs, initialization, activation and backups over time.
 *
 * Lifecycles run over real HTTP, with the emulator clock moved forward through the admin route instead of
 * waiting. Durations are not hard-coded: `advanceUntil` steps the clock until the client sees the next state,
 * and the tests only check that the work took a realistic while ("a few minutes", cloudhsm-api.md §4.1).
 */
import { CreateHsmCommand, DeleteClusterCommand, DeleteHsmCommand, InitializeClusterCommand } from '@aws-sdk/client-cloudhsm-v2';
import { describe, expect, it } from 'vitest';
import { signCsrWithTestCa } from '../../certs';
import {
  advanceUntil,
  allBackups,
  cluster,
  DAY,
  describeBackup as backup,
  describeCluster,
  emulatorNow,
  hsmOf,
  MINUTE,
  seconds,
  settleBackups,
  sortedBackupIds as ids,
} from '../../testing/api';
import { activeHsm as addActiveHsm, createCluster, foreignCsr, PEM_CERT, PEM_CSR } from '../../testing/clusters';
import { refused, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { admin, advanceClock } from '../../testing/harness';

function ipInCidr(ip: string, cidr: string): boolean {
  const toNumber = (a: string): number => a.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
  const [base, bits] = cidr.split('/') as [string, string];
  const size = 2 ** (32 - Number(bits));
  const n = toNumber(ip);
  return n >= toNumber(base) && n < toNumber(base) + size;
}

const env = useEmulator();
let clusterId = '';
let firstHsm = '';
let secondHsm = '';
let signed = { signedCert: '', trustAnchor: '' };

describe('a cluster from creation to deletion: creation and the first HSM', () => {
  it('CreateCluster: CREATE_IN_PROGRESS, then UNINITIALIZED after a few minutes, with a security group', async () => {
    clusterId = (await createCluster(env)).ClusterId!;
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
    expect(Object.keys(certs).sort()).toEqual([
      'AwsHardwareCertificate',
      'ClusterCsr',
      'HsmCertificate',
      'ManufacturerHardwareCertificate',
    ]);
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
});

describe('a cluster from creation to deletion: initialization and activation', () => {
  it('InitializeCluster refuses a certificate for another CSR or an anchor that is not self-signed; the cluster stays UNINITIALIZED', async () => {
    const csr = (await cluster(env, clusterId)).Certificates!.ClusterCsr!;
    signed = await signCsrWithTestCa(csr);
    const other = await signCsrWithTestCa(await foreignCsr('CN=another cluster'));
    const init = (signedCert: string, trustAnchor: string) =>
      env.client.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
    await refused(
      init(other.signedCert, other.trustAnchor),
      'CloudHsmInvalidRequestException',
      /public key does not match the cluster CSR/,
    );
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
    const response = await env.client.send(
      new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signed.signedCert, TrustAnchor: signed.trustAnchor }),
    );
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
    await expect(admin(env.url, 'activate-cluster', { region: REGION, clusterId })).rejects.toThrow(
      /only an INITIALIZED cluster can be activated/,
    );
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
});

describe('a cluster from creation to deletion: HSM health, daily backups, deletion', () => {
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
    await refused(
      env.client.send(new DeleteClusterCommand({ ClusterId: clusterId })),
      'CloudHsmInvalidRequestException',
      /Delete all HSMs before deleting the cluster/,
    );
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
    await advanceUntil(env.url, async () => (await describeCluster(env.client, clusterId)) === undefined, {
      step: 6 * 3600,
      limit: 7 * DAY,
    });
    // The deleted cluster's backups remain (no new ones: it has no HSMs).
    expect(ids(await allBackups(env.client, { clusterIds: [clusterId] }))).toEqual(backups);
  });
});
