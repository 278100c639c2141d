/**
 * The app: the session first (mode, regions, read-only), then the shell (header and the views, AppRoutes).
 * What the first view needs is imported from its own module (not the kit's index), so the first download
 * carries only those pieces; the failure views load on demand (shell/ShellMessages).
 */
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter } from 'react-router';
import { AwsProvider, useAwsSettings, useRememberShownRegions, useSessionQuery, useShownRegions, type SessionInfo } from '../aws';
import { SessionReadOnly } from '../features/common/SessionReadOnly';
import { AppRoutes } from './AppRoutes';
import { ReadOnlyBanner } from '../ui/ReadOnlyBanner';
import { Header } from './shell/Header';

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

/** The shell once the session is known: header (mode, navigation, regions, refresh, theme) and the views. */
function Shell({ session }: { session: SessionInfo }) {
  const { regions } = useShownRegions();
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
      <Header session={session} />
      <main id="main" tabIndex={-1} className="focus:outline-none">
        {/* Said once per page, here, instead of under every control it turns off. */}
        <ReadOnlyBanner readOnly={session.readOnly} />
        <AppRoutes />
      </main>
    </>
  );
}

/** The server's --poll-seconds, when given, sets how often every view polls what is changing. */
function SessionPolling({ pollSeconds, children }: { pollSeconds: number | undefined; children: ReactNode }) {
  const { clients, pollIntervalMs } = useAwsSettings();
  return (
    <AwsProvider clients={clients} pollIntervalMs={pollSeconds === undefined ? pollIntervalMs : pollSeconds * 1000}>
      {children}
    </AwsProvider>
  );
}

export function App() {
  const session = useSessionQuery();
  const failure = session.error?.info.message;
  return (
    <BrowserRouter>
      <div className="mx-auto max-w-screen-2xl p-3 sm:p-6">
        {session.isPending && <p aria-live="polite">Connecting to the local server…</p>}
        {failure !== undefined && (
          // Until the Alert's code is in, the same words (no role, so they are announced once, by the Alert).
          <Suspense fallback={<p>{sessionErrorText(failure)}</p>}>
            <SessionErrorAlert message={failure} />
          </Suspense>
        )}
        {session.data && (
          <SessionPolling pollSeconds={session.data.pollSeconds}>
            <SessionReadOnly>
              <Shell session={session.data} />
            </SessionReadOnly>
          </SessionPolling>
        )}
      </div>
    </BrowserRouter>
  );
}
