/**
 * When a backup goes, in words (pure): the list's short "Expires" cell and the backup page's sentence, from the
 * domain's backupExpiry (src/cloudhsm/expiry.ts) and what is known of the backup's cluster (its retention and
 * name, or why they are not known). Dates stay Dates in the output so the views draw them with the kit's
 * DateTime (UTC, relative on hover); `plainText` writes them as the kit's UTC date for tests and exports.
 */
import { backupExpiry, type BackupExpiry, type ExpiryBackup, type RetentionPolicyLike } from '../../../cloudhsm';
import { formatUtc, formatUtcDate } from '../../../ui';

/** What the page knows of the cluster whose retention applies to a backup. */
export type RetentionSource =
  | { kind: 'known'; clusterId: string; name?: string; policy: RetentionPolicyLike | undefined }
  /** Its region's clusters have not answered yet. */
  | { kind: 'loading' }
  /** Its region's DescribeClusters failed (`code`: the AWS error code, when known). */
  | { kind: 'failed'; region: string; code?: string }
  /** The region answered without it: deleted, or out of sight. */
  | { kind: 'missing'; clusterId: string; region: string }
  /** The backup names no cluster. */
  | { kind: 'no-cluster' };

export interface ExpiryView {
  expiry: BackupExpiry;
  /** The cluster as people know it: its Name tag, else its id. */
  cluster?: string;
  /** Why nothing can be said, when `expiry` is unknown. */
  unknownReason?: string;
}

export interface ExpiryBackupLike extends ExpiryBackup {
  ClusterId?: string;
}

export interface ClusterRetention {
  name?: string;
  policy?: RetentionPolicyLike;
}

/** The clusters a page lists, for their retention: by id, the regions whose clusters failed (with the AWS code), still loading. */
export interface RetentionIndex {
  byId: ReadonlyMap<string, ClusterRetention>;
  failed: ReadonlyMap<string, string | undefined>;
  loading: boolean;
}

/** The retention source of a backup from the clusters a page lists (by id), with its region's load state. */
export function retentionSourceOf(backup: ExpiryBackupLike, region: string, clusters: RetentionIndex): RetentionSource {
  const id = backup.ClusterId;
  if (!id) return { kind: 'no-cluster' };
  const known = clusters.byId.get(id);
  if (known) return { kind: 'known', clusterId: id, name: known.name, policy: known.policy };
  if (clusters.failed.has(region)) return { kind: 'failed', region, code: clusters.failed.get(region) };
  if (clusters.loading) return { kind: 'loading' };
  return { kind: 'missing', clusterId: id, region };
}

function unknownReason(backup: ExpiryBackupLike, source: RetentionSource): string {
  if (backup.BackupState === 'PENDING_DELETION') return 'AWS did not say when it will be purged (no DeleteTimestamp).';
  const timeKnown = backup.CreateTimestamp instanceof Date && Number.isFinite(backup.CreateTimestamp.getTime());
  if (!timeKnown) return 'AWS did not say when it was created.';
  switch (source.kind) {
    case 'no-cluster':
      return 'The backup names no cluster, so no retention policy is known for it.';
    case 'loading':
      return "The clusters' retention policies are still loading.";
    case 'failed':
      return `The clusters of ${source.region} could not be loaded${source.code ? ` (${source.code})` : ''}, so its cluster's retention is not known.`;
    case 'missing':
      return `Its cluster ${source.clusterId} is not listed in ${source.region} (deleted?), so its retention is not known.`;
    case 'known':
      return `Its cluster ${source.name ?? source.clusterId} has no retention policy in days that the dashboard can read.`;
  }
}

/** The expiry of a backup and the words around it, given what is known of its cluster. */
export function expiryView(backup: ExpiryBackupLike, source: RetentionSource): ExpiryView {
  const expiry = backupExpiry(backup, source.kind === 'known' ? source.policy : undefined);
  const cluster = source.kind === 'known' ? (source.name ?? source.clusterId) : undefined;
  return expiry.kind === 'unknown' ? { expiry, cluster, unknownReason: unknownReason(backup, source) } : { expiry, cluster };
}

/** The list's cell: a word, or a date (drawn by DateTime) with a short second line. */
export type ExpiryCellWords =
  | { kind: 'date'; at: Date; detail: string; hint?: string }
  | { kind: 'words'; text: string; hint?: string }
  /** PENDING_DELETION and DELETED: the list draws its purge countdown or deletion date, as before. */
  | { kind: 'purge' }
  | { kind: 'deleted' };

export const LAST_BACKUP_RULE = "AWS never purges a cluster's last backup";

export function expiryCellWords(view: ExpiryView, now: Date): ExpiryCellWords {
  const { expiry } = view;
  switch (expiry.kind) {
    case 'retention': {
      const passed = expiry.at.getTime() <= now.getTime();
      return passed
        ? { kind: 'date', at: expiry.at, detail: 'date passed', hint: `${LAST_BACKUP_RULE}; this may be its last one.` }
        : { kind: 'date', at: expiry.at, detail: `${expiry.days}-day retention` };
    }
    case 'never':
      return { kind: 'words', text: 'never', hint: 'NeverExpires is set: the retention policy does not purge it.' };
    case 'copy':
      return {
        kind: 'words',
        text: 'no retention (copy)',
        hint: 'Copies in another region have no retention policy: delete it when it is no longer needed.',
      };
    case 'purge':
      return { kind: 'purge' };
    case 'deleted':
      return { kind: 'deleted' };
    case 'unknown':
      return { kind: 'words', text: 'unknown', hint: view.unknownReason };
  }
}

/** A sentence's pieces: text, and dates the view draws with DateTime (`date`: the UTC day; `datetime`: to the second). */
export type SentencePart = string | { at: Date; format: 'date' | 'datetime' };

export interface ExpirySentence {
  parts: SentencePart[];
  /** A second sentence: the last-backup rule, as a note or (when it is why the backup is still here) as the news. */
  note?: string;
  /** `warning` when the backup is past its date or gone soon. */
  tone: 'info' | 'warning';
}

/** The backup page's sentence ("Expires on 2027-03-02 under payments-prod's 90-day retention."). */
export function expirySentence(view: ExpiryView, backup: ExpiryBackupLike, now: Date): ExpirySentence {
  const { expiry } = view;
  const whose = view.cluster ? `${view.cluster}'s` : "its cluster's";
  switch (expiry.kind) {
    case 'retention': {
      const date = { at: expiry.at, format: 'date' } as const;
      if (expiry.at.getTime() <= now.getTime() && backup.BackupState === 'READY') {
        return {
          parts: ['Past its expiry date (', date, `, under ${whose} ${expiry.days}-day retention) and still READY.`],
          note: `${LAST_BACKUP_RULE}, which this may be; otherwise the service purges it soon.`,
          tone: 'warning',
        };
      }
      return {
        parts: ['Expires on ', date, ` under ${whose} ${expiry.days}-day retention.`],
        note: `${LAST_BACKUP_RULE}: if this is still ${view.cluster ?? 'its cluster'}'s last backup then, it stays.`,
        tone: 'info',
      };
    }
    case 'never':
      return { parts: ['Never expires (NeverExpires is set).'], tone: 'info' };
    case 'copy':
      return { parts: ['A copy: it never expires; delete it when it is no longer needed.'], tone: 'info' };
    case 'purge':
      return { parts: ['Deleted: purged on ', { at: expiry.at, format: 'datetime' }, ' unless restored.'], tone: 'warning' };
    case 'deleted':
      return backup.DeleteTimestamp instanceof Date && Number.isFinite(backup.DeleteTimestamp.getTime())
        ? { parts: ['Purged on ', { at: backup.DeleteTimestamp, format: 'datetime' }, ': it is gone.'], tone: 'info' }
        : { parts: ['Purged: it is gone.'], tone: 'info' };
    case 'unknown':
      return { parts: [`When it expires is not known: ${view.unknownReason ?? 'nothing says.'}`], tone: 'info' };
  }
}

/** The sentence as text, dates as the kit writes them. */
export function plainText(parts: readonly SentencePart[]): string {
  return parts
    .map((part) => (typeof part === 'string' ? part : part.format === 'date' ? formatUtcDate(part.at) : formatUtc(part.at)))
    .join('');
}
