/**
 * ModifyCluster, DeleteCluster and InitializeCluster over real HTTP, as a client sees them: the answer's shape,
 * every error the emulator raises for them, and proof that a refused request changed nothing.
 */
import { CreateHsmCommand, DeleteClusterCommand, InitializeClusterCommand, ModifyClusterCommand } from '@aws-sdk/client-cloudhsm-v2';
import { beforeAll, describe, expect, it } from 'vitest';
import { signCsrWithTestCa } from '../../certs';
import { DAY, listedCluster as describeCluster, snapshot } from '../../testing/api';
import { clusterWithCsr, createCluster, foreignCsr, uninitializedCluster } from '../../testing/clusters';
import { refused, TEST_REGION as REGION, useEmulator } from '../../testing/env';
import { rawCall } from '../../testing/harness';
import { ID, rawRefused } from '../../testing/operations';

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
    rawRefused(
      await rawCall(env.url, 'ModifyCluster', { ClusterId: clusterId }, { region: REGION }),
      'CloudHsmInvalidRequestException',
      /BackupRetentionPolicy, HsmType/,
    );
    // A valid retention change is not applied when the HsmType part of the request is refused.
    rawRefused(
      await rawCall(
        env.url,
        'ModifyCluster',
        { ClusterId: clusterId, HsmType: 'hsm1.medium', BackupRetentionPolicy: { Type: 'DAYS', Value: '45' } },
        { region: REGION },
      ),
      'CloudHsmInvalidRequestException',
      /HSM type can only be changed on an ACTIVE cluster/,
    );
    rawRefused(
      await rawCall(env.url, 'ModifyCluster', { ClusterId: clusterId, HsmType: 'medium' }, { region: REGION }),
      'CloudHsmInvalidRequestException',
      /hsmType.*regular expression/,
    );
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
    const hsmId = (await env.client.send(new CreateHsmCommand({ ClusterId: withHsm, AvailabilityZone: env.subnets[0]!.AvailabilityZone })))
      .Hsm!.HsmId!;
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
    const init = (id: string) =>
      env.client.send(new InitializeClusterCommand({ ClusterId: id, SignedCert: signedCert, TrustAnchor: trustAnchor }));
    await refused(init('cluster-zzzzzzzzzzz'), 'CloudHsmResourceNotFoundException', /cluster-zzzzzzzzzzz was not found/);
    await refused(init(noHsm), 'CloudHsmInvalidRequestException', /has no CSR yet.*create an HSM/);
    await refused(
      init(creating),
      'CloudHsmInvalidRequestException',
      /CREATE_IN_PROGRESS; only an UNINITIALIZED cluster can be initialized/,
    );
    expect(await snapshot(env)).toEqual(before);
  });

  it('refuses bad certificates with CloudHsmInvalidRequestException and the cluster stays UNINITIALIZED with its CSR', async () => {
    const good = await signCsrWithTestCa(target.csr);
    const other = await signCsrWithTestCa(await foreignCsr());
    const expired = await signCsrWithTestCa(target.csr, { notBefore: new Date(Date.now() - 30 * DAY * 1000), validDays: 1 });
    const before = await snapshot(env);
    const init = (signedCert: string, trustAnchor: string) =>
      env.client.send(new InitializeClusterCommand({ ClusterId: target.clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
    await refused(
      init(other.signedCert, other.trustAnchor),
      'CloudHsmInvalidRequestException',
      /public key does not match the cluster CSR/,
    );
    await refused(init(good.signedCert, good.signedCert), 'CloudHsmInvalidRequestException', /trust anchor is not self-signed/);
    await refused(init(expired.signedCert, expired.trustAnchor), 'CloudHsmInvalidRequestException', /expired/);
    await refused(
      init('hello world', good.trustAnchor),
      'CloudHsmInvalidRequestException',
      /signed certificate.*not a PEM-encoded X\.509 certificate/,
    );
    await refused(init(good.signedCert, target.csr), 'CloudHsmInvalidRequestException', /trust anchor.*CERTIFICATE REQUEST/);
    // The Cert pattern rejects ':' (PEM headers such as Proc-Type:).
    await refused(
      init(`Proc-Type: 4,ENCRYPTED\n${good.signedCert}`, good.trustAnchor),
      'CloudHsmInvalidRequestException',
      /signedCert.*regular expression/,
    );
    await refused(init('A'.repeat(20_001), good.trustAnchor), 'CloudHsmInvalidRequestException', /signedCert.*less than or equal to 20000/);
    rawRefused(
      await rawCall(env.url, 'InitializeCluster', { ClusterId: target.clusterId, SignedCert: good.signedCert }, { region: REGION }),
      'CloudHsmInvalidRequestException',
      /trustAnchor.*must not be null/,
    );
    expect(await snapshot(env)).toEqual(before);
    const cluster = await describeCluster(env.client, target.clusterId);
    expect(cluster.State).toBe('UNINITIALIZED');
    expect(cluster.Certificates?.ClusterCsr).toBe(target.csr);
    expect(cluster.Certificates?.ClusterCertificate).toBeUndefined();
  });

  it('initializes with the CSR signed by a self-signed trust anchor: INITIALIZE_IN_PROGRESS and the real StateMessage', async () => {
    const { signedCert, trustAnchor } = await signCsrWithTestCa(target.csr);
    const response = await env.client.send(
      new InitializeClusterCommand({ ClusterId: target.clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }),
    );
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
