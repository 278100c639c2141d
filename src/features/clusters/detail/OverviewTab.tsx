import { Link } from 'react-router';
import { accountLinkParams, useShownRegions, type ClusterWithExtras } from '../../../aws';
import { clusterHealth } from '../../../cloudhsm/health';
import { DateTime, EmptyState, FieldList, StatusSpecIndicator, useNow } from '../../../ui';
import { formatRetention, subnetRows } from './format';

// The label column of a field row is wide: at 390 px a date must be allowed to wrap at its spaces.
const WRAP = 'whitespace-normal!';

/** Which subnet the cluster uses in each Availability Zone. */
function SubnetMapping({ mapping }: { mapping: Record<string, string> | undefined }) {
  const subnets = subnetRows(mapping);
  return (
    <section aria-labelledby="subnet-mapping-heading">
      <h3 id="subnet-mapping-heading" className="mb-2 font-medium">
        Subnet mapping
      </h3>
      {subnets.length === 0 ? (
        <EmptyState title="No subnets are mapped." />
      ) : (
        <div className="relative overflow-x-auto">
          <table className="border-collapse text-left text-sm" data-testid="subnet-mapping">
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-1 pr-6">
                  Availability zone
                </th>
                <th scope="col" className="py-1 pr-6">
                  Subnet
                </th>
              </tr>
            </thead>
            <tbody>
              {subnets.map(({ availabilityZone, subnetId }) => (
                <tr key={availabilityZone} className="border-b border-slate-200 dark:border-slate-800">
                  <td className="py-1 pr-6">{availabilityZone}</td>
                  <td className="py-1 pr-6 font-mono">{subnetId}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Every field of the cluster (except the pre-crypto-officer password, which is never shown). */
export function OverviewTab({ cluster, region, account }: { cluster: ClusterWithExtras; region: string; account?: string | undefined }) {
  const { linkTo } = useShownRegions();
  const now = useNow();
  const certificateNames = Object.entries(cluster.Certificates ?? {})
    .filter(([, pem]) => typeof pem === 'string' && pem !== '')
    .map(([name]) => name);
  return (
    <div className="space-y-6">
      <FieldList
        className="text-sm"
        fields={[
          { label: 'Cluster ID', value: cluster.ClusterId, testId: 'field-cluster-id', mono: true },
          { label: 'Region', value: region },
          {
            label: 'State',
            testId: 'field-state',
            value: (
              <>
                <StatusSpecIndicator status={clusterHealth(cluster, now)} data-state={cluster.State} />
                {cluster.StateMessage && <span className="ml-2 text-slate-700 dark:text-slate-300">— {cluster.StateMessage}</span>}
              </>
            ),
          },
          { label: 'HSM type', value: cluster.HsmType, testId: 'field-hsm-type' },
          { label: 'Mode', value: cluster.Mode, testId: 'field-mode' },
          { label: 'Network type', value: cluster.NetworkType, testId: 'field-network-type' },
          { label: 'VPC', value: cluster.VpcId, testId: 'field-vpc', mono: true },
          { label: 'Security group', value: cluster.SecurityGroup, testId: 'field-security-group', mono: true },
          { label: 'Backup policy', value: cluster.BackupPolicy, testId: 'field-backup-policy' },
          { label: 'Backup retention', value: formatRetention(cluster.BackupRetentionPolicy), testId: 'field-backup-retention' },
          {
            label: 'Source backup',
            testId: 'field-source-backup',
            value: cluster.SourceBackupId ? (
              <Link
                className="font-mono underline"
                // The cluster's own account (a source backup shared from elsewhere may not be found there).
                to={linkTo(`/backups/${encodeURIComponent(region)}/${encodeURIComponent(cluster.SourceBackupId)}`, {
                  params: accountLinkParams(account),
                })}
              >
                {cluster.SourceBackupId}
              </Link>
            ) : (
              'None (not restored from a backup)'
            ),
          },
          { label: 'Created', value: <DateTime value={cluster.CreateTimestamp} className={WRAP} />, testId: 'field-created' },
          cluster.HsmTypeRollbackExpiration && {
            label: 'HSM type rollback until',
            value: <DateTime value={cluster.HsmTypeRollbackExpiration} className={WRAP} />,
            testId: 'field-rollback',
          },
          { label: 'HSMs', value: cluster.Hsms?.length ?? 0 },
          { label: 'Certificates', value: certificateNames.length > 0 ? certificateNames.join(', ') : 'None' },
          { label: 'Tags', value: cluster.TagList?.length ?? 0 },
        ]}
      />

      <SubnetMapping mapping={cluster.SubnetMapping} />
    </div>
  );
}
