import { describe, expect, it } from 'vitest';
import {
  buildRowModel,
  COLLAPSE_ABOVE,
  isExpanded,
  laneMatches,
  linksInView,
  queryWords,
  ROW_HEIGHTS,
  searchTextFor,
  withPinnedRows,
  type RowModelInput,
} from './rows';
import { item, layoutWeek } from './testing/weekOfBackups';

// eu-west-1: cluster-e (a copy of a1 on day 3)
// us-east-1: cluster-a (days 1, 2), cluster-b (only a backup before the window), cluster-c (day 4)
const small = layoutWeek(
  [
    item('us-east-1', 'a1', 'cluster-a', 1),
    item('us-east-1', 'a2', 'cluster-a', 2),
    item('us-east-1', 'b-old', 'cluster-b', -30),
    item('us-east-1', 'c1', 'cluster-c', 4),
    item('eu-west-1', 'e1', 'cluster-e', 3, { SourceRegion: 'us-east-1', SourceBackup: 'a1' }),
  ],
  new Map([
    ['cluster-a', 'payments-prod'],
    ['cluster-c', 'identity-dev'],
  ]),
);

const base: RowModelInput = { groups: small.groups, expanded: new Map(), query: '', onlyWithBackups: false };
const keys = (input: Partial<RowModelInput>) => buildRowModel({ ...base, ...input }).rows.map((r) => r.key);

/** A region with `n` clusters, one backup each. */
function bigRegion(n: number) {
  const backups = Array.from({ length: n }, (_, i) => item('us-west-2', `w${i}`, `cluster-${String(i).padStart(4, '0')}`, 1 + (i % 5)));
  return layoutWeek(backups);
}

describe('buildRowModel', () => {
  it('shows every region expanded when it has few clusters: a summary row, then its lanes', () => {
    const model = buildRowModel(base);
    // Lanes by label then id: "cluster-b" (no name) sorts before "identity-dev" and "payments-prod".
    expect(model.rows.map((r) => r.key)).toEqual([
      'region:eu-west-1',
      'eu-west-1/cluster-e',
      'region:us-east-1',
      'us-east-1/cluster-b',
      'us-east-1/cluster-c',
      'us-east-1/cluster-a',
    ]);
    expect(model.lanes.map((l) => l.key)).toEqual([
      'eu-west-1/cluster-e',
      'us-east-1/cluster-b',
      'us-east-1/cluster-c',
      'us-east-1/cluster-a',
    ]);
    expect(model.starts).toEqual([0, 44, 76, 120, 152, 184]);
    expect(model.totalHeight).toBe(2 * ROW_HEIGHTS.region + 4 * ROW_HEIGHTS.lane);
    expect(model.rowOfLane.get('us-east-1/cluster-a')).toBe(5);
    expect(model.rowOfRegion.get('us-east-1')).toBe(2);
    expect(model.matchingLanes).toBe(4);
    expect(model.totalLanes).toBe(4);
    expect(model.narrowed).toBe(false);
  });

  it('starts a region with more than COLLAPSE_ABOVE clusters collapsed, and a person can expand it', () => {
    const big = bigRegion(COLLAPSE_ABOVE + 1);
    const collapsed = buildRowModel({ ...base, groups: big.groups });
    expect(collapsed.rows).toHaveLength(1);
    expect(collapsed.rows[0]).toMatchObject({ type: 'region', region: 'us-west-2', expanded: false, totalLanes: COLLAPSE_ABOVE + 1 });
    expect(collapsed.lanes).toEqual([]);
    const opened = buildRowModel({ ...base, groups: big.groups, expanded: new Map([['us-west-2', true]]) });
    expect(opened.rows).toHaveLength(COLLAPSE_ABOVE + 2);
    expect(opened.lanes).toHaveLength(COLLAPSE_ABOVE + 1);
    // Exactly COLLAPSE_ABOVE starts expanded.
    expect(buildRowModel({ ...base, groups: bigRegion(COLLAPSE_ABOVE).groups }).rows).toHaveLength(COLLAPSE_ABOVE + 1);
  });

  it('collapses a small region when a person says so', () => {
    expect(keys({ expanded: new Map([['us-east-1', false]]) })).toEqual(['region:eu-west-1', 'eu-west-1/cluster-e', 'region:us-east-1']);
  });
});

describe('buildRowModel: the filter and the toggle', () => {
  it('filters lanes by cluster id or name, every word, any case; hides regions with no match', () => {
    expect(keys({ query: 'PAYMENTS' })).toEqual(['region:us-east-1', 'us-east-1/cluster-a']);
    expect(keys({ query: 'cluster-e' })).toEqual(['region:eu-west-1', 'eu-west-1/cluster-e']);
    expect(keys({ query: 'payments dev' })).toEqual([]);
    const model = buildRowModel({ ...base, query: 'identity' });
    expect(model.matchingLanes).toBe(1);
    expect(model.narrowed).toBe(true);
    expect(model.rows[0]).toMatchObject({ type: 'region', totalLanes: 3, lanes: [expect.objectContaining({ clusterId: 'cluster-c' })] });
  });

  it('a filter that leaves few lanes in a big region expands it (unless a person collapsed it)', () => {
    const big = bigRegion(COLLAPSE_ABOVE * 3);
    expect(buildRowModel({ ...base, groups: big.groups, query: 'cluster-0007' }).rows.map((r) => r.key)).toEqual([
      'region:us-west-2',
      'us-west-2/cluster-0007',
    ]);
    expect(
      buildRowModel({ ...base, groups: big.groups, query: 'cluster-0007', expanded: new Map([['us-west-2', false]]) }).rows,
    ).toHaveLength(1);
  });

  it("searches the clusters' tags (value, or key=value) when the view knows them", () => {
    const searchText = searchTextFor(new Map([['cluster-b', [{ Key: 'Team', Value: 'Ledger' }]]]));
    expect(keys({ query: 'ledger', searchText })).toEqual(['region:us-east-1', 'us-east-1/cluster-b']);
    expect(keys({ query: 'team=ledger', searchText })).toEqual(['region:us-east-1', 'us-east-1/cluster-b']);
    expect(keys({ query: 'ledger' })).toEqual([]);
    // Without tags: id and name.
    expect(keys({ query: 'payments', searchText: searchTextFor() })).toEqual(['region:us-east-1', 'us-east-1/cluster-a']);
  });

  it('"only clusters with backups in this window" drops lanes with no mark', () => {
    expect(keys({ onlyWithBackups: true })).toEqual([
      'region:eu-west-1',
      'eu-west-1/cluster-e',
      'region:us-east-1',
      'us-east-1/cluster-c',
      'us-east-1/cluster-a',
    ]);
    expect(keys({ onlyWithBackups: true, query: 'cluster-b' })).toEqual([]);
  });

  it('is empty for an empty layout', () => {
    const model = buildRowModel({ ...base, groups: [] });
    expect(model.rows).toEqual([]);
    expect(model.totalHeight).toBe(0);
  });
});

describe('row model helpers', () => {
  it('queryWords splits on spaces and lower-cases', () => {
    expect(queryWords('  Payments   PROD ')).toEqual(['payments', 'prod']);
    expect(queryWords('   ')).toEqual([]);
  });

  it('laneMatches needs every word', () => {
    const lane = small.groups[1]!.lanes.find((l) => l.clusterId === 'cluster-a')!;
    expect(laneMatches(lane, ['pay', 'prod'], false)).toBe(true);
    expect(laneMatches(lane, ['pay', 'dev'], false)).toBe(false);
    expect(laneMatches(lane, [], true)).toBe(true);
  });

  it('isExpanded: the person, else the lane count', () => {
    expect(isExpanded('r', COLLAPSE_ABOVE, new Map())).toBe(true);
    expect(isExpanded('r', COLLAPSE_ABOVE + 1, new Map())).toBe(false);
    expect(isExpanded('r', 1, new Map([['r', false]]))).toBe(false);
    expect(isExpanded('r', 500, new Map([['r', true]]))).toBe(true);
  });
});

describe('linksInView', () => {
  const link = small.links[0]!;

  it('places a link between two shown lanes at their centre lines', () => {
    const model = buildRowModel(base);
    const drawn = new Set(model.lanes.map((l) => l.key));
    const [out] = linksInView(small.links, model, drawn);
    expect(out!.link).toBe(link);
    expect(out!.y1).toBe(model.starts[model.rowOfLane.get('us-east-1/cluster-a')!]! + ROW_HEIGHTS.lane / 2);
    expect(out!.y2).toBe(model.starts[model.rowOfLane.get('eu-west-1/cluster-e')!]! + ROW_HEIGHTS.lane / 2);
    expect(out!.x1).toBeCloseTo(100);
    expect(out!.x2).toBeCloseTo(300);
  });

  it('draws a link when one end is drawn, not when neither is', () => {
    const model = buildRowModel(base);
    expect(linksInView(small.links, model, new Set(['eu-west-1/cluster-e']))).toHaveLength(1);
    expect(linksInView(small.links, model, new Set(['us-east-1/cluster-b']))).toHaveLength(0);
  });

  it('drops a link whose other lane is hidden (collapsed or filtered)', () => {
    const model = buildRowModel({ ...base, expanded: new Map([['us-east-1', false]]) });
    expect(linksInView(small.links, model, new Set(['eu-west-1/cluster-e']))).toHaveLength(0);
  });
});

describe('withPinnedRows', () => {
  it('adds the pinned rows to the range, each once, in order', () => {
    expect(withPinnedRows([10, 11, 12], [40, 40, 3], 100)).toEqual([3, 10, 11, 12, 40]);
  });

  it('ignores pinned rows already drawn, or not rows at all', () => {
    expect(withPinnedRows([10, 11, 12], [11, -1, 100, 1.5], 100)).toEqual([10, 11, 12]);
    expect(withPinnedRows([], [], 0)).toEqual([]);
  });
});
