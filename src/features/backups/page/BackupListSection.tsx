/**
 * Under the timeline: the list's filters and order, the bulk actions on the ticked backups, and the list (or,
 * when the filters hide everything, a way to clear them).
 */
import { useShownAccounts } from '../../../aws';
import { Button, EmptyState } from '../../../ui';
import { AccountAlerts } from '../../common/accounts/AccountAlerts';
import { ListAccountsProvider } from '../../common/accounts/listAccounts';
import { BulkActionsBar } from '../actions/bulk/BulkActionsBar';
import { BackupList } from '../list/BackupList';
import { EMPTY_BACKUP_FILTERS, type BackupPageParams } from '../params';
import { BackupFilters } from './BackupFilters';
import type { BackupsData } from './useBackupsData';
import type { useBulkSelection } from './useBulkSelection';
import type { TimelineControls } from './useTimelineControls';

export interface BackupListSectionProps {
  params: BackupPageParams;
  regions: string[];
  data: BackupsData;
  bulk: ReturnType<typeof useBulkSelection>;
  controls: TimelineControls;
}

export function BackupListSection({ params, regions, data, bulk, controls }: BackupListSectionProps) {
  const clear = () => controls.clearFilters(EMPTY_BACKUP_FILTERS);
  return (
    <ListAccountsProvider value={useShownAccounts()}>
      <h3 className="mt-6 mb-2 text-lg font-semibold">Backup list</h3>
      <AccountAlerts what="backups" />
      <BackupFilters params={params} controls={controls} regions={regions} clusters={data.options.clusters} />
      <BulkActionsBar selected={bulk.checkedRows} hiddenCount={bulk.hiddenCount} onClear={bulk.clear} onDeleted={bulk.uncheck} />
      {data.sorted.length === 0 ? (
        <EmptyState
          variant="no-match"
          data-testid="backups-no-match"
          title="No backup matches these filters."
          action={<Button onClick={clear}>Clear the filters</Button>}
        />
      ) : (
        <BackupList
          rows={data.sorted}
          clusterNames={data.clusterNames}
          selectedId={params.selected}
          onSelect={controls.selectFromList}
          selection={bulk.selection}
          retention={data.retention}
        />
      )}
    </ListAccountsProvider>
  );
}
