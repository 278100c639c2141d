/**
 * The backup page's "Expires" sentence (expirySentence), with the last-backup rule as a note. Only a backup the
 * retention applies to (READY or in creation, not a copy, not NeverExpires) needs its cluster: that one
 * DescribeClusters is made (and shared with the cluster's page through the query cache); the others say
 * what they say without it.
 */
import { useMemo } from 'react';
import { useClusterQuery, type BackupWithExtras } from '../../../aws';
import { backupExpiry } from '../../../cloudhsm';
import { DateTime, StatusIndicator, useNow } from '../../../ui';
import { expirySentence, expiryView, type RetentionSource } from './expiryWords';
import { resourceName } from '../../../cloudhsm/names';

/** Whether the cluster's retention decides when the backup goes (else nothing about the cluster changes the answer). */
const needsCluster = (backup: BackupWithExtras) => backupExpiry(backup, { Type: 'DAYS', Value: '1' }).kind === 'retention';

export function BackupExpiry({ backup, region, account }: { backup: BackupWithExtras; region: string; account?: string }) {
  const needed = needsCluster(backup);
  const query = useClusterQuery(region, needed ? backup.ClusterId : undefined, account);
  const clock = useNow();
  const source = useMemo((): RetentionSource => {
    if (!backup.ClusterId) return { kind: 'no-cluster' };
    // What the cluster said last stays true when a later refresh fails.
    if (query.data) {
      const name = resourceName(query.data);
      return { kind: 'known', clusterId: backup.ClusterId, name, policy: query.data.BackupRetentionPolicy };
    }
    if (query.error) return { kind: 'failed', region, code: query.error.info.code };
    if (query.data === null) return { kind: 'missing', clusterId: backup.ClusterId, region };
    return { kind: 'loading' };
  }, [backup.ClusterId, query.error, query.data, region]);

  if (needed && source.kind === 'loading') {
    return (
      <span data-testid="backup-expiry" aria-live="polite">
        <StatusIndicator icon="in-progress">Looking up its cluster&apos;s retention…</StatusIndicator>
      </span>
    );
  }
  const sentence = expirySentence(expiryView(backup, source), backup, new Date(clock));
  const words = sentence.parts.map((part, i) =>
    typeof part === 'string' ? part : <DateTime key={i} value={part.at} format={part.format} data-testid="backup-expiry-date" />,
  );
  return (
    <span data-testid="backup-expiry" className="block break-normal">
      {sentence.tone === 'warning' ? (
        <StatusIndicator icon="warning" iconLabel="Warning">
          {words}
        </StatusIndicator>
      ) : (
        <span>{words}</span>
      )}
      {sentence.note && (
        <span className="mt-0.5 block text-xs text-slate-600 dark:text-slate-400" data-testid="backup-expiry-note">
          {sentence.note}
        </span>
      )}
    </span>
  );
}
