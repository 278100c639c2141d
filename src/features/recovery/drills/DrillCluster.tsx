/** The drill's cluster and backup as links (keeping the regions shown), for the dialog and the row. */
import { Link } from 'react-router';
import { useShownRegions } from '../../../aws';
import type { DrillRecord } from '../../../cloudhsm/drills';

export function DrillClusterLink({ record }: { record: DrillRecord }) {
  const { linkTo } = useShownRegions();
  if (record.deletedAt !== undefined) return <span className="font-mono">{record.drillClusterId}</span>;
  return (
    <Link
      className="font-mono underline"
      data-testid="drill-cluster-link"
      to={linkTo(`/clusters/${record.region}/${record.drillClusterId}`)}
    >
      {record.drillClusterId}
    </Link>
  );
}

export function DrillBackupLink({ record }: { record: DrillRecord }) {
  const { linkTo } = useShownRegions();
  return (
    <>
      <Link className="font-mono underline" to={linkTo(`/backups/${record.region}/${record.backupId}`)}>
        {record.backupId}
      </Link>{' '}
      ({record.region})
    </>
  );
}
