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
import { compareStrings, clusterMarks, LazyBackupMark, markIdOf, type Entry, type LaneBuilder } from './marks';
import { markTimeOf } from './placement';
import { axisTicks } from './ticks';
import {
  DEFAULT_CLUSTER_DISTANCE,
  DEFAULT_GROUP_HEADER_HEIGHT,
  DEFAULT_LANE_HEIGHT,
  type BackupMark,
  type LayoutTimelineInput,
  type LinkEndpoint,
  type OrphanCopy,
  type SkippedBackup,
  type TimelineGroup,
  type TimelineLayout,
  type TimelineLink,
  type TimelineMark,
} from './types';
import { assertValidWindow, type TimeWindow } from './zoom';

export * from './types';
export { dataExtent, markTimeOf } from './placement';

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
  if (!(input.now instanceof Date) || !Number.isFinite(input.now.getTime()))
    throw new RangeError('layoutTimeline: now is not a valid Date');
  assertValidWindow(input.window, 'layoutTimeline');
}

interface Scale {
  windowStart: number;
  windowEnd: number;
  /** Pixels per millisecond. */
  scale: number;
  width: number;
}

/** Step 1: entries, indexed by region then backup id, each in the lane of its (region, cluster). */
function collectEntries(input: LayoutTimelineInput, laneHeight: number, { windowStart, windowEnd }: Scale) {
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
      lane = {
        lane: { key: `${region}/${clusterId}`, region, clusterId, label, y: 0, top: 0, height: laneHeight, marks: [] },
        inWindow: [],
      };
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
  return { skipped, byRegion, entries, lanesByRegion };
}

/** Step 2: groups by region name; lanes by label, then cluster id; y from the top. */
function stackLanes(lanesByRegion: Map<string, Map<string, LaneBuilder>>, laneHeight: number, headerHeight: number) {
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
  return { groups, orderedLanes, height: y };
}

/** Step 3: each copy to its source (by region and id; by id alone when a copy lacks SourceRegion). */
function linkCopiesToSources(entries: readonly Entry[], byRegion: Map<string, Map<string, Entry>>): Entry[] {
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
    if (entry.copies && entry.copies.length > 1)
      entry.copies.sort((a, b) => compareStrings(a.region, b.region) || compareStrings(a.backupId, b.backupId));
  }
  return copies;
}

/** Step 4: marks, lane by lane, left to right, merged into cluster marks where too close; all of them by time. */
function placeMarks(
  orderedLanes: readonly LaneBuilder[],
  { windowStart, scale }: Scale,
  clusterDistance: number,
  now: Date,
): TimelineMark[] {
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
      markTimes.push(m.type === 'backup' ? m.time.getTime() : m.start.getTime());
      markLanes.push(laneIndex);
    }
  }
  // By time, then lane order. Marks were collected lane by lane in lane order, each lane by (time, id), and the
  // sort is stable, so ties keep that order.
  const order = laneMarks.map((_, i) => i).sort((a, b) => markTimes[a]! - markTimes[b]! || markLanes[a]! - markLanes[b]!);
  return order.map((i) => laneMarks[i]!);
}

/** Step 5: links source -> copy (at least one end visible), and copies whose source is not in the input. */
function copyLinks(copies: readonly Entry[], { windowStart, windowEnd, scale, width }: Scale) {
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
  return { links, orphanSources };
}

export function layoutTimeline(input: LayoutTimelineInput): TimelineLayout {
  validateInput(input);
  const { width, now } = input;
  const laneHeight = input.laneHeight ?? DEFAULT_LANE_HEIGHT;
  const headerHeight = input.groupHeaderHeight ?? DEFAULT_GROUP_HEADER_HEIGHT;
  const clusterDistance = input.clusterDistance ?? DEFAULT_CLUSTER_DISTANCE;
  const windowStart = input.window.start.getTime();
  const windowEnd = input.window.end.getTime();
  const axis: Scale = { windowStart, windowEnd, scale: width / (windowEnd - windowStart), width };
  const window: TimeWindow = { start: new Date(windowStart), end: new Date(windowEnd) };

  const { skipped, byRegion, entries, lanesByRegion } = collectEntries(input, laneHeight, axis);
  const { groups, orderedLanes, height } = stackLanes(lanesByRegion, laneHeight, headerHeight);
  const copies = linkCopiesToSources(entries, byRegion);
  const marks = placeMarks(orderedLanes, axis, clusterDistance, now);
  const { links, orphanSources } = copyLinks(copies, axis);

  return {
    window,
    width,
    groups,
    marks,
    links,
    orphanSources,
    ticks: axisTicks(window, width),
    height,
    visibleMarkOf: (backupMarkId: string): string | null => {
      const slash = backupMarkId.indexOf('/');
      if (slash < 0) return null;
      return byRegion.get(backupMarkId.slice(0, slash))?.get(backupMarkId.slice(slash + 1))?.visible?.id ?? null;
    },
    skipped,
  };
}
