import { Link } from 'react-router';
import { useShownRegions, type ClusterWithExtras } from '../../../aws';
import { DateTime, EmptyState, FieldRow, NONE, ResourceStatus } from '../../../ui';
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
export function OverviewTab({ cluster, region }: { cluster: ClusterWithExtras; region: string }) {
  const { linkTo } = useShownRegions();
  const certificateNames = Object.entries(cluster.Certificates ?? {})
    .filter(([, pem]) => typeof pem === 'string' && pem !== '')
    .map(([name]) => name);
  return (
    <div className="space-y-6">
      <dl className="text-sm">
        <FieldRow label="Cluster ID" testId="field-cluster-id">
          <span className="font-mono">{cluster.ClusterId}</span>
        </FieldRow>
        <FieldRow label="Region">{region}</FieldRow>
        <FieldRow label="State" testId="field-state">
          <ResourceStatus kind="cluster" state={cluster.State} />
          {cluster.StateMessage && <span className="ml-2 text-slate-700 dark:text-slate-300">— {cluster.StateMessage}</span>}
        </FieldRow>
        <FieldRow label="HSM type" testId="field-hsm-type">
          {cluster.HsmType ?? NONE}
        </FieldRow>
        <FieldRow label="Mode" testId="field-mode">
          {cluster.Mode ?? NONE}
        </FieldRow>
        <FieldRow label="Network type" testId="field-network-type">
          {cluster.NetworkType ?? NONE}
        </FieldRow>
        <FieldRow label="VPC" testId="field-vpc">
          <span className="font-mono">{cluster.VpcId ?? NONE}</span>
        </FieldRow>
        <FieldRow label="Security group" testId="field-security-group">
          <span className="font-mono">{cluster.SecurityGroup ?? NONE}</span>
        </FieldRow>
        <FieldRow label="Backup policy" testId="field-backup-policy">
          {cluster.BackupPolicy ?? NONE}
        </FieldRow>
        <FieldRow label="Backup retention" testId="field-backup-retention">
          {formatRetention(cluster.BackupRetentionPolicy)}
        </FieldRow>
        <FieldRow label="Source backup" testId="field-source-backup">
          {cluster.SourceBackupId ? (
            <Link
              className="font-mono underline"
              to={linkTo(`/backups/${encodeURIComponent(region)}/${encodeURIComponent(cluster.SourceBackupId)}`)}
            >
              {cluster.SourceBackupId}
            </Link>
          ) : (
            'None (not restored from a backup)'
          )}
        </FieldRow>
        <FieldRow label="Created" testId="field-created">
          <DateTime value={cluster.CreateTimestamp} className={WRAP} />
        </FieldRow>
        {cluster.HsmTypeRollbackExpiration && (
          <FieldRow label="HSM type rollback until" testId="field-rollback">
            <DateTime value={cluster.HsmTypeRollbackExpiration} className={WRAP} />
          </FieldRow>
        )}
        <FieldRow label="HSMs">{cluster.Hsms?.length ?? 0}</FieldRow>
        <FieldRow label="Certificates">{certificateNames.length > 0 ? certificateNames.join(', ') : 'None'}</FieldRow>
        <FieldRow label="Tags">{cluster.TagList?.length ?? 0}</FieldRow>
      </dl>

      <SubnetMapping mapping={cluster.SubnetMapping} />
    </div>
  );
}
