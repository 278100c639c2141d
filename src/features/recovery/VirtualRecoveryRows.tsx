/**
 * The body of a long recovery table (the large seed has 1000 clusters): only the rows in view (plus overscan)
 * between two spacer rows, measured as they draw. Loaded on demand, with the cluster list's virtualiser.
 */
import type { RefObject } from 'react';
import { useVirtualClusters } from '../clusters/list/useVirtualClusters';
import { useListAccounts } from '../common/accounts/listAccounts';
import { columnCount, RecoveryRowView, type RowActions } from './RecoveryRowView';
import type { RecoveryRow } from './useRecoveryData';

const ROW_ESTIMATE_PX = 72;

export default function VirtualRecoveryRows({
  rows,
  actions,
  scrollRef,
}: {
  rows: readonly RecoveryRow[];
  actions: RowActions;
  scrollRef: RefObject<HTMLDivElement | null>;
}) {
  const columns = columnCount(useListAccounts().multi);
  const { items, top, bottom, measure } = useVirtualClusters(rows, scrollRef, { estimatePx: ROW_ESTIMATE_PX, overscan: 10 });
  return (
    <>
      {top > 0 && (
        <tr aria-hidden="true">
          <td colSpan={columns} style={{ height: top, padding: 0 }} />
        </tr>
      )}
      {items.map((item) => {
        const row = rows[item.index];
        return row ? <RecoveryRowView key={item.key} row={row} index={item.index} measure={measure} actions={actions} /> : null;
      })}
      {bottom > 0 && (
        <tr aria-hidden="true">
          <td colSpan={columns} style={{ height: bottom, padding: 0 }} />
        </tr>
      )}
    </>
  );
}
