/**
 * When the cluster and HSM actions are possible, and why not: the service's state rules (cloudhsm-api.md
 * §2.4–2.7, as the emulator enforces them), so a button can say why it is off instead of letting the call
 * fail. Pure; the API still has the last word and its refusal is shown if it disagrees.
 */
import type { ClusterWithExtras, Hsm } from '../../../../aws';
import { RETIRED_HSM_TYPE } from '../../create/hsmTypes';

/** CreateHsm: the first HSM before activation, any number (up to the hard limit) once active. */
const PRE_ACTIVATION_STATES = ['UNINITIALIZED', 'INITIALIZED'];
const ACTIVE_STATES = ['ACTIVE', 'DEGRADED'];
/** A hard limit of the service (not adjustable). */
export const MAX_HSMS_PER_CLUSTER = 28;

export interface ZoneChoice {
  availabilityZone: string;
  subnetId: string;
  /** HSMs the cluster already has in this AZ. */
  hsmCount: number;
}

export interface AddHsmRule {
  /** Why no HSM can be added now, or null. */
  reason: string | null;
  /** The AZs of the cluster's subnet mapping, sorted, with the subnet each HSM would get. */
  zones: ZoneChoice[];
}

const hsmsOf = (cluster: ClusterWithExtras): Hsm[] => cluster.Hsms ?? [];

/** A cluster or HSM state in words for a sentence, with the API's name in parentheses. */
const STATE_WORDS: Record<string, string> = {
  CREATE_IN_PROGRESS: 'still being created',
  UNINITIALIZED: 'not initialized yet',
  INITIALIZE_IN_PROGRESS: 'being initialized',
  INITIALIZED: 'initialized but not activated yet',
  ACTIVE: 'active',
  UPDATE_IN_PROGRESS: 'being updated',
  MODIFY_IN_PROGRESS: 'changing its HSM type',
  ROLLBACK_IN_PROGRESS: 'rolling back an HSM type change',
  DEGRADED: 'degraded',
  DELETE_IN_PROGRESS: 'being deleted',
  DELETED: 'deleted',
};
export function describeState(state: string | undefined): string {
  if (!state) return 'in an unknown state';
  const words = STATE_WORDS[state];
  return words ? `${words} (${state})` : `in state ${state}`;
}
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export function addHsmRule(cluster: ClusterWithExtras): AddHsmRule {
  const hsms = hsmsOf(cluster);
  const zones = Object.entries(cluster.SubnetMapping ?? {})
    .map(([availabilityZone, subnetId]) => ({
      availabilityZone,
      subnetId,
      hsmCount: hsms.filter((h) => h.AvailabilityZone === availabilityZone).length,
    }))
    .sort((a, b) => a.availabilityZone.localeCompare(b.availabilityZone));
  const state = cluster.State ?? 'UNKNOWN';
  let reason: string | null = null;
  if (zones.length === 0) reason = 'The cluster has no subnets mapped, so there is no Availability Zone to put an HSM in.';
  else if (cluster.HsmType === RETIRED_HSM_TYPE) {
    reason = 'hsm1.medium has reached end of support: no new hsm1.medium HSMs can be created. Migrate the cluster to hsm2m.medium first.';
  } else if (PRE_ACTIVATION_STATES.includes(state)) {
    if (hsms.length > 0) {
      reason = `Only one HSM until the cluster is active: the cluster is ${describeState(state)} and already has ${hsms[0]?.HsmId ?? 'an HSM'}. Initialize and activate the cluster, then add more.`;
    }
  } else if (ACTIVE_STATES.includes(state)) {
    if (hsms.length >= MAX_HSMS_PER_CLUSTER) reason = `The cluster already has ${MAX_HSMS_PER_CLUSTER} HSMs, the most a cluster can have.`;
  } else {
    reason = `HSMs can be added when the cluster is not initialized yet or active; it is ${describeState(cluster.State)}.`;
  }
  return { reason, zones };
}

/** The CIDR block's address range, or null when it is not an IPv4 CIDR. */
function cidrRange(cidr: string): { first: number; last: number } | null {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr.trim());
  if (!match) return null;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return null;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  const start = base - (base % size);
  return { first: start, last: start + size - 1 };
}

/**
 * An optional IP address for CreateHsm: empty (AWS picks one), or IPv4 inside the subnet's CIDR when it is
 * known, not one of the five addresses AWS reserves in every subnet (the first four and the last).
 */
export function checkHsmIpAddress(text: string, cidr: string | undefined): string | null {
  const ip = text.trim();
  if (ip === '') return null;
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!match) return `“${ip}” is not an IPv4 address (four numbers 0–255 separated by dots).`;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return `“${ip}” is not an IPv4 address: each number must be 0–255.`;
  const range = cidr ? cidrRange(cidr) : null;
  if (!range) return null;
  const n = octets.reduce((acc, o) => acc * 256 + o, 0);
  if (n < range.first || n > range.last) return `${ip} is not in the subnet's range ${cidr}.`;
  if (n < range.first + 4 || n === range.last)
    return `${ip} is reserved by AWS in every subnet (the first four addresses and the last one of ${cidr}).`;
  return null;
}

/** DeleteHsm: ACTIVE or DEGRADED HSMs, not while the cluster migrates its HSM type. */
export function deleteHsmReason(cluster: ClusterWithExtras, hsm: Hsm): string | null {
  if (hsm.State !== 'ACTIVE' && hsm.State !== 'DEGRADED')
    return `Only an active or degraded HSM can be deleted; this one is ${describeState(hsm.State)}.`;
  if (cluster.State === 'MODIFY_IN_PROGRESS' || cluster.State === 'ROLLBACK_IN_PROGRESS') {
    return `The cluster is ${describeState(cluster.State)}, in limited-write mode: HSMs cannot be deleted until it is active again.`;
  }
  return null;
}

/** The last HSM of an active cluster: deleting it leaves the cluster with no HSM to serve requests. */
export function isLastActiveHsm(cluster: ClusterWithExtras, hsm: Hsm): boolean {
  const others = hsmsOf(cluster).filter((h) => h.HsmId !== hsm.HsmId && h.State !== 'DELETE_IN_PROGRESS');
  return ACTIVE_STATES.includes(cluster.State ?? '') && others.length === 0;
}

const DELETABLE_STATES = ['UNINITIALIZED', 'INITIALIZED', 'ACTIVE', 'DEGRADED'];

/** DeleteCluster: only without HSMs, and not while the cluster is changing. */
export function deleteClusterReason(cluster: ClusterWithExtras): string | null {
  const hsms = hsmsOf(cluster);
  if (cluster.State === 'DELETE_IN_PROGRESS' || cluster.State === 'DELETED')
    return `The cluster is already ${cluster.State === 'DELETED' ? 'deleted' : 'being deleted'}.`;
  if (hsms.length > 0) return `Delete its ${plural(hsms.length, 'HSM')} first: a cluster can only be deleted when it has no HSMs.`;
  if (!DELETABLE_STATES.includes(cluster.State ?? '')) return `The cluster is ${describeState(cluster.State)}; wait until it settles.`;
  return null;
}

const MODIFIABLE_STATES = ['UNINITIALIZED', 'INITIALIZED', 'ACTIVE', 'DEGRADED', 'MODIFY_IN_PROGRESS'];

/** ModifyCluster (retention): any settled or migrating cluster. */
export function changeRetentionReason(cluster: ClusterWithExtras): string | null {
  if (MODIFIABLE_STATES.includes(cluster.State ?? '')) return null;
  return `The backup retention can be changed when the cluster is active or not yet initialized; it is ${describeState(cluster.State)}.`;
}

/**
 * InitializeCluster: an UNINITIALIZED cluster whose first HSM is ACTIVE (only then does it have a CSR to
 * sign). Null when the cluster is not UNINITIALIZED at all (there is nothing to offer).
 */
export function initializeRule(cluster: ClusterWithExtras): { reason: string | null } | null {
  if (cluster.State !== 'UNINITIALIZED') return null;
  const hsms = hsmsOf(cluster);
  if (hsms.length === 0)
    return {
      reason: 'Add the first HSM and wait for it to be ACTIVE: its certificate signing request (CSR) is what you sign to initialize.',
    };
  if (!hsms.some((h) => h.State === 'ACTIVE'))
    return { reason: 'Wait for the first HSM to be ACTIVE: the cluster gets its certificate signing request (CSR) then.' };
  if (!cluster.Certificates?.ClusterCsr) return { reason: 'The cluster has no certificate signing request (CSR) yet; wait a moment.' };
  return { reason: null };
}

/** States in which no cluster action is possible, with the one line that says why. */
const ALL_OFF: Record<string, string> = {
  CREATE_IN_PROGRESS: 'Actions are available once the cluster is created (CREATE_IN_PROGRESS); this page follows it.',
  INITIALIZE_IN_PROGRESS: 'Actions are available once the cluster is initialized (INITIALIZE_IN_PROGRESS); this page follows it.',
  UPDATE_IN_PROGRESS: 'Actions are available once the cluster’s update is done (UPDATE_IN_PROGRESS); this page follows it.',
  DELETE_IN_PROGRESS: 'The cluster is being deleted (DELETE_IN_PROGRESS): nothing else can be done with it.',
  DELETED: 'The cluster is deleted (DELETED): nothing can be changed.',
};

/**
 * The visible line(s) under the action bar saying why actions are off: one line when the cluster's state
 * turns everything off, else the reasons that surprise people (what initializing waits for, one HSM until
 * active, delete the HSMs first).
 * The buttons keep their own reason as their description; this is what sighted users read without hovering.
 */
export function actionNotes(cluster: ClusterWithExtras): string[] {
  const allOff = ALL_OFF[cluster.State ?? ''];
  if (allOff) return [allOff];
  const initialize = initializeRule(cluster)?.reason ?? null;
  const withHsms = hsmsOf(cluster).length > 0;
  return [initialize, withHsms ? addHsmRule(cluster).reason : null, withHsms ? deleteClusterReason(cluster) : null].filter(
    (r): r is string => r !== null,
  );
}
