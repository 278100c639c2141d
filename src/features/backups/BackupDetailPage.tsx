/**
 * `/backups/:region/:backupId`: every field of one backup, where it came from (SourceRegion / SourceBackup /
 * SourceCluster, linked), where it was copied to (DescribeBackups with `sourceBackupIds` in each chosen
 * region), its tags (editable), and the actions on it (actions/BackupActions). Works as a deep link.
 */
import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { useAllBackupsQuery, useBackupQuery, useSessionQuery, useShownRegions, type BackupWithExtras } from '../../aws';
import { ResourceTags } from '../tags/ResourceTags';
import { BackupActions } from './actions/BackupActions';
import { CopyTrackerPanel } from './actions/copy/CopyTrackerPanel';
import { PurgeCountdown } from './actions/lifecycle/PurgeCountdown';
import { AwsErrorMessage, BackupStateText, FieldRow, formatTimestamp, NONE } from './parts';

function BackLink() {
  const { linkTo } = useShownRegions();
  return (
    <Link to={linkTo('/backups')} className="text-sm underline">
      ← All backups
    </Link>
  );
}

export function BackupDetailPage() {
  const { region = '', backupId = '' } = useParams();
  const query = useBackupQuery(region, backupId);
  return (
    <section aria-labelledby="backup-heading">
      <BackLink />
      <h2 id="backup-heading" className="mt-2 mb-3 text-xl font-semibold">
        Backup <span className="font-mono">{backupId}</span> <span className="text-base font-normal text-slate-600 dark:text-slate-300">in {region}</span>
      </h2>
      <CopyTrackerPanel />
      {query.isPending && <p aria-live="polite">Loading the backup…</p>}
      {query.error && <AwsErrorMessage error={query.error} what="Could not load the backup" />}
      {query.data === null && (
        <p role="alert" data-testid="backup-not-found">
          There is no backup {backupId} in {region}. It may have been purged, or it is in another region.
        </p>
      )}
      {query.data && <BackupDetails backup={query.data} region={region} />}
    </section>
  );
}

function BackupDetails({ backup: b, region }: { backup: BackupWithExtras; region: string }) {
  const { linkTo } = useShownRegions();
  const isCopy = Boolean(b.SourceBackup);
  const sourceRegion = b.SourceRegion;
  const clusterRegion = isCopy ? sourceRegion : region;
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <dl aria-label="Backup fields" data-testid="backup-fields">
        <FieldRow label="Backup ID" testId="field-BackupId">
          <span className="font-mono">{b.BackupId}</span>
        </FieldRow>
        <FieldRow label="Backup ARN" testId="field-BackupArn">
          <span className="font-mono text-xs">{b.BackupArn ?? NONE}</span>
        </FieldRow>
        <FieldRow label="Region">{region}</FieldRow>
        <FieldRow label="State" testId="field-BackupState">
          <BackupStateText state={b.BackupState} />
        </FieldRow>
        <FieldRow label="Cluster" testId="field-ClusterId">
          {b.ClusterId ? (
            clusterRegion ? (
              <Link className="font-mono underline" to={linkTo(`/clusters/${clusterRegion}/${b.ClusterId}`)}>
                {b.ClusterId}
              </Link>
            ) : (
              <span className="font-mono">{b.ClusterId}</span>
            )
          ) : (
            NONE
          )}
          {isCopy && <span className="ml-1 text-xs">(the source cluster, in {sourceRegion ?? 'another region'})</span>}
        </FieldRow>
        <FieldRow label="Created" testId="field-CreateTimestamp">
          {formatTimestamp(b.CreateTimestamp)}
        </FieldRow>
        <FieldRow label="Copied" testId="field-CopyTimestamp">
          {formatTimestamp(b.CopyTimestamp)}
        </FieldRow>
        <FieldRow label={b.BackupState === 'PENDING_DELETION' ? 'Will be purged' : 'Deleted'} testId="field-DeleteTimestamp">
          {formatTimestamp(b.DeleteTimestamp)}
          {b.BackupState === 'PENDING_DELETION' && b.DeleteTimestamp && (
            <span className="ml-1 font-semibold">
              (<PurgeCountdown deleteAt={b.DeleteTimestamp} />; restorable until then)
            </span>
          )}
        </FieldRow>
        <FieldRow label="Never expires" testId="field-NeverExpires">
          {b.NeverExpires ? '∞ Yes: exempt from the retention policy' : 'No'}
        </FieldRow>
        <FieldRow label="HSM type" testId="field-HsmType">
          {b.HsmType ?? NONE}
        </FieldRow>
        <FieldRow label="Mode" testId="field-Mode">
          {b.Mode ?? NONE}
        </FieldRow>
        <FieldRow label="Source region" testId="field-SourceRegion">
          {b.SourceRegion ?? NONE}
        </FieldRow>
        <FieldRow label="Source backup" testId="field-SourceBackup">
          {b.SourceBackup ? (
            sourceRegion ? (
              <Link className="font-mono underline" data-testid="source-backup-link" to={linkTo(`/backups/${sourceRegion}/${b.SourceBackup}`)}>
                {b.SourceBackup}
              </Link>
            ) : (
              <span className="font-mono">{b.SourceBackup}</span>
            )
          ) : (
            NONE
          )}
        </FieldRow>
        <FieldRow label="Source cluster" testId="field-SourceCluster">
          {b.SourceCluster ? (
            sourceRegion ? (
              <Link className="font-mono underline" to={linkTo(`/clusters/${sourceRegion}/${b.SourceCluster}`)}>
                {b.SourceCluster}
              </Link>
            ) : (
              <span className="font-mono">{b.SourceCluster}</span>
            )
          ) : (
            NONE
          )}
        </FieldRow>
      </dl>
      <div className="flex flex-col gap-6">
        <BackupActions region={region} backup={b} />
        <Provenance backup={b} region={region} />
        <BackupTags region={region} backupId={b.BackupId ?? ''} deleted={b.BackupState === 'DELETED'} />
      </div>
    </div>
  );
}

function Provenance({ backup: b, region }: { backup: BackupWithExtras; region: string }) {
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
          , copied into {region} {b.CopyTimestamp ? `at ${formatTimestamp(b.CopyTimestamp)}` : ''}. Restoring it needs the source cluster&apos;s customer CA
          certificate.
        </p>
      ) : (
        <p>Taken in {region} from its own cluster (not a copy).</p>
      )}
      {session.data && <Copies backupId={b.BackupId ?? ''} region={region} />}
    </section>
  );
}

/**
 * Copies of this backup in the other shown regions. A copy is never in its source's region (AWS refuses to
 * copy a backup to its own region), so that region is not searched nor named.
 */
function Copies({ backupId, region }: { backupId: string; region: string }) {
  const { regions: shown, linkTo } = useShownRegions();
  const regions = useMemo(() => shown.filter((r) => r !== region), [shown, region]);
  const options = useMemo(() => ({ filters: { sourceBackupIds: [backupId] } }), [backupId]);
  const copies = useAllBackupsQuery(regions, options);
  if (regions.length === 0) {
    return (
      <p className="mt-3" data-testid="no-copy-regions">
        No other region is shown, so copies (always in another region than {region}) are not looked for. Show more regions in the header to find them.
      </p>
    );
  }
  return (
    <div className="mt-3">
      <h4 className="font-medium" data-testid="copies-heading">
        Copies in the other shown regions ({regions.join(', ')})
      </h4>
      {copies.errors.map(({ region, error }) => (
        <AwsErrorMessage key={region} error={error} what={`Could not look for copies in ${region}`} />
      ))}
      {copies.isPending ? (
        <p aria-live="polite">Looking for copies…</p>
      ) : copies.rows.length === 0 ? (
        <p data-testid="no-copies">No copy of this backup in these regions.</p>
      ) : (
        <ul data-testid="copies" className="list-disc pl-5">
          {copies.rows.map(({ region, backup }) => (
            <li key={`${region}/${backup.BackupId}`} data-testid="copy-item">
              <Link className="font-mono underline" to={linkTo(`/backups/${region}/${backup.BackupId}`)}>
                {backup.BackupId}
              </Link>{' '}
              in {region} · {backup.BackupState} · copied {formatTimestamp(backup.CopyTimestamp)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function BackupTags({ region, backupId, deleted }: { region: string; backupId: string; deleted: boolean }) {
  return (
    <section aria-labelledby="tags-heading">
      <h3 id="tags-heading" className="mb-2 text-lg font-semibold">
        Tags
      </h3>
      {/* A purged backup is gone; one awaiting deletion keeps its tags editable (it can still be restored). */}
      <ResourceTags region={region} resourceId={backupId} kind="backup" disabledReason={deleted ? 'The backup is deleted (purged).' : null} />
    </section>
  );
}
