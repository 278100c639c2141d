import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, NavLink, Route, Routes } from 'react-router';
import { useRememberShownRegions, useSessionQuery, useShownRegions, type SessionInfo } from '../aws';
import { SessionReadOnly } from '../features/common/SessionReadOnly';
import { ClusterOverview } from './ClusterOverview';
import { RefreshControl } from './shell/RefreshControl';
import { RegionPicker } from './shell/RegionPicker';
import { ThemeToggle } from './shell/ThemeToggle';

// Views other than the first (the cluster list) load on demand, keeping the first download small.
const ClusterDetailPage = lazy(() => import('../features/clusters/detail/ClusterDetailPage').then((m) => ({ default: m.ClusterDetailPage })));

const CreateClusterPage = lazy(() => import('../features/clusters/create/CreateClusterPage').then((m) => ({ default: m.CreateClusterPage })));
const InitializeClusterPage = lazy(() =>
  import('../features/clusters/initialize/InitializeClusterPage').then((m) => ({ default: m.InitializeClusterPage })),
);

const BackupsPage = lazy(() => import('../features/backups/BackupsPage').then((m) => ({ default: m.BackupsPage })));
const BackupDetailPage = lazy(() => import('../features/backups/BackupDetailPage').then((m) => ({ default: m.BackupDetailPage })));

const loadingView = <p aria-live="polite">Loading…</p>;

function ModeBadge({ session }: { session: SessionInfo }) {
  return (
    <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="session">
      {session.mode === 'emulator' ? 'Emulator' : `AWS${session.profile ? ` (${session.profile})` : ''}`}
      {session.accountId ? ` · account ${session.accountId}` : ''}
      {session.readOnly && <span className="ml-2 rounded border border-amber-600 px-1 text-amber-900 dark:text-amber-200">read-only</span>}
    </p>
  );
}

/** The shell once the session is known: header (mode, navigation, regions, refresh, theme) and the views. */
function Shell({ session }: { session: SessionInfo }) {
  const { regions, setRegions, linkTo } = useShownRegions();
  useRememberShownRegions(regions);
  const navClass = ({ isActive }: { isActive: boolean }) => `rounded px-2 py-1 ${isActive ? 'bg-slate-200 font-medium dark:bg-slate-800' : ''}`;
  return (
    <>
      {/* First in the tab order: keyboard users skip the header (navigation, regions, refresh, theme). */}
      <a href="#main" className="sr-only rounded bg-white px-2 py-1 underline focus:not-sr-only focus:absolute focus:top-2 focus:left-2 dark:bg-slate-900">
        Skip to main content
      </a>
      <header className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
        <div className="flex items-baseline gap-4">
          <h1 className="text-2xl font-semibold">CloudHSM Dashboard</h1>
          <ModeBadge session={session} />
        </div>
        <nav aria-label="Views" className="flex gap-1 text-sm">
          <NavLink to={linkTo('/clusters')} className={navClass}>
            Clusters
          </NavLink>
          <NavLink to={linkTo('/backups')} className={navClass}>
            Backups
          </NavLink>
        </nav>
        <div className="flex flex-wrap items-center gap-2">
          <RegionPicker selected={regions} available={session.availableRegions} onChange={setRegions} />
          <RefreshControl />
          <ThemeToggle />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="focus:outline-none">
        <Routes>
          <Route path="/" element={<Navigate to={{ pathname: '/clusters', search: window.location.search }} replace />} />
          <Route path="/clusters" element={<ClusterOverview />} />
          <Route
            path="/clusters/new"
            element={
              <Suspense fallback={loadingView}>
                <CreateClusterPage />
              </Suspense>
            }
          />
          <Route
            path="/clusters/:region/:clusterId/initialize"
            element={
              <Suspense fallback={loadingView}>
                <InitializeClusterPage />
              </Suspense>
            }
          />
          <Route
            path="/clusters/:region/:clusterId"
            element={
              <Suspense fallback={loadingView}>
                <ClusterDetailPage />
              </Suspense>
            }
          />
          <Route
            path="/backups"
            element={
              <Suspense fallback={loadingView}>
                <BackupsPage />
              </Suspense>
            }
          />
          <Route
            path="/backups/:region/:backupId"
            element={
              <Suspense fallback={loadingView}>
                <BackupDetailPage />
              </Suspense>
            }
          />
          <Route
            path="*"
            element={
              <p role="alert">
                There is no page at this address. Go to the <Link to={linkTo('/clusters')}>cluster list</Link>.
              </p>
            }
          />
        </Routes>
      </main>
    </>
  );
}

export function App() {
  const session = useSessionQuery();
  return (
    <BrowserRouter>
      <div className="mx-auto max-w-screen-2xl p-6">
        {session.isPending && <p aria-live="polite">Connecting to the local server…</p>}
        {session.error && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
            Could not read the dashboard session: {session.error.info.message}
          </p>
        )}
        {session.data && (
          <SessionReadOnly>
            <Shell session={session.data} />
          </SessionReadOnly>
        )}
      </div>
    </BrowserRouter>
  );
}
