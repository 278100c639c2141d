/**
 * Every field of one backup, as a list of labelled values. The state reads as everywhere (the status model);
 * dates are the kit's DateTime (UTC, the relative time on hover and focus); ids of other resources link to
 * their pages when their region is known.
 */
import { Link } from 'react-router';
import { accountLinkParams, useShownRegions, type BackupWithExtras } from '../../../aws';
import { DateTime, FieldList, NONE, ResourceStatus } from '../../../ui';
import { PurgeCountdown } from '../actions/lifecycle/PurgeCountdown';
import { BackupExpiry } from '../expiry/BackupExpiry';

/** An id, linked to its page when there is one (`path`), in code type; "—" when there is no id. */
function ResourceId({ id, path, testId, account }: { id: string | undefined; path: string | null; testId?: string; account?: string }) {
  const { linkTo } = useShownRegions();
  if (!id) return <>{NONE}</>;
  if (!path) return <span className="font-mono">{id}</span>;
  return (
    <Link className="font-mono underline" data-testid={testId} to={linkTo(path, { params: accountLinkParams(account) })}>
      {id}
    </Link>
  );
}

/** `account`: the backup's (undefined: the base account); its cluster and source are in the same account. */
export function BackupFields({ backup: b, region, account }: { backup: BackupWithExtras; region: string; account?: string }) {
  const isCopy = Boolean(b.SourceBackup);
  const sourceRegion = b.SourceRegion;
  // A copy keeps its source cluster's id: that cluster lives in the source's region.
  const clusterRegion = isCopy ? sourceRegion : region;
  const pending = b.BackupState === 'PENDING_DELETION';
  return (
    <FieldList
      aria-label="Backup fields"
      data-testid="backup-fields"
      fields={[
        { label: 'Backup ID', value: b.BackupId, testId: 'field-BackupId', mono: true },
        { label: 'Backup ARN', value: b.BackupArn && <span className="font-mono text-xs">{b.BackupArn}</span>, testId: 'field-BackupArn' },
        { label: 'Region', value: region },
        { label: 'State', value: <ResourceStatus kind="backup" state={b.BackupState} />, testId: 'field-BackupState' },
        { label: 'Expires', value: <BackupExpiry backup={b} region={region} account={account} />, testId: 'field-Expires' },
        {
          label: 'Cluster',
          testId: 'field-ClusterId',
          value: (
            <>
              <ResourceId account={account} id={b.ClusterId} path={clusterRegion ? `/clusters/${clusterRegion}/${b.ClusterId}` : null} />
              {isCopy && <span className="ml-1 text-xs">(the source cluster, in {sourceRegion ?? 'another region'})</span>}
            </>
          ),
        },
        { label: 'Created', value: <DateTime value={b.CreateTimestamp} />, testId: 'field-CreateTimestamp' },
        { label: 'Copied', value: <DateTime value={b.CopyTimestamp} />, testId: 'field-CopyTimestamp' },
        {
          label: pending ? 'Will be purged' : 'Deleted',
          testId: 'field-DeleteTimestamp',
          value: (
            <>
              <DateTime value={b.DeleteTimestamp} />
              {pending && b.DeleteTimestamp && (
                <span className="ml-1 font-semibold">
                  (<PurgeCountdown deleteAt={b.DeleteTimestamp} />; restorable until then)
                </span>
              )}
            </>
          ),
        },
        { label: 'Never expires', value: b.NeverExpires ? '∞ Yes: exempt from the retention policy' : 'No', testId: 'field-NeverExpires' },
        { label: 'HSM type', value: b.HsmType, testId: 'field-HsmType' },
        { label: 'Mode', value: b.Mode, testId: 'field-Mode' },
        { label: 'Source region', value: b.SourceRegion, testId: 'field-SourceRegion' },
        {
          label: 'Source backup',
          testId: 'field-SourceBackup',
          value: (
            <ResourceId
              account={account}
              id={b.SourceBackup}
              path={sourceRegion ? `/backups/${sourceRegion}/${b.SourceBackup}` : null}
              testId="source-backup-link"
            />
          ),
        },
        {
          label: 'Source cluster',
          testId: 'field-SourceCluster',
          value: (
            <ResourceId
              account={account}
              id={b.SourceCluster}
              path={sourceRegion ? `/clusters/${sourceRegion}/${b.SourceCluster}` : null}
            />
          ),
        },
      ]}
    />
  );
}
