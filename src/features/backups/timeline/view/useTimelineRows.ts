/**
 * Which rows the timeline shows (the row model, rows.ts) and the state behind it: regions a person expanded
 * or collapsed, the cluster filter and the "only with backups" toggle (component state: they are the
 * timeline's own view, not the page's). When the selected backup changes, its region opens (if it was
 * collapsed) and its lane is asked to scroll into view.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { buildRowModel, searchTextFor, type TagLike } from '../rows';
import type { TimelineLayout, TimelineMark } from '../types';

export interface ScrollRequest {
  laneKey: string;
}

export interface TimelineRowsInput {
  layout: TimelineLayout;
  markById: ReadonlyMap<string, TimelineMark>;
  clusterTags?: ReadonlyMap<string, readonly TagLike[]>;
  selectedId: string | null;
  /** Scroll a lane into view (once it is a row). */
  requestScroll: (request: ScrollRequest) => void;
}

export function useTimelineRows({ layout, markById, clusterTags, selectedId, requestScroll }: TimelineRowsInput) {
  const [expanded, setExpanded] = useState<ReadonlyMap<string, boolean>>(() => new Map());
  const [query, setQuery] = useState('');
  const [onlyWithBackups, setOnlyWithBackups] = useState(false);
  // Typing stays responsive on a thousand lanes: the rows follow the box a moment later.
  const deferredQuery = useDeferredValue(query);
  const searchText = useMemo(() => searchTextFor(clusterTags), [clusterTags]);
  // A new filter is a new question: regions open or close by what it leaves (few matches: open), whatever a
  // person chose for the previous one.
  const filterKey = `${onlyWithBackups}\n${deferredQuery.trim().toLowerCase()}`;
  const [lastFilterKey, setLastFilterKey] = useState(filterKey);
  if (filterKey !== lastFilterKey) {
    setLastFilterKey(filterKey);
    setExpanded(new Map());
  }
  const model = useMemo(
    () => buildRowModel({ groups: layout.groups, expanded, query: deferredQuery, onlyWithBackups, searchText }),
    [layout.groups, expanded, deferredQuery, onlyWithBackups, searchText],
  );

  // A new selection (from the list, the URL or a click): open its region and bring its lane into view.
  // Adjusted while rendering, React's way of reacting to a changed prop without an effect.
  const [revealed, setRevealed] = useState<string | null>(null);
  if (selectedId !== revealed) {
    setRevealed(selectedId);
    const markId = selectedId ? layout.visibleMarkOf(selectedId) : null;
    const mark = markId ? markById.get(markId) : undefined;
    if (mark) {
      if (!model.rowOfLane.has(mark.laneKey) && model.rowOfRegion.has(mark.region)) {
        setExpanded((current) => new Map(current).set(mark.region, true));
      }
      requestScroll({ laneKey: mark.laneKey });
    }
  }

  const toggle = (region: string, isOpen: boolean) => setExpanded((current) => new Map(current).set(region, !isOpen));
  const expandAll = (open: boolean) => setExpanded(new Map(layout.groups.map((g) => [g.region, open])));
  return { model, query, setQuery, onlyWithBackups, setOnlyWithBackups, toggle, expandAll };
}

/** What useTimelineRows gives: the row model and the controls that narrow it. */
export type TimelineRowsState = ReturnType<typeof useTimelineRows>;
