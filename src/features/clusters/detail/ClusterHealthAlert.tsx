import type { ClusterHealth } from '../../../cloudhsm/health';
import { Alert } from '../../../ui';

/**
 * At the top of a cluster's page, when its health needs attention: each problem in a sentence (what is wrong
 * and what to do), with the HSM, its Availability Zone and the service's own words. Not live: it describes
 * the page as it is, and is read in order.
 */
export function ClusterHealthAlert({ health }: { health: ClusterHealth }) {
  if (!health.needsAttention) return null;
  const { problems } = health;
  return (
    <Alert
      type={health.tone === 'error' ? 'error' : 'warning'}
      live={false}
      className="mb-4"
      header={`${health.label}: ${problems.length === 1 ? 'this cluster needs attention' : `${problems.length} problems need attention`}`}
      data-testid="cluster-health-alert"
    >
      <ul className="mt-1 flex flex-col gap-1">
        {problems.map((p, i) => (
          <li key={`${p.code}-${p.hsmId ?? i}`} data-testid="health-problem" data-code={p.code}>
            {p.message}
            {p.stateMessage && (
              <>
                {' '}
                AWS says{p.hsmId ? ` about ${p.hsmId}` : ''}: <q>{p.stateMessage.trim()}</q>
              </>
            )}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
