import { createHsmCertificates } from '../certs';
import { workDoneAt, type OperationContext } from '../context';
import { invalidRequest, notFound } from '../errors';
import { newEc2Id, newResourceId } from '../ids';
import type { OperationInputs } from '../model/inputs';
import { ipToNumber, isValidIpv4, numberToIp, usableAddresses } from '../network';
import type { RegionState } from '../store';
import type { ClusterRecord, ClusterState, HsmRecord, WireHsm } from '../types';
import { toWireHsm } from '../wire';
import { findCluster, takeEventBackup } from './common';
import { checkHsmQuota } from '../quotas';

const PRE_ACTIVATION_STATES: readonly ClusterState[] = ['UNINITIALIZED', 'INITIALIZED'];
const ACTIVE_STATES: readonly ClusterState[] = ['ACTIVE', 'DEGRADED'];

function usedAddresses(state: RegionState, subnetId: string): Set<string> {
  const used = new Set<string>();
  for (const cluster of state.clusters.values()) {
    for (const hsm of cluster.Hsms) if (hsm.SubnetId === subnetId) used.add(hsm._eniIp);
  }
  return used;
}

function allocateAddress(ctx: OperationContext, subnetId: string, requested: string | undefined): string {
  const subnet = ctx.state.subnets.get(subnetId);
  const cidr = subnet?.CidrBlock ?? '10.0.0.0/24';
  const { first, last } = usableAddresses(cidr);
  const used = usedAddresses(ctx.state, subnetId);
  if (requested !== undefined) {
    const n = ipToNumber(requested);
    if (!isValidIpv4(requested) || n < first || n > last) {
      throw invalidRequest(`IP address ${requested} is not a usable address of subnet ${subnetId} (${cidr}).`);
    }
    // 10.0.1.004 and 10.0.1.4 are one address: compare and store the canonical form.
    const canonical = numberToIp(n);
    if (used.has(canonical)) throw invalidRequest(`IP address ${canonical} is already in use in subnet ${subnetId}.`);
    return canonical;
  }
  for (let n = first; n <= last; n++) {
    const ip = numberToIp(n);
    if (!used.has(ip)) return ip;
  }
  throw invalidRequest(`Subnet ${subnetId} (${cidr}) has no free IP address left.`);
}

/** The cluster's state allows another HSM, and one more fits its 28 and the account's quota in the region. */
function checkCanAddHsm(ctx: OperationContext, cluster: ClusterRecord): void {
  if (cluster.HsmType === 'hsm1.medium') {
    throw invalidRequest(
      `HSM type hsm1.medium has reached end of support: no new hsm1.medium HSMs can be created. Migrate cluster ${cluster.ClusterId} to hsm2m.medium with ModifyCluster first.`,
    );
  }
  if (PRE_ACTIVATION_STATES.includes(cluster.State)) {
    if (cluster.Hsms.length > 0) {
      // The real service's wording.
      throw invalidRequest(`Cluster '${cluster.ClusterId}' already contains an HSM but has not yet been fully activated`);
    }
  } else if (!ACTIVE_STATES.includes(cluster.State)) {
    throw invalidRequest(
      `Cluster ${cluster.ClusterId} is ${cluster.State}; HSMs can be added when the cluster is UNINITIALIZED or ACTIVE.`,
    );
  }
  checkHsmQuota(ctx.state, cluster, ctx.quotas);
}

export async function createHsm(ctx: OperationContext, input: OperationInputs['CreateHsm']): Promise<{ Hsm: WireHsm }> {
  const cluster = findCluster(ctx.state, input.ClusterId);
  const subnetId = cluster.SubnetMapping[input.AvailabilityZone];
  if (!subnetId) {
    throw invalidRequest(
      `Availability Zone ${input.AvailabilityZone} is not in the subnet mapping of cluster ${cluster.ClusterId} (${Object.keys(cluster.SubnetMapping).join(', ')}).`,
    );
  }
  checkCanAddHsm(ctx, cluster);
  const ip = allocateAddress(ctx, subnetId, input.IpAddress);
  const hsmId = newResourceId('hsm');
  // The first HSM of a new cluster brings the cluster's key pair, CSR and hardware certificates.
  const needsCertificates = cluster.State === 'UNINITIALIZED' && !cluster.Certificates.ClusterCsr && !cluster._pendingCertificates;
  const certificates = needsCertificates
    ? await createHsmCertificates({ clusterId: cluster.ClusterId, hsmId, hsmType: cluster.HsmType, mode: cluster.Mode })
    : undefined;
  // Another request may have changed the cluster while the keys were generated.
  if (ctx.state.clusters.get(cluster.ClusterId) !== cluster) throw notFound(`Cluster ${input.ClusterId} was not found in ${ctx.region}.`);
  checkCanAddHsm(ctx, cluster);
  if (usedAddresses(ctx.state, subnetId).has(ip)) throw invalidRequest(`IP address ${ip} is already in use in subnet ${subnetId}.`);

  const hsm: HsmRecord = {
    HsmId: hsmId,
    ClusterId: cluster.ClusterId,
    AvailabilityZone: input.AvailabilityZone,
    SubnetId: subnetId,
    HsmType: cluster.HsmType,
    State: 'CREATE_IN_PROGRESS',
    _eniId: newEc2Id('eni'),
    _eniIp: ip,
    _dueAt: workDoneAt(ctx, 'hsmCreate'),
  };
  if (cluster.NetworkType === 'DUALSTACK') {
    const [, , c = '0', d = '0'] = ip.split('.');
    // A /56 per VPC, a /64 per subnet: every group at most four hex digits.
    hsm._eniIpV6 = `2600:1f18:${(ipToNumber(ip) >>> 16).toString(16)}:${Number(c).toString(16)}00::${Number(d).toString(16)}`;
  }
  if (certificates) cluster._pendingCertificates = certificates;
  cluster.Hsms.push(hsm);
  ctx.store.putCluster(ctx.state, cluster);
  ctx.scheduleChanged();
  return { Hsm: toWireHsm(hsm) };
}

export function deleteHsm(ctx: OperationContext, input: OperationInputs['DeleteHsm']): { HsmId: string } {
  const cluster = findCluster(ctx.state, input.ClusterId);
  if (input.HsmId === undefined && input.EniId === undefined && input.EniIp === undefined) {
    throw invalidRequest('Specify the HSM to delete with one of HsmId, EniId or EniIp.');
  }
  const hsm = cluster.Hsms.find(
    (h) =>
      (input.HsmId === undefined || h.HsmId === input.HsmId) &&
      (input.EniId === undefined || h._eniId === input.EniId) &&
      (input.EniIp === undefined || (isValidIpv4(input.EniIp) && h._eniIp === numberToIp(ipToNumber(input.EniIp)))),
  );
  if (!hsm) {
    const what = input.HsmId ?? input.EniId ?? input.EniIp;
    throw notFound(`HSM ${what} was not found in cluster ${cluster.ClusterId}.`);
  }
  if (hsm.State !== 'ACTIVE' && hsm.State !== 'DEGRADED') {
    throw invalidRequest(`HSM ${hsm.HsmId} is ${hsm.State}; only an ACTIVE or DEGRADED HSM can be deleted.`);
  }
  if (cluster.State === 'MODIFY_IN_PROGRESS' || cluster.State === 'ROLLBACK_IN_PROGRESS') {
    throw invalidRequest(
      `Cluster ${cluster.ClusterId} is ${cluster.State} (limited-write mode); HSMs cannot be deleted until it is ACTIVE again.`,
    );
  }
  hsm.State = 'DELETE_IN_PROGRESS';
  hsm.StateMessage = 'HSM is being deleted.';
  hsm._dueAt = workDoneAt(ctx, 'hsmDelete');
  ctx.store.putCluster(ctx.state, cluster);
  // Removing an HSM from an active cluster triggers a backup.
  if (ACTIVE_STATES.includes(cluster.State)) takeEventBackup(ctx, cluster);
  ctx.scheduleChanged();
  return { HsmId: hsm.HsmId };
}
