/**
 * The visual tooltip of the mark under the pointer or focus. It repeats the mark's accessible name (its
 * label) in a readable form, so it is for sight only; the state reads as everywhere else (the status model).
 */
import { StatusSpecIndicator } from '../../../../ui';
import { formatUtcMinute } from '../format';
import type { BackupMark, TimelineMark } from '../types';

const TOOLTIP_WIDTH = 300;

export function MarkTooltip({
  mark,
  width,
  clusterNames,
  labelWidth,
  laneY,
}: {
  mark: TimelineMark;
  width: number;
  clusterNames: ReadonlyMap<string, string>;
  labelWidth: number;
  /** The centre line of the mark's lane, in the rows' coordinates. */
  laneY: number;
}) {
  return (
    <div
      role="tooltip"
      data-testid="timeline-tooltip"
      className="pointer-events-none absolute z-10 max-w-sm rounded border border-slate-300 bg-white p-2 text-xs shadow-lg dark:border-slate-600 dark:bg-slate-900"
      style={{ left: Math.min(labelWidth + mark.x + 12, Math.max(0, width - TOOLTIP_WIDTH)), top: laneY + 14 }}
    >
      {mark.type === 'cluster' ? (
        <>
          <p className="font-semibold">{mark.count} backups</p>
          <p>
            Worst: <StatusSpecIndicator status={mark.worstStatus} />
          </p>
          <p>{mark.label}</p>
          <p className="mt-1 italic">Enter or click to zoom in.</p>
        </>
      ) : (
        <BackupTip mark={mark} clusterNames={clusterNames} />
      )}
    </div>
  );
}

function BackupTip({ mark, clusterNames }: { mark: BackupMark; clusterNames: ReadonlyMap<string, string> }) {
  const b = mark.backup;
  return (
    <>
      <p className="font-mono font-semibold">{mark.backupId}</p>
      <p>
        <StatusSpecIndicator status={mark.status} /> · {mark.region} · {clusterNames.get(mark.clusterId) ?? mark.clusterId}
      </p>
      {b.CreateTimestamp && <p>Created {formatUtcMinute(b.CreateTimestamp)}</p>}
      {b.CopyTimestamp && <p>Copied {formatUtcMinute(b.CopyTimestamp)}</p>}
      {mark.copyOf && (
        <p>
          Copy of {mark.copyOf.backupId} in {mark.copyOf.region}
        </p>
      )}
      {mark.copies.length > 0 && <p>Copied to {mark.copies.map((c) => c.region).join(', ')}</p>}
      {mark.neverExpires && <p>∞ Never expires</p>}
      {mark.purgeAt && <p className="font-semibold">Will be purged {formatUtcMinute(mark.purgeAt)}</p>}
    </>
  );
}
