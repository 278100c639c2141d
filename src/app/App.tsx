import { useSessionQuery } from '../aws';
import { ClusterOverview } from './ClusterOverview';

/** A first page: the clusters of the session's regions (the full shell and views come in a later issue). */
export function App() {
  const session = useSessionQuery();
  return (
    <div className="mx-auto max-w-6xl p-6">
      <header className="mb-6 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">CloudHSM Dashboard</h1>
        {session.data && (
          <p className="text-sm text-slate-600 dark:text-slate-300" data-testid="session">
            {session.data.mode === 'emulator' ? 'Emulator' : `AWS${session.data.profile ? ` (${session.data.profile})` : ''}`}
            {session.data.accountId ? ` · account ${session.data.accountId}` : ''}
            {session.data.readOnly && <span className="ml-2 rounded border border-amber-500 px-1 text-amber-800 dark:text-amber-300">read-only</span>}
          </p>
        )}
      </header>
      <main>
        {session.isPending && <p aria-live="polite">Connecting to the local server…</p>}
        {session.error && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-red-800 dark:bg-red-950 dark:text-red-200">
            Could not read the dashboard session: {session.error.message}
          </p>
        )}
        {session.data && <ClusterOverview regions={session.data.regions} />}
      </main>
    </div>
  );
}
