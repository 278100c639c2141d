/**
 * The cluster detail page at `/clusters/:region/:clusterId`, with its tab in the query (`?tab=`), so back,
 * forward and reload keep it. The certificates tab is loaded on demand (it brings @peculiar/x509).
 */
import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { useClusterQuery, useShownRegions, type ClusterWithExtras } from '../../../aws';
import { ActionSuccess } from '../../../ui/actions';
import { BackupsTab } from './BackupsTab';
import { ClusterActions } from './ClusterActions';
import { createdClusterOf, CreatedClusterNotice } from './createdNotice';
import { HsmsTab } from './HsmsTab';
import type { ShowNotice } from './notice';
import { OverviewTab } from './OverviewTab';
import { AwsErrorMessage, StatusText } from './parts';
import { DETAIL_TABS, parseTab, TAB_LABELS, TAB_PARAM, tabForKey, withTab, type DetailTab } from './tabs';
import { TagsTab } from './TagsTab';

const CertificatesPanel = lazy(() => import('../../certificates/CertificatesPanel.tsx'));

const nameOf = (cluster: ClusterWithExtras): string | undefined => cluster.TagList?.find((t) => t.Key === 'Name')?.Value;

function BackToList() {
  const { linkTo } = useShownRegions();
  return (
    <Link to={linkTo('/clusters')} className="text-sm underline">
      ← All clusters
    </Link>
  );
}

function TabPanel({ tab, cluster, region, onNotice }: { tab: DetailTab; cluster: ClusterWithExtras; region: string; onNotice: ShowNotice }) {
  const clusterId = cluster.ClusterId ?? '';
  switch (tab) {
    case 'hsms':
      return <HsmsTab cluster={cluster} region={region} onNotice={onNotice} />;
    case 'certificates':
      return (
        <Suspense fallback={<p aria-live="polite">Loading the certificate tools…</p>}>
          <CertificatesPanel certificates={cluster.Certificates} clusterId={clusterId} />
        </Suspense>
      );
    case 'tags':
      return <TagsTab region={region} clusterId={clusterId} state={cluster.State} />;
    case 'backups':
      return <BackupsTab region={region} clusterId={clusterId} name={cluster.TagList?.find((t) => t.Key === 'Name')?.Value} />;
    default:
      return <OverviewTab cluster={cluster} region={region} />;
  }
}

function DetailTabs({ cluster, region, onNotice }: { cluster: ClusterWithExtras; region: string; onNotice: ShowNotice }) {
  const [params, setParams] = useSearchParams();
  const tab = parseTab(params.get(TAB_PARAM));
  const buttons = useRef<Partial<Record<DetailTab, HTMLButtonElement | null>>>({});

  const select = (next: DetailTab) => {
    if (next !== tab) setParams((current) => withTab(current, next));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(tab, event.key);
    if (!next) return;
    event.preventDefault();
    select(next);
    buttons.current[next]?.focus();
  };

  return (
    <>
      <div role="tablist" aria-label="Cluster details" className="mb-4 flex flex-wrap gap-1 border-b border-slate-300 dark:border-slate-700" onKeyDown={onKeyDown}>
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
              className={`-mb-px rounded-t border px-3 py-1.5 text-sm ${
                selected ? 'border-slate-300 border-b-white bg-white font-semibold dark:border-slate-700 dark:border-b-slate-950 dark:bg-slate-950' : 'border-transparent'
              }`}
            >
              {TAB_LABELS[t]}
            </button>
          );
        })}
      </div>
      <div role="tabpanel" id={`cluster-panel-${tab}`} aria-labelledby={`cluster-tab-${tab}`} tabIndex={0} data-testid={`panel-${tab}`}>
        <TabPanel tab={tab} cluster={cluster} region={region} onNotice={onNotice} />
      </div>
    </>
  );
}

interface Notice {
  clusterId: string;
  content: ReactNode;
  /** Each notice is new, even with the same text: focus moves again. */
  serial: number;
}

/**
 * The last action's success line, for this cluster only (another cluster's page starts without one), and the
 * element to focus when the action asked for it.
 */
function useNotice(clusterId: string, pageShown: boolean): { notice: ReactNode; show: ShowNotice; ref: RefObject<HTMLDivElement | null> } {
  const location = useLocation();
  const navigate = useNavigate();
  const element = useRef<HTMLDivElement | null>(null);
  const serial = useRef(0);
  // Focus waits for the notice to be on the page (the created cluster's page may still be loading: pageShown).
  const focusPending = useRef(false);
  const focusIfPending = () => {
    if (focusPending.current && element.current) {
      focusPending.current = false;
      element.current.focus();
    }
  };
  // The create form navigates here with what it created (router state): shown once, focused (the page
  // opened because of it), and the history entry's state cleared so a reload or coming back does not
  // announce it again.
  const [notice, setNotice] = useState<Notice | null>(() => {
    const created = createdClusterOf(location.state, clusterId);
    if (!created) return null;
    focusPending.current = true;
    return { clusterId, content: <CreatedClusterNotice created={created} />, serial: 0 };
  });
  const hasCreatedState = createdClusterOf(location.state, clusterId) !== null;
  useEffect(() => {
    if (hasCreatedState) void navigate({ pathname: location.pathname, search: location.search, hash: location.hash }, { replace: true, state: null });
  }, [hasCreatedState, navigate, location.pathname, location.search, location.hash]);
  const current = notice?.clusterId === clusterId ? notice : null;
  useEffect(() => {
    // After a closing dialog has put focus back on its opener: Radix does that in a timeout it queues when
    // the dialog unmounts, which is a render after this one; a timeout queued from a timeout runs after it.
    let inner: ReturnType<typeof setTimeout> | undefined;
    const outer = setTimeout(() => {
      inner = setTimeout(focusIfPending, 0);
    }, 0);
    return () => {
      clearTimeout(outer);
      if (inner !== undefined) clearTimeout(inner);
    };
  }, [current?.serial, pageShown]);
  const show: ShowNotice = (content, options) => {
    serial.current += 1;
    focusPending.current = options?.focus ?? false;
    setNotice({ clusterId, content, serial: serial.current });
  };
  return { notice: current?.content ?? null, show, ref: element };
}

export function ClusterDetailPage() {
  const { region = '', clusterId = '' } = useParams();
  const query = useClusterQuery(region, clusterId);
  const { linkTo } = useShownRegions();
  const { notice, show: showNotice, ref: noticeRef } = useNotice(clusterId, query.data !== undefined && query.data !== null);

  if (query.isPending) {
    return (
      <section aria-label="Cluster">
        <BackToList />
        <p aria-live="polite" className="mt-3">
          Loading cluster {clusterId} in {region}…
        </p>
      </section>
    );
  }
  if (query.error && query.data === undefined) {
    return (
      <section aria-labelledby="cluster-heading">
        <BackToList />
        <h2 id="cluster-heading" className="mt-3 mb-2 text-lg font-medium">
          Cluster <span className="font-mono">{clusterId}</span>
        </h2>
        <AwsErrorMessage error={query.error} what={`Could not load cluster ${clusterId} in ${region}`} />
        <button type="button" className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-600" onClick={() => void query.refetch()}>
          Try again
        </button>
      </section>
    );
  }
  const cluster = query.data;
  if (!cluster) {
    return (
      <section aria-labelledby="cluster-heading">
        <h2 id="cluster-heading" className="mb-2 text-lg font-medium">
          Cluster not found
        </h2>
        <p role="alert" data-testid="cluster-not-found">
          There is no cluster <span className="font-mono">{clusterId}</span> in {region}. It may have been deleted, or it is in another region.
        </p>
        <p className="mt-2">
          Go back to the <Link to={linkTo('/clusters')} className="underline">cluster list</Link>.
        </p>
      </section>
    );
  }

  const name = nameOf(cluster);
  return (
    <section aria-labelledby="cluster-heading">
      <BackToList />
      <div className="mt-3 mb-4 flex flex-wrap items-baseline gap-3">
        <h2 id="cluster-heading" className="text-lg font-medium">
          {name ? `${name} ` : 'Cluster '}
          <span className="font-mono text-base text-slate-700 dark:text-slate-300">{cluster.ClusterId}</span>
        </h2>
        <span className="text-sm">{region}</span>
        <span className="text-sm">
          <StatusText state={cluster.State} />
        </span>
      </div>
      {notice && (
        // Focusable (not in the tab order) so an action whose control is gone can put focus here.
        <div ref={noticeRef} tabIndex={-1} className="outline-none focus-visible:ring-2 focus-visible:ring-sky-500" data-testid="notice">
          <ActionSuccess>{notice}</ActionSuccess>
        </div>
      )}
      {query.error && <AwsErrorMessage error={query.error} what="Could not refresh this cluster (showing the last data)" />}
      <ClusterActions cluster={cluster} region={region} onNotice={showNotice} />
      <DetailTabs cluster={cluster} region={region} onNotice={showNotice} />
    </section>
  );
}
