/**
 * The one status model: how each state of a cluster, an HSM and a backup reads (label), how it looks (tone
 * and icon, from a small shared vocabulary) and whether it moves by itself. Every list, page, timeline,
 * tooltip and export takes its words from here, so one state reads the same everywhere. A new state in the
 * API is a compile error in these tables; a state this build does not know still reads (humanized words).
 */
import { type BackupState, type ClusterState, type HsmState, isTransitionalState } from './states';

/** The visual vocabulary: meaning, never colour alone (the kit draws a distinct icon for each). */
export type StatusTone = 'ok' | 'warning' | 'error' | 'progress' | 'neutral';

/**
 * Icons, by meaning: `success` ✓, `warning` ⚠, `error` ✕, `in-progress` (spinner), `pending` (clock: waits
 * for someone or for time), `stopped` (gone or off), `info` (unknown).
 */
export type StatusIcon = 'success' | 'warning' | 'error' | 'in-progress' | 'pending' | 'stopped' | 'info';

export interface StatusSpec {
  /** What a person reads ("Create in progress"). */
  label: string;
  tone: StatusTone;
  icon: StatusIcon;
  /** The state moves by itself (views poll while it lasts). */
  transitional: boolean;
}

type Table<State extends string> = Record<State, Omit<StatusSpec, 'transitional'>>;

const progress = (label: string): Omit<StatusSpec, 'transitional'> => ({ label, tone: 'progress', icon: 'in-progress' });

const CLUSTER: Table<ClusterState> = {
  CREATE_IN_PROGRESS: progress('Create in progress'),
  UNINITIALIZED: { label: 'Uninitialized', tone: 'neutral', icon: 'pending' },
  INITIALIZE_IN_PROGRESS: progress('Initialize in progress'),
  INITIALIZED: { label: 'Initialized', tone: 'neutral', icon: 'pending' },
  ACTIVE: { label: 'Active', tone: 'ok', icon: 'success' },
  UPDATE_IN_PROGRESS: progress('Update in progress'),
  MODIFY_IN_PROGRESS: progress('Modify in progress'),
  ROLLBACK_IN_PROGRESS: progress('Rollback in progress'),
  DELETE_IN_PROGRESS: progress('Delete in progress'),
  DELETED: { label: 'Deleted', tone: 'neutral', icon: 'stopped' },
  DEGRADED: { label: 'Degraded', tone: 'warning', icon: 'warning' },
};

const HSM: Table<HsmState> = {
  CREATE_IN_PROGRESS: progress('Create in progress'),
  ACTIVE: { label: 'Active', tone: 'ok', icon: 'success' },
  DEGRADED: { label: 'Degraded', tone: 'warning', icon: 'warning' },
  DELETE_IN_PROGRESS: progress('Delete in progress'),
  DELETED: { label: 'Deleted', tone: 'neutral', icon: 'stopped' },
};

const BACKUP: Table<BackupState> = {
  CREATE_IN_PROGRESS: progress('Create in progress'),
  READY: { label: 'Ready', tone: 'ok', icon: 'success' },
  // Deleted but restorable for 7 days: it will go by itself unless someone acts.
  PENDING_DELETION: { label: 'Pending deletion', tone: 'warning', icon: 'pending' },
  DELETED: { label: 'Deleted', tone: 'neutral', icon: 'stopped' },
};

export type ResourceKind = 'cluster' | 'hsm' | 'backup';

const TABLES: Record<ResourceKind, Record<string, Omit<StatusSpec, 'transitional'>>> = { cluster: CLUSTER, hsm: HSM, backup: BACKUP };

/** `CREATE_IN_PROGRESS` → "Create in progress"; used for a state newer than this build. */
export function humanizeState(state: string): string {
  const words = state.toLowerCase().split('_').filter(Boolean).join(' ');
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Unknown';
}

/** How one state of one kind of resource reads and looks. */
export function statusOf(kind: ResourceKind, state: string | undefined): StatusSpec {
  const transitional = isTransitionalState(state);
  if (!state) return { label: 'Unknown', tone: 'neutral', icon: 'info', transitional: false };
  const known = Object.hasOwn(TABLES[kind], state) ? TABLES[kind][state] : undefined;
  if (known) return { ...known, transitional };
  return transitional
    ? { label: humanizeState(state), tone: 'progress', icon: 'in-progress', transitional }
    : { label: humanizeState(state), tone: 'neutral', icon: 'info', transitional };
}

export const clusterStatus = (state: string | undefined): StatusSpec => statusOf('cluster', state);
export const hsmStatus = (state: string | undefined): StatusSpec => statusOf('hsm', state);
export const backupStatus = (state: string | undefined): StatusSpec => statusOf('backup', state);

/** Severity order, for "the worst state in a bucket" and for sorting by trouble. */
const SEVERITY: Record<StatusTone, number> = { error: 4, warning: 3, progress: 2, neutral: 1, ok: 0 };
export const toneSeverity = (tone: StatusTone): number => SEVERITY[tone];
export const worstTone = (tones: Iterable<StatusTone>): StatusTone => {
  let worst: StatusTone = 'ok';
  for (const tone of tones) if (SEVERITY[tone] > SEVERITY[worst]) worst = tone;
  return worst;
};
