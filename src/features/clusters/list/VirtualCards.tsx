/**
 * The cards of a long cluster list (narrow screens): only those in view (plus overscan), the space of the
 * others kept as padding, measured as they draw. Loaded on demand, like VirtualRows.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';
import { ClusterCard } from './ClusterCard';
import type { ClusterHref } from './ClusterRow';
import type { ClusterRow } from './types';

/** A card: title line, id line, health and HSMs (a health problem may wrap to a second line). */
const CARD_ESTIMATE_PX = 92;

export interface VirtualCardsProps {
  rows: readonly ClusterRow[];
  href: ClusterHref;
  now: number;
  /** The scrolling container around the list. */
  scrollRef: RefObject<HTMLDivElement | null>;
}

export default function VirtualCards({ rows, href, now, scrollRef }: VirtualCardsProps) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => CARD_ESTIMATE_PX,
    overscan: 8,
    getItemKey: (index) => {
      const row = rows[index];
      return row ? `${row.region}/${row.cluster.ClusterId}` : index;
    },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  return (
    <ul
      className="m-0 list-none p-0"
      style={{ paddingTop: top, paddingBottom: bottom }}
      aria-labelledby="clusters-heading"
      data-testid="cluster-cards"
    >
      {items.map((item) => {
        const row = rows[item.index];
        return row ? (
          <ClusterCard key={item.key} row={row} index={item.index} href={href} now={now} measure={virtualizer.measureElement} />
        ) : null;
      })}
    </ul>
  );
}
