/**
 * Test helpers: clusters in a given state, built through the API the way a client gets there (create, wait,
 * add an HSM, initialize with a test CA's certificate, activate through the admin route).
 */
import {
  CreateClusterCommand,
  CreateHsmCommand,
  InitializeClusterCommand,
  type Cluster,
  type CreateClusterCommandInput,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { expect } from 'vitest';
import { createCsr, generateKeyPair } from '../../pki';
import { signCsrWithTestCa } from '../certs';
import { advanceUntil, allBackups, cluster, settleBackups } from './api';
import { TEST_REGION, type Env, type Subnet } from './env';
import { admin } from './harness';

export const PEM_CSR = /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n?$/;
export const PEM_CERT = /^-----BEGIN CERTIFICATE-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE-----\n?$/;

/** CreateCluster (hsm2m.medium) in the seeded subnets, or the given ones. */
export async function createCluster(env: Env, opts: { subnets?: Subnet[]; tags?: Tag[]; region?: string } = {}): Promise<Cluster> {
  const subnets = opts.subnets ?? env.subnets;
  const { Cluster: created } = await env
    .clientIn(opts.region ?? TEST_REGION)
    .send(new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.map((s) => s.SubnetId), TagList: opts.tags }));
  return created!;
}

/** Members of a CreateCluster request beyond the defaults (SDK 3.332 has no Mode member: the emulator reads it all the same). */
export type ClusterRequest = Partial<CreateClusterCommandInput> & { Mode?: string };

/** A CreateCluster body: hsm2m.medium in the first seeded subnet, with `members` on top. */
export const clusterRequest = (env: Env, members: ClusterRequest = {}): CreateClusterCommandInput =>
  ({ HsmType: 'hsm2m.medium', SubnetIds: [env.subnets[0]!.SubnetId], ...members }) as CreateClusterCommandInput;

/** Sends that request through the SDK, for a test that reads the answer or expects a refusal. */
export const sendCreateCluster = (env: Env, members: ClusterRequest = {}) =>
  env.client.send(new CreateClusterCommand(clusterRequest(env, members)));

/** A cluster that has finished creating (UNINITIALIZED). */
export async function uninitializedCluster(env: Env, opts: { subnets?: Subnet[]; tags?: Tag[] } = {}): Promise<string> {
  const { ClusterId } = await createCluster(env, opts);
  await advanceUntil(env.url, async () => (await cluster(env, ClusterId!)).State === 'UNINITIALIZED');
  return ClusterId!;
}

/** Adds an HSM and waits for it to be ACTIVE. */
export async function activeHsm(env: Env, clusterId: string, az = env.subnets[0]!.AvailabilityZone): Promise<string> {
  const { Hsm: hsm } = await env.client.send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: az }));
  await advanceUntil(env.url, async () => (await cluster(env, clusterId)).Hsms?.find((h) => h.HsmId === hsm!.HsmId)?.State === 'ACTIVE');
  return hsm!.HsmId!;
}

/** An UNINITIALIZED cluster with an ACTIVE first HSM (so it has a CSR). */
export async function clusterWithCsr(env: Env): Promise<{ clusterId: string; hsmId: string; csr: string }> {
  const clusterId = await uninitializedCluster(env);
  const hsmId = await activeHsm(env, clusterId);
  const csr = (await cluster(env, clusterId)).Certificates?.ClusterCsr;
  expect(csr).toMatch(PEM_CSR);
  return { clusterId, hsmId, csr: csr! };
}

export interface ActiveCluster {
  clusterId: string;
  hsmId: string;
  /** Its ClusterCertificate. */
  certificate: string;
}

/** An ACTIVE cluster with one ACTIVE HSM and its READY activation backup. */
export async function activeCluster(env: Env): Promise<ActiveCluster> {
  const { clusterId, hsmId, csr } = await clusterWithCsr(env);
  const { signedCert, trustAnchor } = await signCsrWithTestCa(csr);
  await env.client.send(new InitializeClusterCommand({ ClusterId: clusterId, SignedCert: signedCert, TrustAnchor: trustAnchor }));
  await advanceUntil(env.url, async () => (await cluster(env, clusterId)).State === 'INITIALIZED');
  await admin(env.url, 'activate-cluster', { region: TEST_REGION, clusterId });
  await advanceUntil(env.url, async () =>
    (await allBackups(env.client, { clusterIds: [clusterId] })).some((b) => b.BackupState === 'READY'),
  );
  return { clusterId, hsmId, certificate: (await cluster(env, clusterId)).Certificates!.ClusterCertificate! };
}

/** An active cluster, once no backup of the region is still being created (so later backups are the test's own). */
export async function settledActiveCluster(env: Env): Promise<ActiveCluster> {
  const active = await activeCluster(env);
  await settleBackups(env);
  return active;
}

/** A 2048-bit RSA CSR that belongs to no cluster. */
export async function foreignCsr(subject = 'CN=not this cluster'): Promise<string> {
  return createCsr(subject, await generateKeyPair());
}
