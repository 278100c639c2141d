/**
 * What the proxy removes from answers before the browser sees them. `PreCoPassword` (the pre-crypto-officer
 * password of a new cluster) is a secret the real service returns in Cluster objects; the dashboard never
 * shows it, so it never reaches the page at all.
 */
import type { OperationName } from '../../cloudhsm/operations';

const SECRET_MEMBERS = new Set(['PreCoPassword']);

/** Operations whose answers carry Cluster objects: their JSON is parsed and cleaned. */
export const CLUSTER_RETURNING_OPERATIONS: ReadonlySet<OperationName> = new Set<OperationName>([
  'CreateCluster',
  'DeleteCluster',
  'DescribeClusters',
  'InitializeCluster',
  'ModifyCluster',
]);

/** A copy of `value` without any secret member, at any depth. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      if (!SECRET_MEMBERS.has(key)) out[key] = withoutSecrets(member);
    }
    return out;
  }
  return value;
}

/** The cleaned body, or null when it is not JSON (and so cannot be shown to be free of secrets). */
export function cleanJsonBody(body: Buffer): Buffer | null {
  const text = body.toString('utf8');
  if (text.trim() === '') return body;
  // Always parsed, never searched as text: an escaped key ("PreCo\u0050assword") is the same member.
  try {
    return Buffer.from(JSON.stringify(withoutSecrets(JSON.parse(text))));
  } catch {
    return null;
  }
}
