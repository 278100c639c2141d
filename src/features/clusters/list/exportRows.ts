/**
 * CSV and JSON exports of the rows on screen (filtered and sorted), and the download through a Blob and
 * an object URL (no inline script, no data: URL: the CSP forbids the first and some browsers cap the second).
 */
import { healthSentence, servingZones } from '../../../cloudhsm/health';
import { clusterStatus } from '../../../cloudhsm/status';
import { toIso } from '../../../ui/dates';
import { clusterName, retentionLabel } from './fields';
import { availabilityProblem, healthOf } from './health';
import type { ClusterRow } from './types';

export interface ExportRecord {
  clusterId: string;
  name: string;
  region: string;
  state: string;
  /** The health in words: "Active", or "Active · Degraded: HSM hsm-… in eu-west-1b is degraded; …". */
  health: string;
  needsAttention: boolean;
  stateMessage: string;
  hsmCount: number;
  availabilityZones: string[];
  highAvailabilityWarning: boolean;
  hsmType: string;
  mode: string;
  vpcId: string;
  backupRetention: string;
  created: string;
  tags: Record<string, string>;
}

/** One row as plain data; its health is judged at `now` (epoch ms). */
export function toExportRecord({ region, cluster }: ClusterRow, now: number = Date.now()): ExportRecord {
  const health = healthOf(cluster, now);
  return {
    clusterId: cluster.ClusterId ?? '',
    name: clusterName(cluster),
    region,
    state: cluster.State ?? '',
    health: healthSentence(health),
    needsAttention: health.needsAttention,
    stateMessage: cluster.StateMessage ?? '',
    hsmCount: cluster.Hsms?.length ?? 0,
    availabilityZones: servingZones(cluster.Hsms),
    highAvailabilityWarning: availabilityProblem(cluster) !== undefined,
    hsmType: cluster.HsmType ?? '',
    mode: cluster.Mode ?? '',
    vpcId: cluster.VpcId ?? '',
    backupRetention: retentionLabel(cluster),
    created: toIso(cluster.CreateTimestamp) ?? '',
    tags: Object.fromEntries((cluster.TagList ?? []).map((t) => [t.Key ?? '', t.Value ?? ''])),
  };
}

export const CSV_COLUMNS: { header: string; value: (r: ExportRecord) => string }[] = [
  { header: 'Cluster ID', value: (r) => r.clusterId },
  { header: 'Name', value: (r) => r.name },
  { header: 'Region', value: (r) => r.region },
  { header: 'State', value: (r) => r.state },
  { header: 'State label', value: (r) => clusterStatus(r.state || undefined).label },
  { header: 'Health', value: (r) => r.health },
  { header: 'Needs attention', value: (r) => (r.needsAttention ? 'yes' : 'no') },
  { header: 'State message', value: (r) => r.stateMessage },
  { header: 'HSMs', value: (r) => String(r.hsmCount) },
  { header: 'Availability Zones', value: (r) => r.availabilityZones.join(' ') },
  { header: 'HA warning', value: (r) => (r.highAvailabilityWarning ? 'yes' : 'no') },
  { header: 'HSM type', value: (r) => r.hsmType },
  { header: 'Mode', value: (r) => r.mode },
  { header: 'VPC', value: (r) => r.vpcId },
  { header: 'Backup retention', value: (r) => r.backupRetention },
  { header: 'Created', value: (r) => r.created },
  {
    header: 'Tags',
    value: (r) =>
      Object.entries(r.tags)
        .map(([k, v]) => `${k}=${v}`)
        .join('; '),
  },
];

/**
 * One CSV field: a value a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
 * return before one) gets a leading apostrophe; then RFC 4180 quoting when it holds a comma, quote or line break.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180: a header line, CRLF line ends, fields quoted when needed. */
export function toCsv(rows: readonly ClusterRow[], now: number = Date.now()): string {
  const lines = [CSV_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const row of rows) {
    const record = toExportRecord(row, now);
    lines.push(CSV_COLUMNS.map((c) => csvField(c.value(record))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function toJson(rows: readonly ClusterRow[], now: number = Date.now()): string {
  return `${JSON.stringify(
    rows.map((row) => toExportRecord(row, now)),
    null,
    2,
  )}\n`;
}

export { downloadText } from '../../../ui/download';

/** `clusters-2026-07-29T1403Z.csv` */
export function exportFilename(extension: 'csv' | 'json', now: Date = new Date()): string {
  const stamp = now.toISOString().slice(0, 16).replaceAll(':', '').replaceAll('-', '');
  return `clusters-${stamp}Z.${extension}`;
}
