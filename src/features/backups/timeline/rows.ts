/**
 * The timeline's row model (pure): which rows the virtualised timeline shows, given the layout's region groups,
 * which regions are expanded, the cluster filter and the "only clusters with backups in this window" toggle.
 *
 * Choices:
 *  - Each region has one summary row, then (when expanded) one row per shown lane. A region starts expanded
 *    when it shows at most COLLAPSE_ABOVE lanes (the demo's few clusters: every lane, as before); more, and it
 *    starts collapsed. A person's choice (expand / collapse) wins over that default.
 *  - The filter matches a lane when every word of the query is found (case-insensitive) in its search text:
 *    the cluster id, the lane's label (the cluster's name) and whatever else the view adds (tag values).
 *  - With a filter or the toggle on, a region none of whose lanes matches is not shown at all.
 *  - Rows have fixed heights (ROW_HEIGHTS), so every row's offset is known without drawing it: links between
 *    lanes and scrolling to a lane never wait for a measurement.
 */
import type { TimelineGroup, TimelineLane, TimelineLink } from './types';

/** Regions with more lanes than this start collapsed. */
export const COLLAPSE_ABOVE = 50;

export const ROW_HEIGHTS = { region: 44, lane: 32 } as const;

export interface RegionRow {
  type: 'region';
  /** `region:${region}` */
  key: string;
  region: string;
  /** The region's lanes that pass the filter and the toggle (shown when expanded). */
  lanes: TimelineLane[];
  /** Every lane of the region in the layout. */
  totalLanes: number;
  expanded: boolean;
}

export interface LaneRow {
  type: 'lane';
  /** The lane's key, `${region}/${clusterId}`. */
  key: string;
  region: string;
  lane: TimelineLane;
}

export type TimelineRow = RegionRow | LaneRow;

export interface RowModelInput {
  groups: readonly TimelineGroup[];
  /** Regions a person expanded (true) or collapsed (false); others follow the default. */
  expanded: ReadonlyMap<string, boolean>;
  /** The filter box's text ('' for none). */
  query: string;
  /** Only lanes with a mark in the window. */
  onlyWithBackups: boolean;
  /** Lower-case text a lane is searched in; default: its cluster id and label. */
  searchText?: (lane: TimelineLane) => string;
}

export interface RowModel {
  rows: TimelineRow[];
  /** Offset of each row from the top, and the total height. */
  starts: number[];
  totalHeight: number;
  /** The lanes shown (in expanded regions), in order: what the arrow keys move over. */
  lanes: TimelineLane[];
  /** Row index of each shown lane. */
  rowOfLane: ReadonlyMap<string, number>;
  /** Row index of each shown region's summary row. */
  rowOfRegion: ReadonlyMap<string, number>;
  /** Lanes passing the filter and the toggle (expanded or not), of how many. */
  matchingLanes: number;
  totalLanes: number;
  /** A filter or the toggle narrows the lanes. */
  narrowed: boolean;
}

const defaultSearchText = (lane: TimelineLane): string => `${lane.clusterId}\n${lane.label}`.toLowerCase();

/** A tag as the clusters' TagList has it. */
export interface TagLike {
  Key?: string;
  Value?: string;
}

/**
 * The search text of lanes: cluster id, label (name) and, when the clusters' tags are known, each tag as
 * `key=value` (so "ledger" and "team=ledger" both find a cluster tagged Team=ledger). Cached per lane.
 */
export function searchTextFor(tags?: ReadonlyMap<string, readonly TagLike[]>): (lane: TimelineLane) => string {
  const cache = new Map<string, string>();
  return (lane) => {
    let text = cache.get(lane.key);
    if (text === undefined) {
      const tagText = (tags?.get(lane.clusterId) ?? []).map((t) => `${t.Key ?? ''}=${t.Value ?? ''}`);
      text = [lane.clusterId, lane.label, ...tagText].join('\n').toLowerCase();
      cache.set(lane.key, text);
    }
    return text;
  };
}

/** The words of a query, lower case; none for a blank query. */
export function queryWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether a lane passes the filter's words and the toggle. */
export function laneMatches(
  lane: TimelineLane,
  words: readonly string[],
  onlyWithBackups: boolean,
  searchText: (lane: TimelineLane) => string = defaultSearchText,
): boolean {
  if (onlyWithBackups && lane.marks.length === 0) return false;
  if (words.length === 0) return true;
  const text = searchText(lane);
  return words.every((word) => text.includes(word));
}

/** Whether a region shows its lanes: a person's choice, else expanded when it has few lanes. */
export function isExpanded(region: string, shownLanes: number, expanded: ReadonlyMap<string, boolean>): boolean {
  return expanded.get(region) ?? shownLanes <= COLLAPSE_ABOVE;
}

export function buildRowModel(input: RowModelInput): RowModel {
  const words = queryWords(input.query);
  const narrowed = words.length > 0 || input.onlyWithBackups;
  const rows: TimelineRow[] = [];
  const starts: number[] = [];
  const lanes: TimelineLane[] = [];
  const rowOfLane = new Map<string, number>();
  const rowOfRegion = new Map<string, number>();
  let y = 0;
  let matchingLanes = 0;
  let totalLanes = 0;
  const push = (row: TimelineRow) => {
    starts.push(y);
    rows.push(row);
    y += ROW_HEIGHTS[row.type];
  };
  for (const group of input.groups) {
    totalLanes += group.lanes.length;
    const shown = group.lanes.filter((lane) => laneMatches(lane, words, input.onlyWithBackups, input.searchText));
    matchingLanes += shown.length;
    if (narrowed && shown.length === 0) continue;
    const expanded = isExpanded(group.region, shown.length, input.expanded);
    rowOfRegion.set(group.region, rows.length);
    push({ type: 'region', key: `region:${group.region}`, region: group.region, lanes: shown, totalLanes: group.lanes.length, expanded });
    if (!expanded) continue;
    for (const lane of shown) {
      rowOfLane.set(lane.key, rows.length);
      lanes.push(lane);
      push({ type: 'lane', key: lane.key, region: group.region, lane });
    }
  }
  return { rows, starts, totalHeight: y, lanes, rowOfLane, rowOfRegion, matchingLanes, totalLanes, narrowed };
}

/** A copy link drawn between two shown lanes: its endpoints' x and y in the rows' coordinates. */
export interface RowLink {
  link: TimelineLink;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The copy links to draw: both lanes shown, and at least one end in a drawn lane (the virtualised range), so
 * their number follows what is on screen, not the account. y is the lane's centre line in the rows.
 */
export function linksInView(links: readonly TimelineLink[], model: RowModel, drawnLanes: ReadonlySet<string>): RowLink[] {
  const out: RowLink[] = [];
  for (const link of links) {
    const { source, target } = link;
    if (!drawnLanes.has(source.laneKey) && !drawnLanes.has(target.laneKey)) continue;
    const from = model.rowOfLane.get(source.laneKey);
    const to = model.rowOfLane.get(target.laneKey);
    if (from === undefined || to === undefined) continue;
    const centre = ROW_HEIGHTS.lane / 2;
    out.push({ link, x1: source.x, y1: model.starts[from]! + centre, x2: target.x, y2: model.starts[to]! + centre });
  }
  return out;
}

/**
 * The rows to draw: the virtualiser's range plus the pinned rows (the lanes of the focusable and the selected
 * mark, drawn wherever the box is scrolled), each once, in order, within the row count.
 */
export function withPinnedRows(indexes: readonly number[], pinned: readonly number[], count: number): number[] {
  const extra = [...new Set(pinned)].filter((i) => Number.isInteger(i) && i >= 0 && i < count && !indexes.includes(i));
  return extra.length === 0 ? [...indexes] : [...indexes, ...extra].sort((a, b) => a - b);
}
