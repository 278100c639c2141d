/**
 * Keyboard and pointer use of the timeline's marks: one tab stop (roving tabindex: the focused mark, else the
 * selected one, else the first), arrow keys between marks (navigation.ts) over the lanes shown (collapsed
 * regions and filtered-out clusters are skipped), Home and End to the oldest and newest mark in time, Enter
 * opens a backup or zooms into a group, Space selects, Escape hides the tooltip. The tooltip follows the
 * pointer and the focus.
 *
 * Lanes are virtualised: a mark the arrows move to may not be drawn yet. Its lane is asked to scroll into
 * view (and is always drawn while its mark is the tab stop), and the mark takes focus as soon as it is drawn.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { isNavigable, markOrder, nextMark, type ArrowDirection } from '../navigation';
import type { BackupMark, ClusterMark, TimelineLane, TimelineLayout, TimelineMark } from '../types';
import type { MarkEvents } from './TimelineMarkView';
import type { ScrollRequest } from './useTimelineRows';

const ARROWS: Record<string, ArrowDirection> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export interface MarkActions {
  /** `${region}/${backupId}` of the selected backup. */
  selectedId: string | null;
  onSelect: (backupMarkId: string) => void;
  onOpen: (mark: BackupMark) => void;
  onZoomInto: (mark: ClusterMark) => void;
}

export interface NavigationScope {
  layout: TimelineLayout;
  markById: ReadonlyMap<string, TimelineMark>;
  /** The lanes shown, in order (the row model's). */
  lanes: readonly TimelineLane[];
  requestScroll: (request: ScrollRequest) => void;
}

export function useMarkNavigation(
  { layout, markById, lanes, requestScroll }: NavigationScope,
  { selectedId, onSelect, onOpen, onZoomInto }: MarkActions,
) {
  const order = useMemo(() => markOrder(lanes), [lanes]);
  // Home and End go to the oldest and newest mark in time (whatever its lane), as the help text says.
  const byTime = useMemo(() => {
    const x = new Map(layout.marks.map((m) => [m.id, m.x]));
    return [...order].sort((a, b) => (x.get(a) ?? 0) - (x.get(b) ?? 0));
  }, [layout, order]);

  const [focusId, setFocusId] = useState<string | null>(null);
  const [tipId, setTipId] = useState<string | null>(null);
  const refs = useRef(new Map<string, SVGGElement>());
  /** A mark to focus once it is drawn (its lane was scrolled to). */
  const pendingFocus = useRef<string | null>(null);
  const selectedVisible = selectedId ? layout.visibleMarkOf(selectedId) : null;
  const activeId =
    (isNavigable(lanes, focusId) ? focusId : null) ?? (isNavigable(lanes, selectedVisible) ? selectedVisible : null) ?? order[0] ?? null;

  const moveTo = (id: string | null) => {
    if (!id) return;
    setFocusId(id);
    const mark = markById.get(id);
    if (mark) requestScroll({ laneKey: mark.laneKey });
    const element = refs.current.get(id);
    if (element) element.focus();
    else pendingFocus.current = id;
  };
  const activate = (mark: TimelineMark) => {
    if (mark.type === 'backup') {
      onSelect(mark.id);
      onOpen(mark);
    } else onZoomInto(mark);
  };
  const select = (mark: TimelineMark) => (mark.type === 'backup' ? onSelect(mark.id) : onZoomInto(mark));
  const keyTargets: Record<string, (mark: TimelineMark) => void> = {
    Home: () => moveTo(byTime[0] ?? null),
    End: () => moveTo(byTime[byTime.length - 1] ?? null),
    Enter: activate,
    ' ': select,
  };

  const onKeyDown = (event: KeyboardEvent<SVGGElement>, mark: TimelineMark) => {
    const direction = ARROWS[event.key];
    const action = direction ? () => moveTo(nextMark(layout, mark.id, direction)) : keyTargets[event.key];
    if (action) {
      event.preventDefault();
      action(mark);
    } else if (event.key === 'Escape') setTipId(null);
  };
  const leave = (mark: TimelineMark) => setTipId((t) => (t === mark.id ? null : t));
  const events: MarkEvents = {
    register: (id, element) => {
      if (!element) {
        refs.current.delete(id);
        return;
      }
      refs.current.set(id, element);
      if (pendingFocus.current === id) {
        pendingFocus.current = null;
        element.focus();
      }
    },
    onKeyDown,
    onClick: (mark) => {
      setFocusId(mark.id);
      activate(mark);
    },
    onFocus: (mark) => {
      setFocusId(mark.id);
      setTipId(mark.id);
    },
    onLeave: leave,
    onHover: (mark) => setTipId(mark.id),
  };
  const isSelected = (mark: TimelineMark) => (mark.type === 'backup' ? mark.id === selectedId : selectedVisible === mark.id);
  const tipMark = tipId ? markById.get(tipId) : undefined;
  return { activeId, activeMark: activeId ? markById.get(activeId) : undefined, tipMark, isSelected, events };
}
