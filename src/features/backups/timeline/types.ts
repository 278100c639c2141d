/**
 * The shapes of the timeline's layout (see layoutTimeline.ts for the choices behind them) and the SHAPE each
 * backup state is drawn with. Pure types and data. A state's words and tone are not chosen here: they come
 * from the one status model (src/cloudhsm/status.ts, `backupStatus`), as everywhere else.
 */
import type { BackupWithExtras } from '../../../aws/extensions/extras';
import type { StatusSpec } from '../../../cloudhsm/status';
import type { AxisTick } from './ticks';
import type { TimeWindow } from './zoom';

/** A `RegionalBackup` (src/aws/queries/backups.ts), or anything of that shape. */
export interface TimelineBackupItem {
  region: string;
  backup: BackupWithExtras;
}

export type BackupMarkKind = 'ready' | 'creating' | 'pendingDeletion' | 'deleted' | 'unknown';
export type MarkShape = 'circle' | 'ring' | 'cross' | 'diamond';

export interface MarkStyle {
  shape: MarkShape;
  /** Drawn hollow (outline only). */
  hollow: boolean;
  /** Drawn with low opacity. */
  faded: boolean;
}

/**
 * The drawing of each state: the shape carries the state without colour (the mark's label says it in words);
 * the colour is the status model's tone (`BackupMark.status.tone`), which only repeats it.
 */
export const MARK_STYLES: Readonly<Record<BackupMarkKind, MarkStyle>> = {
  ready: { shape: 'circle', hollow: false, faded: false },
  creating: { shape: 'ring', hollow: true, faded: false },
  pendingDeletion: { shape: 'cross', hollow: false, faded: false },
  deleted: { shape: 'circle', hollow: false, faded: true },
  unknown: { shape: 'diamond', hollow: true, faded: false },
};

export function markKindOf(state: string | undefined): BackupMarkKind {
  switch (state) {
    case 'READY':
      return 'ready';
    case 'CREATE_IN_PROGRESS':
      return 'creating';
    case 'PENDING_DELETION':
      return 'pendingDeletion';
    case 'DELETED':
      return 'deleted';
    default:
      return 'unknown';
  }
}

export interface BackupRef {
  region: string;
  backupId: string;
}

export interface BackupMark {
  type: 'backup';
  /** `${region}/${backupId}` */
  id: string;
  backupId: string;
  region: string;
  clusterId: string;
  laneKey: string;
  /** BackupState as sent (`UNKNOWN` when absent). */
  state: string;
  /** How the state reads and looks (label, tone, icon), from the status model. */
  status: StatusSpec;
  kind: BackupMarkKind;
  style: MarkStyle;
  /** The instant the mark is placed at (see `timeSource`). */
  time: Date;
  timeSource: 'created' | 'copied';
  x: number;
  y: number;
  neverExpires: boolean;
  /** PENDING_DELETION only: when the backup will be purged (its DeleteTimestamp), null when unknown. */
  purgeAt: Date | null;
  /** Set on a copy: where it came from. */
  copyOf: (BackupRef & { sourceClusterId?: string }) | null;
  /** Copies of this backup found in the input: where it went. */
  copies: readonly BackupRef[];
  /** Accessible text, e.g. `backup-abc Ready, created 2026-11-20 14:03 UTC, copy of backup-xyz in us-east-1`. */
  label: string;
  backup: BackupWithExtras;
}

export interface ClusterMark {
  type: 'cluster';
  /** `cluster:${id of its first member}` */
  id: string;
  region: string;
  clusterId: string;
  laneKey: string;
  x: number;
  y: number;
  count: number;
  /** Time of the first and last member. */
  start: Date;
  end: Date;
  members: BackupMark[];
  /** Members per API state (`READY`: 3); the label says them in the status model's words. */
  countsByState: Record<string, number>;
  /**
   * The worst state among the members (by the status model's tone severity: error, warning, progress,
   * neutral, ok; ties by the state's name), its reading and its drawing, so a group shows its worst member.
   */
  worstState: string;
  worstStatus: StatusSpec;
  worstStyle: MarkStyle;
  neverExpiresCount: number;
  label: string;
}

export type TimelineMark = BackupMark | ClusterMark;

export interface TimelineLane {
  /** `${region}/${clusterId}` */
  key: string;
  region: string;
  clusterId: string;
  label: string;
  /** Centre line of the lane (marks sit on it). */
  y: number;
  top: number;
  height: number;
  /** Visible marks (backups and clusters), left to right. */
  marks: TimelineMark[];
}

export interface TimelineGroup {
  region: string;
  /** Top of the group's header. */
  y: number;
  headerHeight: number;
  height: number;
  lanes: TimelineLane[];
}

export interface LinkEndpoint extends BackupRef {
  /** The visible mark (a cluster mark when the backup is clustered); null when offscreen. */
  markId: string | null;
  laneKey: string;
  /** Mark x, or the axis edge (0 / width) when offscreen. */
  x: number;
  y: number;
  offscreen: 'before' | 'after' | null;
}

export interface TimelineLink {
  /** `${from backup mark id}->${to backup mark id}` */
  id: string;
  /** Visible mark id of the source, null when it is outside the window. */
  from: string | null;
  /** Visible mark id of the copy, null when it is outside the window. */
  to: string | null;
  fromRegion: string;
  toRegion: string;
  source: LinkEndpoint;
  target: LinkEndpoint;
}

export interface OrphanCopy extends BackupRef {
  /** Visible mark id of the copy, null when it is outside the window. */
  markId: string | null;
  sourceRegion: string | null;
  sourceBackupId: string;
}

export interface SkippedBackup {
  index: number;
  region: string | null;
  backupId: string | null;
  reason: 'invalid item' | 'missing BackupId' | 'no timestamp' | 'duplicate';
}

export interface TimelineLayout {
  window: TimeWindow;
  width: number;
  groups: TimelineGroup[];
  /** All visible marks, by time (then lane order, then id). */
  marks: TimelineMark[];
  links: TimelineLink[];
  /** Copies whose source backup (SourceRegion, SourceBackup) is not in the input. */
  orphanSources: OrphanCopy[];
  ticks: AxisTick[];
  height: number;
  /**
   * The id of the mark that shows a backup (`${region}/${backupId}`): its own id, the id of the cluster mark
   * it is in, or null when it is outside the window or not in the input.
   */
  visibleMarkOf: (backupMarkId: string) => string | null;
  skipped: SkippedBackup[];
}

export interface LayoutTimelineInput {
  backups: readonly TimelineBackupItem[];
  window: TimeWindow;
  /** Width of the time axis in pixels (> 0). */
  width: number;
  /** Default 32. */
  laneHeight?: number;
  /** Height of each region's header row; default 24. */
  groupHeaderHeight?: number;
  /** Marks closer than this (px) merge into a cluster; default 6; 0 turns clustering off. */
  clusterDistance?: number;
  now: Date;
  /** Cluster id -> display name for lane labels. */
  clusterNames?: ReadonlyMap<string, string>;
}

export const DEFAULT_LANE_HEIGHT = 32;
export const DEFAULT_GROUP_HEADER_HEIGHT = 24;
export const DEFAULT_CLUSTER_DISTANCE = 6;
