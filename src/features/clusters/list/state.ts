/**
 * How a cluster's state reads (label, glyph, tone: never colour alone) and whether a cluster is
 * highly available. Pure functions.
 */
import { isTransitionalState, type ClusterWithExtras } from '../../../aws';

export type StateTone = 'ok' | 'warning' | 'danger' | 'progress' | 'neutral';

export interface ClusterStateInfo {
  /** What a person reads ("Create in progress"). */
  label: string;
  /** A text glyph shown beside the label (decorative: the label carries the meaning). */
  icon: string;
  tone: StateTone;
  /** The state moves by itself (the list polls while it lasts). */
  transitional: boolean;
}

const KNOWN: Record<string, Omit<ClusterStateInfo, 'transitional'>> = {
  ACTIVE: { label: 'Active', icon: '✓', tone: 'ok' },
  DEGRADED: { label: 'Degraded', icon: '⚠', tone: 'warning' },
  UNINITIALIZED: { label: 'Uninitialized', icon: '○', tone: 'neutral' },
  INITIALIZED: { label: 'Initialized', icon: '◐', tone: 'neutral' },
  DELETED: { label: 'Deleted', icon: '✕', tone: 'danger' },
  CREATE_IN_PROGRESS: { label: 'Create in progress', icon: '↻', tone: 'progress' },
  INITIALIZE_IN_PROGRESS: { label: 'Initialize in progress', icon: '↻', tone: 'progress' },
  UPDATE_IN_PROGRESS: { label: 'Update in progress', icon: '↻', tone: 'progress' },
  MODIFY_IN_PROGRESS: { label: 'Modify in progress', icon: '↻', tone: 'progress' },
  ROLLBACK_IN_PROGRESS: { label: 'Rollback in progress', icon: '↺', tone: 'progress' },
  DELETE_IN_PROGRESS: { label: 'Delete in progress', icon: '↻', tone: 'danger' },
};

/** Sentence-case words of an unknown state, so a newer value still reads. */
const humanize = (state: string): string => {
  const words = state.toLowerCase().split('_').filter(Boolean).join(' ');
  return words ? words[0]!.toUpperCase() + words.slice(1) : 'Unknown';
};

export function clusterStateInfo(state: string | undefined): ClusterStateInfo {
  const transitional = isTransitionalState(state);
  const known = state ? KNOWN[state] : undefined;
  if (known) return { ...known, transitional };
  if (!state) return { label: 'Unknown', icon: '?', tone: 'neutral', transitional: false };
  return { label: humanize(state), icon: transitional ? '↻' : '•', tone: transitional ? 'progress' : 'neutral', transitional };
}

export interface HaStatus {
  /** HSMs in the cluster, whatever their state. */
  hsmCount: number;
  /** Distinct AZs (sorted) of the HSMs that serve: ACTIVE or DEGRADED. */
  zones: string[];
  /** An ACTIVE cluster whose serving HSMs sit in fewer than two AZs. */
  warning: boolean;
  /** Why, when `warning`. */
  message?: string;
}

const SERVING_HSM_STATES = new Set(['ACTIVE', 'DEGRADED']);

export function haStatus(cluster: Pick<ClusterWithExtras, 'State' | 'Hsms'>): HaStatus {
  const hsms = cluster.Hsms ?? [];
  const zones = [...new Set(hsms.filter((h) => h.State && SERVING_HSM_STATES.has(h.State) && h.AvailabilityZone).map((h) => h.AvailabilityZone!))].sort();
  const warning = cluster.State === 'ACTIVE' && zones.length < 2;
  if (!warning) return { hsmCount: hsms.length, zones, warning };
  const message =
    zones.length === 0
      ? 'Not highly available: no HSM is serving. Add HSMs in at least two Availability Zones.'
      : `Not highly available: all serving HSMs are in ${zones[0]}. Add an HSM in another Availability Zone.`;
  return { hsmCount: hsms.length, zones, warning, message };
}
