/**
 * The marks of the layout: one per backup in the window, or one per run of backups too close to tell apart
 * (a cluster mark with a count), each with an accessible label formatted only when read.
 */
import type { BackupWithExtras } from '../../../aws/extensions/extras';
import { backupStatus, toneSeverity, type StatusSpec } from '../../../cloudhsm/status';
import { formatRelative, formatUtcMinute } from './format';
import { toMs } from './placement';
import {
  MARK_STYLES,
  markKindOf,
  type BackupMark,
  type BackupMarkKind,
  type BackupRef,
  type ClusterMark,
  type MarkStyle,
  type TimelineLane,
  type TimelineMark,
} from './types';

/** How many copy destinations a source's label names before "and N more". */
const MAX_COPIES_IN_LABEL = 3;

export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface Entry {
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

export interface LaneBuilder {
  lane: TimelineLane;
  inWindow: Entry[];
}

export const markIdOf = (entry: Entry): string => `${entry.region}/${entry.backupId}`;

// One spec per state, shared by every mark in that state (a layout has thousands of marks and a handful of states).
const STATUS_BY_STATE = new Map<string, StatusSpec>();

/** The status model's reading of a backup state (label, tone, icon), the same object for every mark in it. */
export function markStatus(state: string): StatusSpec {
  let status = STATUS_BY_STATE.get(state);
  if (!status) {
    status = backupStatus(state);
    STATUS_BY_STATE.set(state, status);
  }
  return status;
}

/**
 * A backup mark whose `label` is formatted on first read (then kept): formatting dates for 20,000 labels
 * would dominate the layout's time, and a view reads labels only for marks it renders or focuses.
 * (A spread copy, `{ ...mark }`, has no label: read it first.)
 */
export class LazyBackupMark implements BackupMark {
  readonly type = 'backup' as const;
  readonly id: string;
  readonly backupId: string;
  readonly region: string;
  readonly clusterId: string;
  readonly laneKey: string;
  readonly state: string;
  readonly status: StatusSpec;
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
    this.status = markStatus(state);
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
    return (this.#label ??= backupLabel(this.#entry, this.status.label, this.kind, this.purgeAt, this.#now));
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
  readonly worstState: string;
  readonly worstStatus: StatusSpec;
  readonly worstStyle: MarkStyle;
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
    this.worstState = worstStateOf(countsByState);
    this.worstStatus = markStatus(this.worstState);
    this.worstStyle = MARK_STYLES[markKindOf(this.worstState)];
    this.neverExpiresCount = neverExpiresCount;
  }

  get label(): string {
    return (this.#label ??= clusterLabel(this.members, this.countsByState, this.worstState, this.neverExpiresCount));
  }
}

/** `backup-abc Ready, created …`: the state in the status model's words, as the list and the pages say it. */
function backupLabel(entry: Entry, stateLabel: string, kind: BackupMarkKind, purgeAt: Date | null, now: Date): string {
  const b = entry.backup;
  const parts: string[] = [`${entry.backupId} ${stateLabel}`];
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

/**
 * The worst of the states counted (the status model's tone severity, then the state's name, so the answer
 * does not depend on the members' order).
 */
export function worstStateOf(countsByState: Readonly<Record<string, number>>): string {
  let worst: string | null = null;
  for (const state of Object.keys(countsByState)) {
    if (!(countsByState[state]! > 0)) continue;
    if (worst === null) {
      worst = state;
      continue;
    }
    const bySeverity = toneSeverity(markStatus(state).tone) - toneSeverity(markStatus(worst).tone);
    if (bySeverity > 0 || (bySeverity === 0 && compareStrings(state, worst) < 0)) worst = state;
  }
  return worst ?? 'UNKNOWN';
}

/** `4 backups from … to …, worst Pending deletion: 1 Pending deletion, 3 Ready` (or `…: all Ready`). */
function clusterLabel(members: BackupMark[], countsByState: Record<string, number>, worstState: string, neverExpires: number): string {
  const first = members[0]!;
  const last = members[members.length - 1]!;
  const stateNames = Object.keys(countsByState).sort(compareStrings);
  const states =
    stateNames.length === 1
      ? `all ${markStatus(stateNames[0]!).label}`
      : `worst ${markStatus(worstState).label}; ${stateNames.map((s) => `${countsByState[s]} ${markStatus(s).label}`).join(', ')}`;
  const span =
    first.time.getTime() === last.time.getTime()
      ? `at ${formatUtcMinute(first.time)}`
      : `from ${formatUtcMinute(first.time)} to ${formatUtcMinute(last.time)}`;
  return `${members.length} backups ${span}: ${states}${neverExpires > 0 ? `, ${neverExpires} never expire` : ''}`;
}

export function clusterMarks(marks: BackupMark[], distance: number): TimelineMark[] {
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
