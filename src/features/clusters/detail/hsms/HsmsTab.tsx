import type { ReactNode } from 'react';
import type { ClusterWithExtras, Hsm } from '../../../../aws';
import { Alert, EmptyState, NONE, ResourceStatus, useNarrowScreen } from '../../../../ui';
import { DeleteHsmButton } from './DeleteHsmButton';
import { hsmAddresses, hsmNeedsAttention } from '../format';
import type { ShowNotice } from '../notice';

const HEAD = 'py-2 pr-4';
const CELL = 'py-2 pr-4';
/** The table's column headings, in order (the last column, the row's actions, is named for screen readers only). */
const HSM_COLUMNS = ['HSM', 'Availability zone', 'Subnet', 'ENI', 'IP address', 'State', 'Message'];

function HsmRow({
  cluster,
  hsm,
  region,
  account,
  onNotice,
}: {
  cluster: ClusterWithExtras;
  hsm: Hsm & { EniIpV6?: string };
  region: string;
  account: string | undefined;
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
        <DeleteHsmButton cluster={cluster} hsm={hsm} region={region} account={account} onNotice={onNotice} />
      </td>
    </tr>
  );
}
const ATTENTION_CARD = 'border-l-4 border-l-amber-600 bg-amber-50 dark:border-l-amber-400 dark:bg-amber-950';

/** One HSM as a card (narrow screens): the same facts as a table row, label above value, nothing wider than the screen. */
function HsmCard({ cluster, hsm, region, account, onNotice }: Parameters<typeof HsmRow>[0]) {
  const standsOut = hsmNeedsAttention(hsm.State);
  const addresses = hsmAddresses(hsm);
  const fields: [string, ReactNode, boolean][] = [
    ['Availability zone', hsm.AvailabilityZone ?? NONE, false],
    ['Subnet', hsm.SubnetId ?? NONE, true],
    ['ENI', hsm.EniId ?? NONE, true],
    ['IP address', addresses.length === 0 ? NONE : addresses.join(', '), true],
  ];
  return (
    <li
      data-testid="hsm-row"
      data-state={hsm.State}
      data-attention={standsOut ? 'true' : 'false'}
      className={`rounded border border-slate-200 p-3 text-sm dark:border-slate-800 ${standsOut ? ATTENTION_CARD : ''}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-mono font-medium break-all">{hsm.HsmId}</h3>
        <ResourceStatus kind="hsm" state={hsm.State} />
      </div>
      {hsm.StateMessage && <p className="mt-1 text-slate-700 dark:text-slate-300">{hsm.StateMessage}</p>}
      <dl className="mt-2 grid grid-cols-[minmax(0,7rem)_minmax(0,1fr)] gap-x-2 gap-y-1">
        {fields.map(([label, value, mono]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
            <dd className={`break-all ${mono ? 'font-mono' : ''}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-2">
        <DeleteHsmButton cluster={cluster} hsm={hsm} region={region} account={account} onNotice={onNotice} />
      </div>
    </li>
  );
}

export function HsmsTab({
  cluster,
  region,
  account,
  onNotice,
}: {
  cluster: ClusterWithExtras;
  region: string;
  account: string | undefined;
  onNotice: ShowNotice;
}) {
  const narrow = useNarrowScreen();
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
      {narrow ? (
        <ul className="m-0 flex list-none flex-col gap-2 p-0" aria-label="HSMs">
          {hsms.map((hsm) => (
            <HsmCard key={hsm.HsmId} cluster={cluster} hsm={hsm} region={region} account={account} onNotice={onNotice} />
          ))}
        </ul>
      ) : (
        <>
          {/* Scrolls sideways in a narrow window rather than widening the page (phones get cards). */}
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
                  <HsmRow key={hsm.HsmId} cluster={cluster} hsm={hsm} region={region} account={account} onNotice={onNotice} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
