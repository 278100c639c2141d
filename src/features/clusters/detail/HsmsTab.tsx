import type { ClusterWithExtras, Hsm } from '../../../aws';
import { DeleteHsmButton } from './DeleteHsmButton';
import { hsmAddresses, NONE, statusDisplay } from './format';
import type { ShowNotice } from './notice';
import { StatusText } from './parts';

export function HsmsTab({ cluster, region, onNotice }: { cluster: ClusterWithExtras; region: string; onNotice: ShowNotice }) {
  const hsms = (cluster.Hsms ?? []) as (Hsm & { EniIpV6?: string })[];
  if (hsms.length === 0) return <p data-testid="no-hsms">This cluster has no HSMs. Add one with “Add HSM” above to use the cluster.</p>;
  const needAttention = hsms.filter((hsm) => statusDisplay(hsm.State).standsOut).length;
  return (
    <div>
      {needAttention > 0 && (
        <p className="mb-2 text-sm font-medium text-amber-900 dark:text-amber-200" data-testid="hsm-attention">
          <span aria-hidden="true">⚠ </span>
          {needAttention} of {hsms.length} HSMs {needAttention === 1 ? 'is' : 'are'} degraded or changing state.
        </p>
      )}
      <table className="w-full border-collapse text-left text-sm">
        <thead>
          <tr className="border-b border-slate-300 dark:border-slate-700">
            <th scope="col" className="py-2 pr-4">HSM</th>
            <th scope="col" className="py-2 pr-4">Availability zone</th>
            <th scope="col" className="py-2 pr-4">Subnet</th>
            <th scope="col" className="py-2 pr-4">ENI</th>
            <th scope="col" className="py-2 pr-4">IP address</th>
            <th scope="col" className="py-2 pr-4">State</th>
            <th scope="col" className="py-2 pr-4">Message</th>
            <th scope="col" className="py-2 pr-4">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {hsms.map((hsm) => {
            const standsOut = statusDisplay(hsm.State).standsOut;
            return (
              <tr
                key={hsm.HsmId}
                data-testid="hsm-row"
                data-state={hsm.State}
                data-attention={standsOut ? 'true' : 'false'}
                className={`border-b border-slate-200 dark:border-slate-800 ${standsOut ? 'border-l-4 border-l-amber-600 bg-amber-50 dark:bg-amber-950' : ''}`}
              >
                <td className="py-2 pr-4 pl-1 font-mono">{hsm.HsmId}</td>
                <td className="py-2 pr-4">{hsm.AvailabilityZone ?? NONE}</td>
                <td className="py-2 pr-4 font-mono">{hsm.SubnetId ?? NONE}</td>
                <td className="py-2 pr-4 font-mono">{hsm.EniId ?? NONE}</td>
                <td className="py-2 pr-4 font-mono">
                  {hsmAddresses(hsm).length === 0 ? NONE : hsmAddresses(hsm).map((ip) => <div key={ip}>{ip}</div>)}
                </td>
                <td className="py-2 pr-4">
                  <StatusText state={hsm.State} />
                </td>
                <td className="py-2 pr-4">{hsm.StateMessage ?? ''}</td>
                <td className="py-2 pr-4">
                  <DeleteHsmButton cluster={cluster} hsm={hsm} region={region} onNotice={onNotice} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
