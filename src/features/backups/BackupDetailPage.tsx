/**
 * `/backups/:region/:backupId`: every field of one backup (detail/BackupFields), where it came from and where
 * it was copied to (detail/Provenance), the accounts it is shared with (detail/sharing), its tags (editable), and
 * the actions on it (actions/BackupActions).
 * Works as a deep link.
 */
import { useParams } from 'react-router';
import { useAccountParam, useBackupQuery, type BackupWithExtras } from '../../aws';
import { Alert, SkeletonText } from '../../ui';
import { BackLink } from '../common/BackLink';
import { ResourceTags } from '../tags/ResourceTags';
import { BackupActions } from './actions/BackupActions';
import { CopyTrackerPanel } from './actions/copy/CopyTrackerPanel';
import { BackupFields } from './detail/BackupFields';
import { Provenance } from './detail/Provenance';
import { BackupSharing } from './detail/sharing/BackupSharing';
import { RegionLoadErrors } from './page/RegionLoadErrors';

export function BackupDetailPage() {
  const { region = '', backupId = '' } = useParams();
  // Another account's backup: `?account=` (issue 15); undefined is the base account.
  const account = useAccountParam();
  const query = useBackupQuery(region, backupId, account);
  return (
    <section aria-labelledby="backup-heading">
      <BackLink to="/backups">All backups</BackLink>
      <h2 id="backup-heading" className="mt-2 mb-3 text-xl font-semibold">
        Backup <span className="font-mono">{backupId}</span>{' '}
        <span className="text-base font-normal text-slate-600 dark:text-slate-300">in {region}</span>
      </h2>
      <CopyTrackerPanel />
      {query.error && (
        <RegionLoadErrors
          errors={[
            {
              region,
              error: query.error,
              stale: query.data !== undefined,
              retry: async () => {
                await query.refetch();
              },
            },
          ]}
          what={`backup ${backupId}`}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      )}
      {query.data === null && (
        <Alert type="error" live header="Backup not found" data-testid="backup-not-found">
          There is no backup {backupId} in {region}. It may have been purged, or it is in another region.
        </Alert>
      )}
      <div aria-busy={query.isPending || undefined}>
        {query.isPending && <BackupLoading />}
        {query.data && <BackupDetails backup={query.data} region={region} account={account} />}
      </div>
    </section>
  );
}

function BackupLoading() {
  return (
    <>
      <p aria-live="polite" className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        Loading the backup…
      </p>
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <SkeletonText lines={12} />
        <SkeletonText lines={5} />
      </div>
    </>
  );
}

/** Everything inside asks the page's account (`account` undefined: the base account). */
function BackupDetails({ backup, region, account }: { backup: BackupWithExtras; region: string; account: string | undefined }) {
  return (
    <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
      <BackupFields backup={backup} region={region} account={account} />
      <div className="flex flex-col gap-6">
        <BackupActions region={region} backup={backup} account={account} />
        <Provenance backup={backup} region={region} account={account} />
        <BackupSharing region={region} backup={backup} account={account} />
        <BackupTags region={region} backupId={backup.BackupId ?? ''} deleted={backup.BackupState === 'DELETED'} account={account} />
      </div>
    </div>
  );
}

function BackupTags({
  region,
  backupId,
  deleted,
  account,
}: {
  region: string;
  backupId: string;
  deleted: boolean;
  account: string | undefined;
}) {
  return (
    <section aria-labelledby="tags-heading">
      <h3 id="tags-heading" className="mb-2 text-lg font-semibold">
        Tags
      </h3>
      {/* A purged backup is gone; one awaiting deletion keeps its tags editable (it can still be restored). */}
      <ResourceTags
        region={region}
        resourceId={backupId}
        kind="backup"
        account={account}
        disabledReason={deleted ? 'The backup is deleted (purged).' : null}
      />
    </section>
  );
}

/** The route's view (App loads it on demand). */
export default BackupDetailPage;
