import type { ClusterWithExtras, Hsm } from '../../../aws';
import { Alert, EmptyState, NONE, ResourceStatus } from '../../../ui';
import { DeleteHsmButton } from './DeleteHsmButton';
import { hsmAddresses, hsmNeedsAttention } from './format';
import type { ShowNotice } from './notice';

const HEAD = 'py-2 pr-4';
const CELL = 'py-2 pr-4';
/** The table's column headings, in order (the last column, the row's actions, is named for screen readers only). */
const HSM_COLUMNS = ['HSM', 'Availability zone', 'Subnet', 'ENI', 'IP address', 'State', 'Message'];

function HsmRow({
  cluster,
  hsm,
  region,
  onNotice,
}: {
  cluster: ClusterWithExtras;
  hsm: Hsm & { EniIpV6?: string };
  region: string;
  onNotice: ShowNotice;
}) {
  const standsOut = hsmNeedsAttention(hsm.State);
  const addresses = hsmAddresses(hsm);
  return (
    <tr
      data-testid="hsm-row"
      data-state={hsm.State}
      data-attention={standsOut ? 'true' : 'false'}
      className={`border-b border-slate-200 dark:border-slate-800 ${standsOut ? 'border-l-4 border-l-amber-600 bg-amber-50 dark:border-l-amber-400 dark:bg-amber-950' : ''}`}
    >
      <td className={`${CELL} pl-1 font-mono`}>{hsm.HsmId}</td>
      <td className={CELL}>{hsm.AvailabilityZone ?? NONE}</td>
      <td className={`${CELL} font-mono`}>{hsm.SubnetId ?? NONE}</td>
      <td className={`${CELL} font-mono`}>{hsm.EniId ?? NONE}</td>
      <td className={`${CELL} font-mono`}>{addresses.length === 0 ? NONE : addresses.map((ip) => <div key={ip}>{ip}</div>)}</td>
      <td className={CELL}>
        <ResourceStatus kind="hsm" state={hsm.State} />
      </td>
      <td className={CELL}>{hsm.StateMessage ?? ''}</td>
      <td className={CELL}>
        <DeleteHsmButton cluster={cluster} hsm={hsm} region={region} onNotice={onNotice} />
      </td>
    </tr>
  );
}
export function HsmsTab({ cluster, region, onNotice }: { cluster: ClusterWithExtras; region: string; onNotice: ShowNotice }) {
  const hsms = (cluster.Hsms ?? []) as (Hsm & { EniIpV6?: string })[];
  if (hsms.length === 0)
    return <EmptyState title="This cluster has no HSMs. Add one with “Add HSM” above to use the cluster." data-testid="no-hsms" />;
  const needAttention = hsms.filter((hsm) => hsmNeedsAttention(hsm.State)).length;
  return (
    <div>
      {needAttention > 0 && (
        <Alert type="warning" className="mb-2" data-testid="hsm-attention">
          {needAttention} of {hsms.length} HSMs {needAttention === 1 ? 'is' : 'are'} degraded or changing state.
        </Alert>
      )}
      {/* Scrolls sideways on a narrow screen instead of widening the page. */}
      <div className="relative overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-300 dark:border-slate-700">
              {HSM_COLUMNS.map((column) => (
                <th key={column} scope="col" className={HEAD}>
                  {column}
                </th>
              ))}
              <th scope="col" className={HEAD}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hsms.map((hsm) => (
              <HsmRow key={hsm.HsmId} cluster={cluster} hsm={hsm} region={region} onNotice={onNotice} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
