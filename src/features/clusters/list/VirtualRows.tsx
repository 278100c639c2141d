/**
 * The body of a long cluster list: only the rows in view (plus overscan) between two spacer rows, measured
 * as they draw. Loaded on demand (the virtualiser is not part of the first view): short lists, the usual case
 * with CloudHSM's few clusters per region, draw every row without it.
 */
import type { RefObject } from 'react';
import { ClusterRowView, useColumns, type ClusterHref } from './ClusterRow';
import type { ClusterRow } from './types';
import { useVirtualClusters } from './useVirtualClusters';

const ROW_ESTIMATE_PX = 44;

export interface VirtualRowsProps {
  rows: readonly ClusterRow[];
  href: ClusterHref;
  /** The scrolling container around the table. */
  scrollRef: RefObject<HTMLDivElement | null>;
  now: number;
}

export default function VirtualRows({ rows, href, scrollRef, now }: VirtualRowsProps) {
  const columns = useColumns().length;
  const { items, top, bottom, measure } = useVirtualClusters(rows, scrollRef, { estimatePx: ROW_ESTIMATE_PX, overscan: 12 });
  return (
    <>
      {top > 0 && (
        <tr aria-hidden="true">
          <td colSpan={columns} style={{ height: top, padding: 0 }} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index];
        return row ? <ClusterRowView key={item.key} row={row} index={item.index} href={href} measure={measure} now={now} /> : null;
      })}
      {bottom > 0 && (
        <tr aria-hidden="true">
          <td colSpan={columns} style={{ height: bottom, padding: 0 }} />
        </tr>
      )}
    </>
  );
}
