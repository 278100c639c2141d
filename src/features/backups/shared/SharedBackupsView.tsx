/**
 * `/backups?view=shared`: the backups other accounts share with the shown account, in the shown regions
 * (DescribeBackups with Shared), newest first, each with its owner and "Create cluster from this backup".
 * Regions that failed say so and can be asked again; the others still show.
 */
import { useShownAccounts, useShownRegions } from '../../../aws';
import { ListAccountsProvider } from '../../common/accounts/listAccounts';
import { useSharedBackupsQuery, SHARED_BACKUPS_LIMIT } from '../../../aws/queries/sharedBackups';
import { EmptyState, StatusIndicator } from '../../../ui';
import { RegionLoadErrors } from '../page/RegionLoadErrors';
import { SharedBackupRows } from './SharedBackupRows';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function SharedBackupsView({ accounts }: { accounts?: readonly (string | undefined)[] }) {
  const { regions } = useShownRegions();
  // Every shown account that could be asked (with one account: the base only, as before).
  const shown = useShownAccounts();
  const shared = useSharedBackupsQuery(regions, accounts ?? shown.callAccounts);
  const { rows, errors, isPending, isFetching, truncated } = shared;
  const retry = (region: string) => {
    for (const failure of errors) if (failure.region === region) void failure.retry();
  };
  return (
    <ListAccountsProvider value={shown}>
      <section aria-labelledby="shared-backups-heading" data-testid="shared-backups-view">
        <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="shared-backups-heading" className="text-xl font-semibold">
            Backups shared with me
          </h2>
          <div className="flex flex-wrap items-baseline gap-x-3 text-sm text-slate-600 dark:text-slate-300">
            {isFetching && !isPending && <StatusIndicator icon="in-progress">Updating…</StatusIndicator>}
            <p aria-live="polite" data-testid="shared-count">
              {isPending ? 'Loading…' : `${plural(rows.length, 'shared backup')} in ${regions.join(', ')}`}
            </p>
          </div>
        </div>
        <p className="mb-3 text-sm">
          Backups that other AWS accounts share with {shown.multi ? 'the shown accounts' : 'this account'}. A cluster created from one holds
          its keys and users; it is created in the account it is shared with, in the backup&apos;s region.
        </p>
        <RegionLoadErrors errors={errors} what="shared backups" onRetry={retry} retrying={isFetching} />
        {truncated.length > 0 && (
          <p className="mb-3 text-sm" data-testid="shared-truncated">
            Only the newest {SHARED_BACKUPS_LIMIT} shared backups are read in {truncated.map((part) => part.region).join(', ')}.
          </p>
        )}
        {!isPending && rows.length === 0 && errors.length < regions.length ? (
          <EmptyState
            data-testid="shared-empty"
            title="No backups are shared with this account"
            description={
              <>
                A backup&apos;s owner shares it from their account: through AWS RAM (a resource share naming this account, which AWS
                recommends), or with a resource policy (PutResourcePolicy, as a backup page&apos;s Sharing section here does). A backup
                shared with a policy shows here only once its owner promotes the share in RAM. Only READY backups can be shared, and only in
                the regions shown.
              </>
            }
          />
        ) : (
          (isPending || rows.length > 0) && <SharedBackupRows rows={rows} loading={isPending} />
        )}
      </section>
    </ListAccountsProvider>
  );
}
