/**
 * The way into the initialize flow (its own page) for an UNINITIALIZED cluster: a link once the first HSM is
 * ACTIVE and the cluster has its CSR, otherwise an unavailable control that says what to do first.
 */
import { Link } from 'react-router';
import type { ClusterWithExtras } from '../../../aws';
import { ActionButton, useReadOnlyReason } from '../../../ui/actions';
import { buttonClass } from '../../../ui/buttons';
import { initializeRule } from './clusterActionRules';

export function InitializeEntry({ cluster, region }: { cluster: ClusterWithExtras; region: string }) {
  const readOnly = useReadOnlyReason();
  const rule = initializeRule(cluster);
  if (!rule) return null;
  if (rule.reason || readOnly) {
    return (
      <ActionButton variant="primary" disabledReason={rule.reason} showReason={!readOnly}>
        Initialize cluster
      </ActionButton>
    );
  }
  return (
    <Link to={`/clusters/${encodeURIComponent(region)}/${encodeURIComponent(cluster.ClusterId ?? '')}/initialize`} className={buttonClass.primary} data-testid="initialize-link">
      Initialize cluster
    </Link>
  );
}
