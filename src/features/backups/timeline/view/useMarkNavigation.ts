/**
 * Keyboard and pointer use of the timeline's marks: one tab stop (roving tabindex: the focused mark, else the
 * selected one, else the first), arrow keys between marks (navigation.ts), Home and End to the oldest and
 * newest mark in time, Enter opens a backup or zooms into a group, Space selects, Escape hides the tooltip.
 * The tooltip follows the pointer and the focus.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { markOrder, nextMark, type ArrowDirection } from '../navigation';
import type { BackupMark, ClusterMark, TimelineLayout, TimelineMark } from '../types';
import type { MarkEvents } from './TimelineMarkView';

const ARROWS: Record<string, ArrowDirection> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export interface MarkActions {
  /** `${region}/${backupId}` of the selected backup. */
  selectedId: string | null;
  onSelect: (backupMarkId: string) => void;
  onOpen: (mark: BackupMark) => void;
  onZoomInto: (mark: ClusterMark) => void;
}

export function useMarkNavigation(layout: TimelineLayout, { selectedId, onSelect, onOpen, onZoomInto }: MarkActions) {
  const order = useMemo(() => markOrder(layout), [layout]);
  // Home and End go to the oldest and newest mark in time (whatever its lane), as the help text says.
  const byTime = useMemo(() => {
    const x = new Map(layout.marks.map((m) => [m.id, m.x]));
    return [...order].sort((a, b) => (x.get(a) ?? 0) - (x.get(b) ?? 0));
  }, [layout, order]);
  const markById = useMemo(() => new Map(layout.marks.map((m) => [m.id, m])), [layout]);

  const [focusId, setFocusId] = useState<string | null>(null);
  const [tipId, setTipId] = useState<string | null>(null);
  const refs = useRef(new Map<string, SVGGElement>());
  const selectedVisible = selectedId ? layout.visibleMarkOf(selectedId) : null;
  const activeId = (focusId && markById.has(focusId) ? focusId : null) ?? selectedVisible ?? order[0] ?? null;

  const moveTo = (id: string | null) => {
    if (!id) return;
    setFocusId(id);
    refs.current.get(id)?.focus();
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
      if (element) refs.current.set(id, element);
      else refs.current.delete(id);
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
  return { activeId, tipMark: tipId ? markById.get(tipId) : undefined, isSelected, events };
}
