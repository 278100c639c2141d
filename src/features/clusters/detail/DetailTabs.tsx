/** The detail page's tabs (WAI-ARIA tabs: arrows wrap, Home and End jump), kept in the URL as `?tab=`. */
import { lazy, Suspense, useRef, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { ClusterWithExtras } from '../../../aws';
import { BackupsTab } from './BackupsTab';
import { HsmsTab } from './hsms/HsmsTab';
import type { ShowNotice } from './notice';
import { OverviewTab } from './OverviewTab';
import { PanelLoading } from './PanelLoading';
import { DETAIL_TABS, parseTab, TAB_LABELS, TAB_PARAM, tabForKey, withTab, type DetailTab } from './tabs';
import { TagsTab } from './TagsTab';
import { resourceName } from '../../../cloudhsm/names';

// The certificates tab brings @peculiar/x509: it loads when the tab opens.
const CertificatesPanel = lazy(() => import('../../certificates/CertificatesPanel.tsx'));

interface TabProps {
  cluster: ClusterWithExtras;
  region: string;
  /** The cluster's account (undefined: the base account): each tab asks it, and its links name it. */
  account: string | undefined;
  onNotice: ShowNotice;
}

function TabPanel({ tab, cluster, region, account, onNotice }: TabProps & { tab: DetailTab }) {
  const clusterId = cluster.ClusterId ?? '';
  switch (tab) {
    case 'hsms':
      return <HsmsTab cluster={cluster} region={region} account={account} onNotice={onNotice} />;
    case 'certificates':
      return (
        <Suspense fallback={<PanelLoading what="the certificate tools" />}>
          <CertificatesPanel certificates={cluster.Certificates} clusterId={clusterId} />
        </Suspense>
      );
    case 'tags':
      return <TagsTab region={region} account={account} clusterId={clusterId} state={cluster.State} />;
    case 'backups':
      return <BackupsTab region={region} account={account} clusterId={clusterId} name={resourceName(cluster)} />;
    default:
      return <OverviewTab cluster={cluster} region={region} account={account} />;
  }
}

const TAB_CLASS =
  '-mb-px rounded-t border px-3 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-400';
const SELECTED = 'border-slate-300 border-b-white bg-white font-semibold dark:border-slate-700 dark:border-b-slate-950 dark:bg-slate-950';

export function DetailTabs({ cluster, region, account, onNotice }: TabProps) {
  const [params, setParams] = useSearchParams();
  const tab = parseTab(params.get(TAB_PARAM));
  const buttons = useRef<Partial<Record<DetailTab, HTMLButtonElement | null>>>({});

  const select = (next: DetailTab) => {
    if (next !== tab) setParams((current) => withTab(current, next));
  };
  // From the tab that has the focus, not the URL's: a second arrow pressed before the first one's navigation has
  // committed must move on from where the focus is (it went back to the same tab otherwise).
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, from: DetailTab) => {
    const next = tabForKey(from, event.key);
    if (!next) return;
    event.preventDefault();
    select(next);
    buttons.current[next]?.focus();
  };

  return (
    <>
      <div
        role="tablist"
        aria-label="Cluster details"
        className="mb-4 flex flex-wrap gap-1 border-b border-slate-300 dark:border-slate-700"
      >
        {DETAIL_TABS.map((t) => {
          const selected = t === tab;
          return (
            <button
              key={t}
              ref={(el) => {
                buttons.current[t] = el;
              }}
              type="button"
              role="tab"
              id={`cluster-tab-${t}`}
              aria-selected={selected}
              aria-controls={selected ? `cluster-panel-${t}` : undefined}
              tabIndex={selected ? 0 : -1}
              onClick={() => select(t)}
              onKeyDown={(event) => onKeyDown(event, t)}
              className={`${TAB_CLASS} ${selected ? SELECTED : 'border-transparent'}`}
            >
              {TAB_LABELS[t]}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`cluster-panel-${tab}`} aria-labelledby={`cluster-tab-${tab}`} tabIndex={0} data-testid={`panel-${tab}`}>
        <TabPanel tab={tab} cluster={cluster} region={region} account={account} onNotice={onNotice} />
      </div>
    </>
  );
}
