/**
 * The app: the session first (mode, regions, read-only), then the shell (header and the views, AppRoutes).
 * What the first view needs is imported from its own module (not the kit's index), so the first download
 * carries only those pieces; the failure views load on demand (shell/ShellMessages).
 */
import { lazy, Suspense } from 'react';
import { BrowserRouter, NavLink } from 'react-router';
import { useRememberShownRegions, useSessionQuery, useShownRegions, type SessionInfo } from '../aws';
import { SessionReadOnly } from '../features/common/SessionReadOnly';
import { AppRoutes } from './AppRoutes';
import { RefreshControl } from './shell/RefreshControl';
import { RegionPicker } from './shell/RegionPicker';
import { SessionBadge } from './shell/SessionBadge';
import { ThemeToggle } from './shell/ThemeToggle';

const sessionErrorText = (message: string) => `Could not read the dashboard session: ${message}`;

/** The same words, plain, if even the failure view cannot load (the server went away). */
function PlainSessionError({ message }: { message: string }) {
  return <p role="alert">{sessionErrorText(message)}</p>;
}

const SessionErrorAlert = lazy(() =>
  import('./shell/ShellMessages').then(
    (m) => ({ default: m.SessionErrorAlert }),
    () => ({ default: PlainSessionError }),
  ),
);

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded px-2 py-1 ${isActive ? 'bg-slate-200 font-medium dark:bg-slate-800' : ''}`;

/** The shell once the session is known: header (mode, navigation, regions, refresh, theme) and the views. */
function Shell({ session }: { session: SessionInfo }) {
  const { regions, setRegions, linkTo } = useShownRegions();
  useRememberShownRegions(regions);
  return (
    <>
      {/* First in the tab order: keyboard users skip the header (navigation, regions, refresh, theme). */}
      <a
        href="#main"
        className="sr-only rounded bg-white px-2 py-1 underline focus:not-sr-only focus:absolute focus:top-2 focus:left-2 dark:bg-slate-900"
      >
        Skip to main content
      </a>
      <header className="mb-6 flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3 dark:border-slate-800">
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-4">
          <h1 className="text-2xl font-semibold">CloudHSM Dashboard</h1>
          <SessionBadge session={session} />
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
        <AppRoutes />
      </main>
    </>
  );
}

export function App() {
  const session = useSessionQuery();
  const failure = session.error?.info.message;
  return (
    <BrowserRouter>
      <div className="mx-auto max-w-screen-2xl p-6">
        {session.isPending && <p aria-live="polite">Connecting to the local server…</p>}
        {failure !== undefined && (
          // Until the Alert's code is in, the same words (no role, so they are announced once, by the Alert).
          <Suspense fallback={<p>{sessionErrorText(failure)}</p>}>
            <SessionErrorAlert message={failure} />
          </Suspense>
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
