/**
 * The views, by address. Views other than the first (the cluster list) load on demand, each in its own chunk,
 * keeping the first download small; while one loads, its place says so.
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { ClusterList } from '../features/clusters/list';

const ClusterDetailPage = lazy(() =>
  import('../features/clusters/detail/ClusterDetailPage').then((m) => ({ default: m.ClusterDetailPage })),
);
const CreateClusterPage = lazy(() =>
  import('../features/clusters/create/CreateClusterPage').then((m) => ({ default: m.CreateClusterPage })),
);
const InitializeClusterPage = lazy(() =>
  import('../features/clusters/initialize/InitializeClusterPage').then((m) => ({ default: m.InitializeClusterPage })),
);
const BackupsPage = lazy(() => import('../features/backups/BackupsPage'));
const BackupDetailPage = lazy(() => import('../features/backups/BackupDetailPage'));
const RecoveryPage = lazy(() => import('../features/recovery/RecoveryPage'));
const NotFoundPage = lazy(() => import('./shell/ShellMessages'));

/** A view that loads on demand: "Loading…" in words until its code is in. */
function OnDemand({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p aria-live="polite">Loading…</p>}>{children}</Suspense>;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/" element={<Navigate to={{ pathname: '/clusters', search: window.location.search }} replace />} />
      {/* The first view: in the first download. */}
      <Route path="/clusters" element={<ClusterList />} />
      <Route
        path="/clusters/new"
        element={
          <OnDemand>
            <CreateClusterPage />
          </OnDemand>
        }
      />
      <Route
        path="/clusters/:region/:clusterId/initialize"
        element={
          <OnDemand>
            <InitializeClusterPage />
          </OnDemand>
        }
      />
      <Route
        path="/clusters/:region/:clusterId"
        element={
          <OnDemand>
            <ClusterDetailPage />
          </OnDemand>
        }
      />
      <Route
        path="/backups"
        element={
          <OnDemand>
            <BackupsPage />
          </OnDemand>
        }
      />
      <Route
        path="/backups/:region/:backupId"
        element={
          <OnDemand>
            <BackupDetailPage />
          </OnDemand>
        }
      />
      <Route
        path="/recovery"
        element={
          <OnDemand>
            <RecoveryPage />
          </OnDemand>
        }
      />
      <Route
        path="*"
        element={
          <OnDemand>
            <NotFoundPage />
          </OnDemand>
        }
      />
    </Routes>
  );
}
