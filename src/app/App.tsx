import { ClusterOverview } from './ClusterOverview';

/** A first page: the clusters of the demo regions (the full shell and views come in later issues). */
export function App() {
  return (
    <div className="mx-auto max-w-6xl p-6">
      <header className="mb-6 flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">CloudHSM Dashboard</h1>
      </header>
      <main>
        <ClusterOverview regions={['us-east-1', 'us-west-2', 'eu-west-1']} />
      </main>
    </div>
  );
}
