/**
 * The window of a long cluster list, for its table rows and its phone cards alike: which items to draw (plus
 * overscan), the space above and below them, and the ref that measures each as it draws. Only the lazy
 * VirtualRows and VirtualCards import it, so the virtualiser stays out of the first view.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RefObject } from 'react';
import type { ClusterRow } from './types';

export function useVirtualClusters(
  rows: readonly ClusterRow[],
  scrollRef: RefObject<HTMLDivElement | null>,
  { estimatePx, overscan }: { estimatePx: number; overscan: number },
) {
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatePx,
    overscan,
    getItemKey: (index) => {
      const row = rows[index];
      return row ? `${row.region}/${row.cluster.ClusterId}` : index;
    },
  });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = items.length > 0 ? virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0) : 0;
  return { items, top, bottom, measure: virtualizer.measureElement };
}
