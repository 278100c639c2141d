/**
 * `layoutTimeline`: the pure layout of the backup timeline (no React). Backups from several regions become
 * marks on a time axis, one lane per (region, cluster), lanes grouped by region, with links from each source
 * backup to its copies in other regions.
 *
 * Choices (documented here because the view relies on them):
 *  - Mark ids are `${region}/${BackupId}` (a copy has its own BackupId, but the region keeps ids unambiguous).
 *  - Lanes are per (region, ClusterId). A copy's ClusterId is its SOURCE cluster's id, so a copy sits in its
 *    own region's lane for that cluster id: the lane `eu-west-1/cluster-a` holds copies of cluster-a's
 *    backups that were copied into eu-west-1.
 *  - x comes from `CopyTimestamp` when present (a copy appears in its region when it is copied; its
 *    CreateTimestamp is the source's creation time), else from `CreateTimestamp`. Backups with neither are
 *    not placed and are listed in `skipped`.
 *  - Every lane that has a backup in the input exists, even with no mark in the window, so lanes do not jump
 *    while a person pans or zooms.
 *  - Marks outside the window (inclusive bounds) are dropped. A link whose one end is outside the window is
 *    kept: that endpoint has `markId: null`, `offscreen: 'before' | 'after'` and x pinned to the axis edge
 *    (0 or width) in the endpoint's lane, so the view can draw an arrow off the edge. Links with no visible
 *    end are dropped.
 *  - Marks in a lane closer than `clusterDistance` px (default 6) to the first mark of a run are merged into
 *    one cluster mark with a count (x = middle of the run). Links and keyboard navigation then refer to the
 *    cluster mark; its `members` keep the individual backups.
 *  - Mark `label`s are formatted on first read and cached (class getters), so a 20,000-backup layout does not
 *    format 20,000 strings that nobody reads. Spreading a mark drops the getter: read `label` first.
 */
import type { BackupWithExtras } from '../../../aws/extensions/extras';
import { formatRelative, formatUtcMinute } from './format';
import { axisTicks, type AxisTick } from './ticks';
import { assertValidWindow, type TimeWindow } from './zoom';

/** A `RegionalBackup` (src/aws/queries/backups.ts), or anything of that shape. */
export interface TimelineBackupItem {
  region: string;
  backup: BackupWithExtras;
}

export type BackupMarkKind = 'ready' | 'creating' | 'pendingDeletion' | 'deleted' | 'unknown';
export type MarkShape = 'circle' | 'ring' | 'cross' | 'diamond';
export type MarkTone = 'success' | 'info' | 'warning' | 'muted' | 'neutral';

export interface MarkStyle {
  shape: MarkShape;
  /** Drawn hollow (outline only). */
  hollow: boolean;
  /** Drawn with low opacity. */
  faded: boolean;
  tone: MarkTone;
}

/** The drawing of each state. Shape and text carry the state; colour (tone) only reinforces it. */
export const MARK_STYLES: Readonly<Record<BackupMarkKind, MarkStyle>> = {
  ready: { shape: 'circle', hollow: false, faded: false, tone: 'success' },
  creating: { shape: 'ring', hollow: true, faded: false, tone: 'info' },
  pendingDeletion: { shape: 'cross', hollow: false, faded: false, tone: 'warning' },
  deleted: { shape: 'circle', hollow: false, faded: true, tone: 'muted' },
  unknown: { shape: 'diamond', hollow: true, faded: false, tone: 'neutral' },
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
  /** Accessible text, e.g. `backup-abc READY, created 2026-11-20 14:03 UTC, copy of backup-xyz in us-east-1`. */
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
  countsByState: Record<string, number>;
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
/** How many copy destinations a source's label names before "and N more". */
const MAX_COPIES_IN_LABEL = 3;

const toMs = (value: unknown): number | undefined => {
  if (value instanceof Date) {
    const t = value.getTime();
    return Number.isFinite(t) ? t : undefined;
  }
  return undefined;
};

/** Where a backup is placed on the axis: CopyTimestamp when present (copies), else CreateTimestamp. */
export function markTimeOf(backup: BackupWithExtras): { time: number; date: Date; source: 'created' | 'copied' } | null {
  const copied = toMs(backup.CopyTimestamp);
  if (copied !== undefined) return { time: copied, date: backup.CopyTimestamp!, source: 'copied' };
  const created = toMs(backup.CreateTimestamp);
  if (created !== undefined) return { time: created, date: backup.CreateTimestamp!, source: 'created' };
  return null;
}

/** Earliest and latest placement time of the backups (for `zoomWindow('all', now, extent)`), or null. */
export function dataExtent(backups: readonly TimelineBackupItem[]): TimeWindow | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of backups) {
    if (!item || !item.backup) continue;
    const placed = markTimeOf(item.backup);
    if (!placed) continue;
    if (placed.time < lo) lo = placed.time;
    if (placed.time > hi) hi = placed.time;
  }
  return lo === Infinity ? null : { start: new Date(lo), end: new Date(hi) };
}

const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

interface Entry {
  index: number;
  region: string;
  backupId: string;
  clusterId: string;
  lane: LaneBuilder;
  t: number;
  /** The backup's own Date (CopyTimestamp or CreateTimestamp), shared rather than copied. */
  date: Date;
  timeSource: 'created' | 'copied';
  backup: BackupWithExtras;
  /** Names a source backup other than itself (SourceBackup). */
  isCopy: boolean;
  source: Entry | null;
  /** Copies found in the input (null when none, to save allocations). */
  copies: Entry[] | null;
  /** The visible mark (its own, or its cluster's) once laid out; null outside the window. */
  visible: TimelineMark | null;
}

const NO_COPIES: readonly BackupRef[] = Object.freeze([]);

interface LaneBuilder {
  lane: TimelineLane;
  inWindow: Entry[];
}

const markIdOf = (entry: Entry): string => `${entry.region}/${entry.backupId}`;

/**
 * A backup mark whose `label` is formatted on first read (then kept): formatting dates for 20,000 labels
 * would dominate the layout's time, and a view reads labels only for marks it renders or focuses.
 * (A spread copy, `{ ...mark }`, has no label: read it first.)
 */
class LazyBackupMark implements BackupMark {
  readonly type = 'backup' as const;
  readonly id: string;
  readonly backupId: string;
  readonly region: string;
  readonly clusterId: string;
  readonly laneKey: string;
  readonly state: string;
  readonly kind: BackupMarkKind;
  readonly style: MarkStyle;
  readonly time: Date;
  readonly timeSource: 'created' | 'copied';
  readonly x: number;
  readonly y: number;
  readonly neverExpires: boolean;
  readonly purgeAt: Date | null;
  readonly copyOf: (BackupRef & { sourceClusterId?: string }) | null;
  readonly copies: readonly BackupRef[];
  readonly backup: BackupWithExtras;
  #label: string | undefined;
  readonly #entry: Entry;
  readonly #now: Date;

  constructor(entry: Entry, x: number, now: Date) {
    const b = entry.backup;
    const state = typeof b.BackupState === 'string' && b.BackupState !== '' ? b.BackupState : 'UNKNOWN';
    const kind = markKindOf(state);
    this.id = markIdOf(entry);
    this.backupId = entry.backupId;
    this.region = entry.region;
    this.clusterId = entry.clusterId;
    this.laneKey = entry.lane.lane.key;
    this.state = state;
    this.kind = kind;
    this.style = MARK_STYLES[kind];
    this.time = entry.date;
    this.timeSource = entry.timeSource;
    this.x = x;
    this.y = entry.lane.lane.y;
    this.neverExpires = b.NeverExpires === true;
    this.purgeAt = kind === 'pendingDeletion' && toMs(b.DeleteTimestamp) !== undefined ? b.DeleteTimestamp! : null;
    this.copyOf = entry.isCopy
      ? {
          region: entry.source?.region ?? b.SourceRegion ?? '',
          backupId: b.SourceBackup!,
          ...(b.SourceCluster ? { sourceClusterId: b.SourceCluster } : {}),
        }
      : null;
    this.copies = entry.copies ? entry.copies.map((c) => ({ region: c.region, backupId: c.backupId })) : NO_COPIES;
    this.backup = b;
    this.#entry = entry;
    this.#now = now;
  }

  get label(): string {
    return (this.#label ??= backupLabel(this.#entry, this.state, this.kind, this.purgeAt, this.#now));
  }
}

/** A cluster mark whose `label` is formatted on first read (see LazyBackupMark). */
class LazyClusterMark implements ClusterMark {
  readonly type = 'cluster' as const;
  readonly id: string;
  readonly region: string;
  readonly clusterId: string;
  readonly laneKey: string;
  readonly x: number;
  readonly y: number;
  readonly count: number;
  readonly start: Date;
  readonly end: Date;
  readonly members: BackupMark[];
  readonly countsByState: Record<string, number>;
  readonly neverExpiresCount: number;
  #label: string | undefined;

  constructor(members: BackupMark[]) {
    const first = members[0]!;
    const last = members[members.length - 1]!;
    const countsByState: Record<string, number> = {};
    let neverExpiresCount = 0;
    for (const m of members) {
      countsByState[m.state] = (countsByState[m.state] ?? 0) + 1;
      if (m.neverExpires) neverExpiresCount++;
    }
    this.id = `cluster:${first.id}`;
    this.region = first.region;
    this.clusterId = first.clusterId;
    this.laneKey = first.laneKey;
    this.x = (first.x + last.x) / 2;
    this.y = first.y;
    this.count = members.length;
    this.start = first.time;
    this.end = last.time;
    this.members = members;
    this.countsByState = countsByState;
    this.neverExpiresCount = neverExpiresCount;
  }

  get label(): string {
    return (this.#label ??= clusterLabel(this.members, this.countsByState, this.neverExpiresCount));
  }
}

function validateInput(input: LayoutTimelineInput): void {
  if (!input || typeof input !== 'object') throw new TypeError('layoutTimeline: input must be an object');
  if (!Array.isArray(input.backups)) throw new TypeError('layoutTimeline: backups must be an array');
  if (typeof input.width !== 'number' || !Number.isFinite(input.width) || input.width <= 0) {
    throw new RangeError(`layoutTimeline: width must be a positive number of pixels, got ${String(input.width)}`);
  }
  if (input.laneHeight !== undefined && (!Number.isFinite(input.laneHeight) || input.laneHeight <= 0)) {
    throw new RangeError(`layoutTimeline: laneHeight must be a positive number of pixels, got ${String(input.laneHeight)}`);
  }
  if (input.groupHeaderHeight !== undefined && (!Number.isFinite(input.groupHeaderHeight) || input.groupHeaderHeight < 0)) {
    throw new RangeError(`layoutTimeline: groupHeaderHeight must be a number >= 0, got ${String(input.groupHeaderHeight)}`);
  }
  if (input.clusterDistance !== undefined && (!Number.isFinite(input.clusterDistance) || input.clusterDistance < 0)) {
    throw new RangeError(`layoutTimeline: clusterDistance must be a number >= 0, got ${String(input.clusterDistance)}`);
  }
  if (!(input.now instanceof Date) || !Number.isFinite(input.now.getTime())) throw new RangeError('layoutTimeline: now is not a valid Date');
  assertValidWindow(input.window, 'layoutTimeline');
}

function backupLabel(entry: Entry, state: string, kind: BackupMarkKind, purgeAt: Date | null, now: Date): string {
  const b = entry.backup;
  const parts: string[] = [`${entry.backupId} ${state}`];
  const created = toMs(b.CreateTimestamp);
  if (created !== undefined) parts.push(`created ${formatUtcMinute(created)}`);
  if (entry.timeSource === 'copied') parts.push(`copied to ${entry.region} ${formatUtcMinute(entry.t)}`);
  if (entry.isCopy) {
    parts.push(`copy of ${b.SourceBackup}${b.SourceRegion ? ` in ${b.SourceRegion}` : ''}${entry.source ? '' : ' (source not shown)'}`);
  }
  if (entry.copies) {
    const named = entry.copies.slice(0, MAX_COPIES_IN_LABEL).map((c) => `${c.backupId} in ${c.region}`);
    const more = entry.copies.length - named.length;
    parts.push(`copied as ${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`);
  }
  if (b.NeverExpires) parts.push('never expires');
  if (kind === 'pendingDeletion') {
    parts.push(purgeAt ? `will be purged ${formatUtcMinute(purgeAt)} (${formatRelative(purgeAt, now)})` : 'purge time unknown');
  } else if (kind === 'deleted') {
    const deleted = toMs(b.DeleteTimestamp);
    if (deleted !== undefined) parts.push(`deleted ${formatUtcMinute(deleted)}`);
  }
  return parts.join(', ');
}

function clusterLabel(members: BackupMark[], countsByState: Record<string, number>, neverExpires: number): string {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  const states = Object.keys(countsByState)
    .sort(compareStrings)
    .map((s) => `${countsByState[s]} ${s}`)
    .join(', ');
  const span =
    first.time.getTime() === last.time.getTime()
      ? `at ${formatUtcMinute(first.time)}`
      : `from ${formatUtcMinute(first.time)} to ${formatUtcMinute(last.time)}`;
  return `${members.length} backups ${span}: ${states}${neverExpires > 0 ? `, ${neverExpires} never expire` : ''}`;
}

function clusterMarks(marks: BackupMark[], distance: number): TimelineMark[] {
  const out: TimelineMark[] = [];
  let i = 0;
  while (i < marks.length) {
    const anchor = marks[i]!;
    let j = i + 1;
    while (j < marks.length && marks[j]!.x - anchor.x < distance) j++;
    out.push(j - i === 1 ? anchor : new LazyClusterMark(marks.slice(i, j)));
    i = j;
  }
  return out;
}

export function layoutTimeline(input: LayoutTimelineInput): TimelineLayout {
  validateInput(input);
  const { width, now } = input;
  const laneHeight = input.laneHeight ?? DEFAULT_LANE_HEIGHT;
  const headerHeight = input.groupHeaderHeight ?? DEFAULT_GROUP_HEADER_HEIGHT;
  const clusterDistance = input.clusterDistance ?? DEFAULT_CLUSTER_DISTANCE;
  const windowStart = input.window.start.getTime();
  const windowEnd = input.window.end.getTime();
  const scale = width / (windowEnd - windowStart);
  const window: TimeWindow = { start: new Date(windowStart), end: new Date(windowEnd) };

  // 1. Entries, indexed by region then backup id (and by backup id alone, built only if a copy lacks SourceRegion).
  const skipped: SkippedBackup[] = [];
  const byRegion = new Map<string, Map<string, Entry>>();
  const entries: Entry[] = [];
  const lanesByRegion = new Map<string, Map<string, LaneBuilder>>();
  const items = input.backups;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (!item || typeof item !== 'object' || typeof item.region !== 'string' || !item.backup || typeof item.backup !== 'object') {
      skipped.push({ index, region: typeof item?.region === 'string' ? item.region : null, backupId: null, reason: 'invalid item' });
      continue;
    }
    const { region, backup } = item;
    const backupId = backup.BackupId;
    if (typeof backupId !== 'string' || backupId === '') {
      skipped.push({ index, region, backupId: null, reason: 'missing BackupId' });
      continue;
    }
    const placed = markTimeOf(backup);
    if (!placed) {
      skipped.push({ index, region, backupId, reason: 'no timestamp' });
      continue;
    }
    let regionEntries = byRegion.get(region);
    if (!regionEntries) byRegion.set(region, (regionEntries = new Map()));
    if (regionEntries.has(backupId)) {
      skipped.push({ index, region, backupId, reason: 'duplicate' });
      continue;
    }
    const clusterId = typeof backup.ClusterId === 'string' ? backup.ClusterId : '';
    let regionLanes = lanesByRegion.get(region);
    if (!regionLanes) lanesByRegion.set(region, (regionLanes = new Map()));
    let lane = regionLanes.get(clusterId);
    if (!lane) {
      const label = input.clusterNames?.get(clusterId) ?? (clusterId || '(no cluster id)');
      lane = { lane: { key: `${region}/${clusterId}`, region, clusterId, label, y: 0, top: 0, height: laneHeight, marks: [] }, inWindow: [] };
      regionLanes.set(clusterId, lane);
    }
    const entry: Entry = {
      index,
      region,
      backupId,
      clusterId,
      lane,
      t: placed.time,
      date: placed.date,
      timeSource: placed.source,
      backup,
      isCopy: false,
      source: null,
      copies: null,
      visible: null,
    };
    regionEntries.set(backupId, entry);
    entries.push(entry);
    if (placed.time >= windowStart && placed.time <= windowEnd) lane.inWindow.push(entry);
  }

  // 2. Groups by region name; lanes by label, then cluster id; y from the top.
  const groups: TimelineGroup[] = [];
  const orderedLanes: LaneBuilder[] = [];
  let y = 0;
  for (const region of [...lanesByRegion.keys()].sort(compareStrings)) {
    const builders = [...lanesByRegion.get(region)!.values()].sort(
      (a, b) => compareStrings(a.lane.label, b.lane.label) || compareStrings(a.lane.clusterId, b.lane.clusterId),
    );
    const group: TimelineGroup = { region, y, headerHeight, height: 0, lanes: builders.map((b) => b.lane) };
    y += headerHeight;
    for (const builder of builders) {
      builder.lane.top = y;
      builder.lane.y = y + laneHeight / 2;
      y += laneHeight;
      orderedLanes.push(builder);
    }
    group.height = y - group.y;
    groups.push(group);
  }

  // 3. Copies -> sources.
  let byBackupId: Map<string, Entry> | null = null;
  const findById = (backupId: string): Entry | undefined => {
    if (!byBackupId) {
      byBackupId = new Map();
      for (const e of entries) if (!byBackupId.has(e.backupId)) byBackupId.set(e.backupId, e);
    }
    return byBackupId.get(backupId);
  };
  const copies: Entry[] = [];
  for (const entry of entries) {
    const sourceId = entry.backup.SourceBackup;
    if (typeof sourceId !== 'string' || sourceId === '') continue;
    const sourceRegion = entry.backup.SourceRegion;
    const source = typeof sourceRegion === 'string' && sourceRegion !== '' ? byRegion.get(sourceRegion)?.get(sourceId) : findById(sourceId);
    if (source === entry) continue; // a backup naming itself is not a copy
    entry.isCopy = true;
    copies.push(entry);
    if (source) {
      entry.source = source;
      (source.copies ??= []).push(entry);
    }
  }
  for (const entry of entries) {
    if (entry.copies && entry.copies.length > 1) entry.copies.sort((a, b) => compareStrings(a.region, b.region) || compareStrings(a.backupId, b.backupId));
  }

  // 4. Marks, lane by lane, left to right; then clusters.
  const laneMarks: TimelineMark[] = [];
  const markTimes: number[] = [];
  const markLanes: number[] = [];
  for (let laneIndex = 0; laneIndex < orderedLanes.length; laneIndex++) {
    const { lane, inWindow } = orderedLanes[laneIndex]!;
    inWindow.sort((a, b) => a.t - b.t || compareStrings(a.backupId, b.backupId));
    const backupMarks: BackupMark[] = inWindow.map((entry) => new LazyBackupMark(entry, (entry.t - windowStart) * scale, now));
    lane.marks = clusterDistance > 0 ? clusterMarks(backupMarks, clusterDistance) : backupMarks;
    let k = 0;
    for (const m of lane.marks) {
      if (m.type === 'backup') inWindow[k++]!.visible = m;
      else for (let n = 0; n < m.count; n++) inWindow[k++]!.visible = m;
    }
    for (const m of lane.marks) {
      laneMarks.push(m);
      if (m.type === 'backup') {
        markTimes.push(m.time.getTime());
      } else {
        markTimes.push(m.start.getTime());
      }
      markLanes.push(laneIndex);
    }
  }
  // By time, then lane order. Marks were collected lane by lane in lane order, each lane by (time, id), and the
  // sort is stable, so ties keep that order.
  const order = laneMarks.map((_, i) => i).sort((a, b) => markTimes[a]! - markTimes[b]! || markLanes[a]! - markLanes[b]!);
  const allMarks = order.map((i) => laneMarks[i]!);

  // 5. Links source -> copy (at least one end visible), and orphan copies.
  const endpoint = (entry: Entry): LinkEndpoint => {
    const lane = entry.lane.lane;
    const offscreen = entry.t < windowStart ? 'before' : entry.t > windowEnd ? 'after' : null;
    const markId = offscreen ? null : (entry.visible?.id ?? null);
    const x = offscreen === 'before' ? 0 : offscreen === 'after' ? width : (entry.t - windowStart) * scale;
    return { region: entry.region, backupId: entry.backupId, laneKey: lane.key, markId, x, y: lane.y, offscreen };
  };
  const links: TimelineLink[] = [];
  const orphanSources: OrphanCopy[] = [];
  for (const copy of copies) {
    const target = endpoint(copy);
    if (!copy.source) {
      orphanSources.push({
        region: copy.region,
        backupId: copy.backupId,
        markId: target.markId,
        sourceRegion: typeof copy.backup.SourceRegion === 'string' && copy.backup.SourceRegion !== '' ? copy.backup.SourceRegion : null,
        sourceBackupId: copy.backup.SourceBackup!,
      });
      continue;
    }
    const source = endpoint(copy.source);
    if (source.markId === null && target.markId === null) continue;
    links.push({
      id: `${markIdOf(copy.source)}->${markIdOf(copy)}`,
      from: source.markId,
      to: target.markId,
      fromRegion: source.region,
      toRegion: target.region,
      source,
      target,
    });
  }
  links.sort((a, b) => compareStrings(a.id, b.id));
  orphanSources.sort((a, b) => compareStrings(a.region, b.region) || compareStrings(a.backupId, b.backupId));

  return {
    window,
    width,
    groups,
    marks: allMarks,
    links,
    orphanSources,
    ticks: axisTicks(window, width),
    height: y,
    visibleMarkOf: (backupMarkId: string): string | null => {
      const slash = backupMarkId.indexOf('/');
      if (slash < 0) return null;
      return byRegion.get(backupMarkId.slice(0, slash))?.get(backupMarkId.slice(slash + 1))?.visible?.id ?? null;
    },
    skipped,
  };
}
