/**
 * Restore drills: restore a cluster from a backup into a throw-away cluster with one HSM, measure how long it
 * took (the RTO), then delete it. Pure: the words for a duration, which subnets a drill uses, the record of a
 * drill and how events change it, and what the drill needs next given what the service shows of its cluster.
 * The views run the steps; nothing here calls anything.
 */
import type { NetworkSubnet, NetworkVpc } from './api';

/** `14 min 20 s`, `45 s`, `1 h 2 min`: a measured duration, to the second below an hour. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  if (minutes > 0) return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`;
  return `${seconds} s`;
}

/** The tag that marks a drill's cluster, so anyone listing clusters sees what it is for. */
export const DRILL_PURPOSE_TAG = { Key: 'Purpose', Value: 'restore-drill' } as const;

/** The tags of a drill cluster: its purpose and a Name saying whose drill it is. */
export function drillTags(sourceName: string): { Key: string; Value: string }[] {
  return [{ ...DRILL_PURPOSE_TAG }, { Key: 'Name', Value: `${sourceName}-drill` }];
}

export interface SubnetChoice {
  vpcId: string;
  /** One subnet per Availability Zone, sorted by zone. */
  subnetIds: string[];
}

/** The source cluster, as far as where its HSMs live. */
export interface SubnetSource {
  region: string;
  VpcId?: string | undefined;
  /** Availability Zone → subnet id. */
  SubnetMapping?: Record<string, string> | undefined;
}

/** One subnet per Availability Zone of a VPC (the first listed in each zone), sorted by zone. */
export function subnetPerZone(subnets: readonly NetworkSubnet[], vpcId: string): string[] {
  const byZone = new Map<string, string>();
  for (const s of subnets) if (s.VpcId === vpcId && !byZone.has(s.AvailabilityZone)) byZone.set(s.AvailabilityZone, s.SubnetId);
  return [...byZone.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, id]) => id);
}

/**
 * Where a drill in `region` goes: in the source's own region its VPC and subnets (the drill then sits where a
 * real restore would); elsewhere one subnet per zone of the region's first listed VPC. Null when the network
 * is unknown and the source is elsewhere: the subnets must be typed.
 */
export function chooseDrillSubnets(
  region: string,
  network: { vpcs: readonly NetworkVpc[]; subnets: readonly NetworkSubnet[] } | undefined,
  source: SubnetSource,
): SubnetChoice | null {
  const mapping = source.SubnetMapping ?? {};
  if (source.region === region && Object.keys(mapping).length > 0) {
    const subnetIds = Object.entries(mapping)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, id]) => id);
    return { vpcId: source.VpcId ?? '', subnetIds };
  }
  const vpc = network?.vpcs[0];
  if (!network || !vpc) return null;
  return { vpcId: vpc.VpcId, subnetIds: subnetPerZone(network.subnets, vpc.VpcId) };
}

/** A failed step, as the AWS error said it (kept across reloads, so plain data). */
export interface DrillFailure {
  operation: string;
  region: string;
  code: string;
  message: string;
  title: string;
  requestId?: string | undefined;
  status?: number | undefined;
  retryable: boolean;
}

/** One drill of a source cluster. Times are epoch ms on the service's clock (see `clockSkewMs`). */
export interface DrillRecord {
  sourceClusterId: string;
  backupId: string;
  /** The backup's region: the drill cluster's region too. */
  region: string;
  drillClusterId: string;
  /** The drill cluster's CreateTimestamp. */
  startedAt: number;
  /** Service clock minus this browser's clock, read when the cluster was created: converts Date.now(). */
  clockSkewMs: number;
  /** Where the HSM goes ('' or a zone the cluster lacks: its first zone). */
  availabilityZone: string;
  hsmId?: string;
  /** When the HSM was first seen ACTIVE (to within one poll). */
  finishedAt?: number;
  durationMs?: number;
  /** Delete drill cluster was asked for. */
  deleteRequestedAt?: number;
  /** The drill cluster is gone (DELETED, or no longer listed). */
  deletedAt?: number;
  failure?: DrillFailure;
}

export type DrillRecords = Readonly<Record<string, DrillRecord>>;

export type DrillEvent =
  | { type: 'started'; record: Omit<DrillRecord, 'clockSkewMs' | 'startedAt'>; createdAt: number | undefined; localNow: number }
  | { type: 'hsmCreated'; sourceClusterId: string; hsmId: string }
  | { type: 'restored'; sourceClusterId: string; localNow: number }
  | { type: 'failed'; sourceClusterId: string; failure: DrillFailure }
  | { type: 'retry'; sourceClusterId: string }
  | { type: 'deleteRequested'; sourceClusterId: string; localNow: number }
  | { type: 'deleted'; sourceClusterId: string; localNow: number };

/** The service's time now, as this browser estimates it. */
export const serviceNow = (record: Pick<DrillRecord, 'clockSkewMs'>, localNow: number): number => localNow + record.clockSkewMs;

/** How long the drill has run (or ran), in ms. */
export function drillElapsed(record: DrillRecord, localNow: number): number {
  return record.durationMs ?? Math.max(0, serviceNow(record, localNow) - record.startedAt);
}

/** At most this many clusters' drills are kept (the oldest go first). */
export const MAX_DRILL_RECORDS = 100;

function change(records: DrillRecords, id: string, update: (r: DrillRecord) => DrillRecord): DrillRecords {
  const record = records[id];
  if (!record) return records;
  const next = update(record);
  return next === record ? records : { ...records, [id]: next };
}

/** The records after an event; the same object when nothing changed. */
export function drillReducer(records: DrillRecords, event: DrillEvent): DrillRecords {
  switch (event.type) {
    case 'started': {
      const startedAt = event.createdAt ?? event.localNow;
      const record: DrillRecord = { ...event.record, startedAt, clockSkewMs: startedAt - event.localNow };
      const rest = Object.values(records)
        .filter((r) => r.sourceClusterId !== record.sourceClusterId)
        .sort((a, b) => b.startedAt - a.startedAt)
        .slice(0, MAX_DRILL_RECORDS - 1);
      return Object.fromEntries([record, ...rest].map((r) => [r.sourceClusterId, r]));
    }
    case 'hsmCreated':
      return change(records, event.sourceClusterId, (r) => (r.hsmId === event.hsmId ? r : { ...r, hsmId: event.hsmId }));
    case 'restored':
      return change(records, event.sourceClusterId, (r) => {
        if (r.finishedAt !== undefined) return r;
        const finishedAt = serviceNow(r, event.localNow);
        return { ...r, finishedAt, durationMs: Math.max(0, finishedAt - r.startedAt) };
      });
    case 'failed':
      return change(records, event.sourceClusterId, (r) => ({ ...r, failure: event.failure }));
    case 'retry':
      return change(records, event.sourceClusterId, (r) => {
        if (!r.failure) return r;
        const { failure: _, ...rest } = r;
        return rest;
      });
    case 'deleteRequested':
      return change(records, event.sourceClusterId, (r) => {
        // Asked again after a failed step: clear the failure and go on.
        if (r.deletedAt !== undefined || (r.deleteRequestedAt !== undefined && !r.failure)) return r;
        const { failure: _, ...rest } = r;
        return { ...rest, deleteRequestedAt: r.deleteRequestedAt ?? serviceNow(r, event.localNow) };
      });
    case 'deleted':
      return change(records, event.sourceClusterId, (r) =>
        r.deletedAt !== undefined ? r : { ...r, deletedAt: serviceNow(r, event.localNow) },
      );
  }
}

/** What the service shows of the drill cluster: null when it is not listed (any more). */
export interface DrillClusterView {
  State?: string | undefined;
  SubnetMapping?: Record<string, string> | undefined;
  Hsms?: readonly { HsmId?: string | undefined; State?: string | undefined }[] | undefined;
}

export type DrillStep =
  | { kind: 'wait' }
  | { kind: 'createHsm'; availabilityZone: string }
  | { kind: 'adoptHsm'; hsmId: string }
  | { kind: 'restored' }
  | { kind: 'deleteHsm'; hsmId: string }
  | { kind: 'deleteCluster' }
  | { kind: 'deleted' }
  | { kind: 'stuck'; reason: string };

/** Cluster states in which CreateHsm is allowed (a cluster restored from a backup starts ACTIVE). */
const HSM_READY_STATES = new Set(['ACTIVE', 'UNINITIALIZED']);
/** HSM states DeleteHsm accepts. */
const DELETABLE_HSM_STATES = new Set(['ACTIVE', 'DEGRADED']);

function deletionStep(cluster: DrillClusterView | null): DrillStep {
  if (!cluster || cluster.State === 'DELETED') return { kind: 'deleted' };
  if (cluster.State === 'DELETE_IN_PROGRESS') return { kind: 'wait' };
  const hsms = cluster.Hsms ?? [];
  if (hsms.length > 0) {
    const deletable = hsms.find((h) => DELETABLE_HSM_STATES.has(h.State ?? ''));
    return deletable?.HsmId ? { kind: 'deleteHsm', hsmId: deletable.HsmId } : { kind: 'wait' };
  }
  return cluster.State === 'CREATE_IN_PROGRESS' ? { kind: 'wait' } : { kind: 'deleteCluster' };
}

/**
 * What the drill needs next, from its record and its cluster as last described (`undefined`: not read yet).
 * A failed step waits for "Try again"; a finished drill needs nothing until it is deleted.
 */
export function nextDrillStep(record: DrillRecord, cluster: DrillClusterView | null | undefined): DrillStep {
  if (cluster === undefined || record.failure || record.deletedAt !== undefined) return { kind: 'wait' };
  if (record.deleteRequestedAt !== undefined) return deletionStep(cluster);
  // A finished drill's cluster deleted some other way (console, CLI) is gone all the same.
  if (record.finishedAt !== undefined) return !cluster || cluster.State === 'DELETED' ? { kind: 'deleted' } : { kind: 'wait' };
  if (!cluster || cluster.State === 'DELETED' || cluster.State === 'DELETE_IN_PROGRESS') {
    return { kind: 'stuck', reason: 'The drill cluster was deleted before its HSM was ready.' };
  }
  const hsm = (cluster.Hsms ?? [])[0];
  if (hsm?.HsmId && hsm.HsmId !== record.hsmId) return { kind: 'adoptHsm', hsmId: hsm.HsmId };
  if (hsm?.State === 'ACTIVE') return { kind: 'restored' };
  if (hsm) {
    return hsm.State === 'CREATE_IN_PROGRESS'
      ? { kind: 'wait' }
      : { kind: 'stuck', reason: `The drill HSM is ${hsm.State ?? 'in an unknown state'}.` };
  }
  // Known but not listed: it was deleted behind the drill's back (or the read is older than CreateHsm's answer).
  if (record.hsmId) return { kind: 'stuck', reason: `The drill HSM ${record.hsmId} is no longer in the cluster.` };
  if (!HSM_READY_STATES.has(cluster.State ?? '')) {
    return cluster.State === 'CREATE_IN_PROGRESS' ? { kind: 'wait' } : { kind: 'stuck', reason: `The drill cluster is ${cluster.State}.` };
  }
  const zones = Object.keys(cluster.SubnetMapping ?? {});
  const availabilityZone = zones.includes(record.availabilityZone) ? record.availabilityZone : (zones.sort()[0] ?? record.availabilityZone);
  return { kind: 'createHsm', availabilityZone };
}

/** Where a drill stands, for the words a view shows. */
export type DrillPhase = 'restoring' | 'restored' | 'failed' | 'deleting' | 'deleted';

export function drillPhase(record: DrillRecord): DrillPhase {
  if (record.deletedAt !== undefined) return 'deleted';
  if (record.failure) return 'failed';
  if (record.deleteRequestedAt !== undefined) return 'deleting';
  return record.finishedAt !== undefined ? 'restored' : 'restoring';
}

/** Reads stored records back, keeping only well-formed ones (storage is outside our control). */
export function parseDrillRecords(text: string | null): DrillRecords {
  if (!text) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
  const kept: [string, DrillRecord][] = [];
  for (const [id, value] of Object.entries(parsed as Record<string, unknown>)) {
    if (isDrillRecord(value) && value.sourceClusterId === id) kept.push([id, value]);
  }
  return Object.fromEntries(kept);
}

function isDrillRecord(value: unknown): value is DrillRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  const strings = ['sourceClusterId', 'backupId', 'region', 'drillClusterId'];
  const numbers = ['startedAt', 'clockSkewMs'];
  const optionalNumbers = ['finishedAt', 'durationMs', 'deleteRequestedAt', 'deletedAt'];
  return (
    strings.every((k) => typeof r[k] === 'string' && r[k] !== '') &&
    typeof r['availabilityZone'] === 'string' &&
    numbers.every((k) => typeof r[k] === 'number' && Number.isFinite(r[k])) &&
    optionalNumbers.every((k) => r[k] === undefined || (typeof r[k] === 'number' && Number.isFinite(r[k]))) &&
    (r['hsmId'] === undefined || typeof r['hsmId'] === 'string') &&
    (r['failure'] === undefined || (typeof r['failure'] === 'object' && r['failure'] !== null))
  );
}
