/**
 * Where a backup came from (a copy: its source backup, region and cluster) and where it went: its copies in
 * the other shown regions (DescribeBackups with `sourceBackupIds` in each).
 */
import { useMemo } from 'react';
import { Link } from 'react-router';
import { accountLinkParams, useAllBackupsQuery, useSessionQuery, useShownRegions, type BackupWithExtras } from '../../../aws';
import { AwsErrorMessage, DateTime, ResourceStatus, SkeletonList } from '../../../ui';
import { errorAdvice } from '../../common/errorAdvice';

export function Provenance({ backup: b, region, account }: { backup: BackupWithExtras; region: string; account?: string }) {
  const session = useSessionQuery();
  return (
    <section aria-labelledby="provenance-heading" data-testid="provenance">
      <h3 id="provenance-heading" className="mb-2 text-lg font-semibold">
        Provenance
      </h3>
      {b.SourceBackup ? (
        <p data-testid="copy-of">
          A copy of <span className="font-mono">{b.SourceBackup}</span> from {b.SourceRegion ?? 'an unknown region'}
          {b.SourceCluster ? (
            <>
              {' '}
              (cluster <span className="font-mono">{b.SourceCluster}</span>)
            </>
          ) : null}
          , copied into {region}
          {b.CopyTimestamp ? (
            <>
              {' '}
              at <DateTime value={b.CopyTimestamp} />
            </>
          ) : null}
          . Restoring it needs the source cluster&apos;s customer CA certificate.
        </p>
      ) : (
        <p>Taken in {region} from its own cluster (not a copy).</p>
      )}
      {session.data && <Copies backupId={b.BackupId ?? ''} region={region} account={account} />}
    </section>
  );
}

/**
 * Copies of this backup in the other shown regions. A copy is never in its source's region (AWS refuses to
 * copy a backup to its own region), so that region is not searched nor named.
 */
function Copies({ backupId, region, account }: { backupId: string; region: string; account: string | undefined }) {
  const { regions: shown, linkTo } = useShownRegions();
  const regions = useMemo(() => shown.filter((r) => r !== region), [shown, region]);
  // Copies stay in the source's account (CopyBackupToRegion copies into the caller's): only it is searched.
  const options = useMemo(() => ({ filters: { sourceBackupIds: [backupId] }, accounts: [account] }), [backupId, account]);
  const copies = useAllBackupsQuery(regions, options);
  if (regions.length === 0) {
    return (
      <p className="mt-3" data-testid="no-copy-regions">
        No other region is shown, so copies (always in another region than {region}) are not looked for. Show more regions in the header to
        find them.
      </p>
    );
  }
  return (
    <div className="mt-3" aria-busy={copies.isPending || undefined}>
      <h4 className="font-medium" data-testid="copies-heading">
        Copies in the other shown regions ({regions.join(', ')})
      </h4>
      {copies.errors.map(({ region, error }) => (
        <AwsErrorMessage key={region} error={error} what={`Could not look for copies in ${region}`} advice={errorAdvice(error.info)} />
      ))}
      {copies.isPending ? (
        <>
          <p aria-live="polite">Looking for copies…</p>
          <SkeletonList rows={2} columns={2} className="mt-2" />
        </>
      ) : copies.rows.length === 0 ? (
        <p data-testid="no-copies">No copy of this backup in these regions.</p>
      ) : (
        <ul data-testid="copies" className="list-disc pl-5">
          {copies.rows.map(({ region, backup }) => (
            <li key={`${region}/${backup.BackupId}`} data-testid="copy-item">
              <Link
                className="font-mono underline"
                to={linkTo(`/backups/${region}/${backup.BackupId}`, { params: accountLinkParams(account) })}
              >
                {backup.BackupId}
              </Link>{' '}
              in {region} · <ResourceStatus kind="backup" state={backup.BackupState} /> · copied <DateTime value={backup.CopyTimestamp} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
