/**
 * A cluster's health: its own state combined with its HSMs'. The API says ACTIVE for a cluster whose HSM is
 * DEGRADED, or that has no HSM at all; an operator must see those. Pure: one function every view and export
 * uses, so "Active · Degraded" reads the same in the list, on the page and in a CSV.
 */
import { clusterStatus, type StatusIcon, type StatusSpec, type StatusTone } from './status';

export interface HsmLike {
  HsmId?: string;
  State?: string;
  AvailabilityZone?: string;
  StateMessage?: string;
}

export interface ClusterLike {
  State?: string;
  Hsms?: readonly HsmLike[];
  CreateTimestamp?: Date | number;
}

export type HealthProblemCode = 'hsm-degraded' | 'cluster-degraded' | 'no-hsm' | 'single-az' | 'not-activated' | 'uninitialized-stale';

export interface HealthProblem {
  code: HealthProblemCode;
  /** A few words for a badge ("Degraded", "Not highly available"). */
  summary: string;
  /** A sentence that says what is wrong and what to do. */
  message: string;
  tone: Extract<StatusTone, 'warning' | 'error'>;
  hsmId?: string;
  availabilityZone?: string;
  /** The service's own words about the HSM, when it gave some. */
  stateMessage?: string;
}

export interface ClusterHealth {
  /** The cluster's own state, as the API reports it. */
  state: StatusSpec;
  /** "Active · Degraded" when something is wrong, else the state's label. */
  label: string;
  tone: StatusTone;
  icon: StatusIcon;
  problems: HealthProblem[];
  needsAttention: boolean;
}

/** HSMs that serve requests: a degraded HSM still serves while AWS replaces it. */
const SERVING = new Set(['ACTIVE', 'DEGRADED']);
const DAY_MS = 86_400_000;

const millis = (value: Date | number | undefined): number | undefined =>
  value === undefined ? undefined : typeof value === 'number' ? value : value.getTime();

/** Availability Zones (sorted) of the HSMs that serve. */
export function servingZones(hsms: readonly HsmLike[] | undefined): string[] {
  const zones = (hsms ?? [])
    .filter((h) => h.State !== undefined && SERVING.has(h.State) && h.AvailabilityZone)
    .map((h) => h.AvailabilityZone!);
  return [...new Set(zones)].sort();
}

function problemsOf(cluster: ClusterLike, now: number): HealthProblem[] {
  const hsms = cluster.Hsms ?? [];
  const problems: HealthProblem[] = [];
  for (const hsm of hsms.filter((h) => h.State === 'DEGRADED')) {
    problems.push({
      code: 'hsm-degraded',
      summary: 'Degraded',
      message: `HSM ${hsm.HsmId ?? '(unknown)'}${hsm.AvailabilityZone ? ` in ${hsm.AvailabilityZone}` : ''} is degraded; AWS replaces a failed HSM by itself. Check that the cluster still has enough capacity.`,
      tone: 'warning',
      ...(hsm.HsmId !== undefined && { hsmId: hsm.HsmId }),
      ...(hsm.AvailabilityZone !== undefined && { availabilityZone: hsm.AvailabilityZone }),
      ...(hsm.StateMessage !== undefined && { stateMessage: hsm.StateMessage }),
    });
  }
  if (cluster.State === 'DEGRADED' && problems.length === 0) {
    problems.push({ code: 'cluster-degraded', summary: 'Degraded', message: 'The cluster is degraded.', tone: 'warning' });
  }
  if (cluster.State === 'ACTIVE') {
    const zones = servingZones(hsms);
    if (hsms.length === 0) {
      problems.push({
        code: 'no-hsm',
        summary: 'No HSM',
        message: 'No HSM: the cluster cannot serve requests. Add an HSM (two, in different Availability Zones, for high availability).',
        tone: 'warning',
      });
    } else if (zones.length < 2) {
      problems.push({
        code: 'single-az',
        summary: 'Not highly available',
        message:
          zones.length === 0
            ? 'Not highly available: no HSM is serving. Add HSMs in at least two Availability Zones.'
            : `Not highly available: all serving HSMs are in ${zones[0]}. Add an HSM in another Availability Zone.`,
        tone: 'warning',
      });
    }
  }
  if (cluster.State === 'INITIALIZED') {
    problems.push({
      code: 'not-activated',
      summary: 'Not activated',
      message: 'Initialized but not active: activate it with the CloudHSM CLI (cluster activate) before it can be used.',
      tone: 'warning',
    });
  }
  const created = millis(cluster.CreateTimestamp);
  if (cluster.State === 'UNINITIALIZED' && created !== undefined && now - created > DAY_MS) {
    problems.push({
      code: 'uninitialized-stale',
      summary: 'For over a day',
      message: 'Uninitialized for over a day: initialize it, or delete it if it is not needed.',
      tone: 'warning',
    });
  }
  return problems;
}

/** The cluster's health at `now` (a Date or epoch milliseconds). */
export function clusterHealth(cluster: ClusterLike, now: Date | number = Date.now()): ClusterHealth {
  const state = clusterStatus(cluster.State);
  const problems = cluster.State === 'DELETED' ? [] : problemsOf(cluster, millis(now)!);
  const first = problems[0];
  if (!first) return { state, label: state.label, tone: state.tone, icon: state.icon, problems, needsAttention: false };
  const label = first.summary === state.label ? state.label : `${state.label} · ${first.summary}`;
  const tone = problems.some((p) => p.tone === 'error') ? 'error' : 'warning';
  return { state, label, tone, icon: tone === 'error' ? 'error' : 'warning', problems, needsAttention: true };
}

/** One problem in words, with the service's own words about the HSM when it gave some. */
export const problemSentence = (p: HealthProblem): string =>
  p.stateMessage ? `${p.message} AWS says: ${p.stateMessage.trim()}` : p.message;

/**
 * The health in one line of words, for exports and plain-text places: "Active" when nothing is wrong, else
 * "Active · Degraded: HSM hsm-… in eu-west-1b is degraded; …".
 */
export function healthSentence(health: ClusterHealth): string {
  const [first, ...rest] = health.problems;
  if (!first) return health.label;
  // The label already ends with the first problem's summary: "Not highly available: Not highly available: …" says it twice.
  const lead = problemSentence(first);
  const opening = lead.startsWith(`${first.summary}: `) ? lead.slice(first.summary.length + 2) : lead;
  return `${health.label}: ${[opening, ...rest.map(problemSentence)].join(' ')}`;
}
