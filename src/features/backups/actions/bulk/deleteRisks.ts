/**
 * What a bulk delete puts at risk, per backup, judged from the backups loaded in the page (the list is
 * windowed and shows only some regions, so it says when it cannot tell): the newest backup of its cluster,
 * the last copy of its cluster in a region, a backup kept on purpose (never expires), and the source of
 * copies elsewhere. Backups deleted together count as gone. Pure.
 */
import type { BackupRow } from '../../filterBackups';

export interface DeleteRisks {
  row: BackupRow;
  /** "newest backup of payments-prod", "last copy in us-west-2", "never expires", "source of 3 copies". */
  risks: string[];
  /** What could not be told from what is loaded. */
  unknown: string[];
}

const LIVE: ReadonlySet<string> = new Set(['READY', 'CREATE_IN_PROGRESS']);
const live = (row: BackupRow) => LIVE.has(row.backup.BackupState ?? '');
const key = (row: BackupRow) => `${row.region}/${row.backup.BackupId ?? ''}`;
const time = (row: BackupRow) => new Date(row.backup.CreateTimestamp ?? 0).getTime();

export function deleteRisks(
  selection: readonly BackupRow[],
  loaded: readonly BackupRow[],
  clusterName: (clusterId: string) => string = (id) => id,
): DeleteRisks[] {
  const going = new Set(selection.map(key));
  const all = new Map<string, BackupRow>();
  for (const row of [...loaded, ...selection]) all.set(key(row), row);
  const rows = [...all.values()];
  const staying = rows.filter((r) => live(r) && !going.has(key(r)));

  const result = selection.map((row): DeleteRisks => {
    const b = row.backup;
    const cluster = b.ClusterId ?? '';
    const name = clusterName(cluster);
    const risks: string[] = [];
    const unknown: string[] = [];
    const sameCluster = rows.filter((r) => r.region === row.region && r.backup.ClusterId === cluster && live(r));
    if (b.SourceBackup) {
      if (!staying.some((r) => r.region === row.region && r.backup.ClusterId === cluster))
        risks.push(`last copy of ${name} in ${row.region}`);
    } else if (sameCluster.length <= 1) {
      if (live(row)) unknown.push(`cannot tell whether it is the newest backup of ${name}: no other of its backups is loaded`);
    } else if (live(row) && sameCluster.filter((r) => !r.backup.SourceBackup).every((r) => time(r) <= time(row))) {
      risks.push(`newest backup of ${name}`);
    }
    if (b.NeverExpires === true) risks.push('never expires');
    const copies = rows.filter((r) => r.backup.SourceBackup === b.BackupId && live(r)).length;
    if (copies > 0) risks.push(`source of ${copies} ${copies === 1 ? 'copy' : 'copies'}`);
    return { row, risks, unknown };
  });
  // Those at risk first (most first); otherwise in the selection's order.
  return result
    .map((r, index) => ({ r, index }))
    .sort((a, b) => b.r.risks.length - a.r.risks.length || a.index - b.index)
    .map(({ r }) => r);
}
