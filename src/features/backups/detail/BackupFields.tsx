/**
 * Every field of one backup, as a list of labelled values. The state reads as everywhere (the status model);
 * dates are the kit's DateTime (UTC, the relative time on hover and focus); ids of other resources link to
 * their pages when their region is known.
 */
import { Link } from 'react-router';
import { useShownRegions, type BackupWithExtras } from '../../../aws';
import { DateTime, FieldRow, NONE, ResourceStatus } from '../../../ui';
import { PurgeCountdown } from '../actions/lifecycle/PurgeCountdown';

/** An id, linked to its page when there is one (`path`), in code type; "—" when there is no id. */
function ResourceId({ id, path, testId }: { id: string | undefined; path: string | null; testId?: string }) {
  const { linkTo } = useShownRegions();
  if (!id) return <>{NONE}</>;
  if (!path) return <span className="font-mono">{id}</span>;
  return (
    <Link className="font-mono underline" data-testid={testId} to={linkTo(path)}>
      {id}
    </Link>
  );
}

export function BackupFields({ backup: b, region }: { backup: BackupWithExtras; region: string }) {
  const isCopy = Boolean(b.SourceBackup);
  const sourceRegion = b.SourceRegion;
  // A copy keeps its source cluster's id: that cluster lives in the source's region.
  const clusterRegion = isCopy ? sourceRegion : region;
  const pending = b.BackupState === 'PENDING_DELETION';
  return (
    <dl aria-label="Backup fields" data-testid="backup-fields">
      <FieldRow label="Backup ID" testId="field-BackupId">
        <span className="font-mono">{b.BackupId}</span>
      </FieldRow>
      <FieldRow label="Backup ARN" testId="field-BackupArn">
        <span className="font-mono text-xs">{b.BackupArn ?? NONE}</span>
      </FieldRow>
      <FieldRow label="Region">{region}</FieldRow>
      <FieldRow label="State" testId="field-BackupState">
        <ResourceStatus kind="backup" state={b.BackupState} />
      </FieldRow>
      <FieldRow label="Cluster" testId="field-ClusterId">
        <ResourceId id={b.ClusterId} path={clusterRegion ? `/clusters/${clusterRegion}/${b.ClusterId}` : null} />
        {isCopy && <span className="ml-1 text-xs">(the source cluster, in {sourceRegion ?? 'another region'})</span>}
      </FieldRow>
      <FieldRow label="Created" testId="field-CreateTimestamp">
        <DateTime value={b.CreateTimestamp} />
      </FieldRow>
      <FieldRow label="Copied" testId="field-CopyTimestamp">
        <DateTime value={b.CopyTimestamp} />
      </FieldRow>
      <FieldRow label={pending ? 'Will be purged' : 'Deleted'} testId="field-DeleteTimestamp">
        <DateTime value={b.DeleteTimestamp} />
        {pending && b.DeleteTimestamp && (
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
        <ResourceId
          id={b.SourceBackup}
          path={sourceRegion ? `/backups/${sourceRegion}/${b.SourceBackup}` : null}
          testId="source-backup-link"
        />
      </FieldRow>
      <FieldRow label="Source cluster" testId="field-SourceCluster">
        <ResourceId id={b.SourceCluster} path={sourceRegion ? `/clusters/${sourceRegion}/${b.SourceCluster}` : null} />
      </FieldRow>
    </dl>
  );
}
