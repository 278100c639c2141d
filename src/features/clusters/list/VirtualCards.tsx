/**
 * The cards of a long cluster list (narrow screens): only those in view (plus overscan), the space of the
 * others kept as padding, measured as they draw. Loaded on demand, like VirtualRows.
 */
import type { RefObject } from 'react';
import { ClusterCard } from './ClusterCard';
import type { ClusterHref } from './ClusterRow';
import type { ClusterRow } from './types';
import { useVirtualClusters } from './useVirtualClusters';

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
  const { items, top, bottom, measure } = useVirtualClusters(rows, scrollRef, { estimatePx: CARD_ESTIMATE_PX, overscan: 8 });
  return (
    <ul
      className="m-0 list-none p-0"
      style={{ paddingTop: top, paddingBottom: bottom }}
      aria-labelledby="clusters-heading"
      data-testid="cluster-cards"
    >
      {items.map((item) => {
        const row = rows[item.index];
        return row ? <ClusterCard key={item.key} row={row} index={item.index} href={href} now={now} measure={measure} /> : null;
      })}
    </ul>
  );
}
