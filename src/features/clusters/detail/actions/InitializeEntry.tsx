/**
 * The way into the initialize flow (its own page) for an UNINITIALIZED cluster: a link once the first HSM is
 * ACTIVE and the cluster has its CSR, otherwise an unavailable control that says what to do first.
 */
import { Link } from 'react-router';
import { accountLinkParams, useShownRegions, type ClusterWithExtras } from '../../../../aws';
import { ActionButton } from '../../../../ui/actions';
import { buttonClass } from '../../../../ui/buttons';
import { initializeRule } from './clusterActionRules';

export function InitializeEntry({
  cluster,
  region,
  account,
}: {
  cluster: ClusterWithExtras;
  region: string;
  account?: string | undefined;
}) {
  const { linkTo } = useShownRegions();
  const rule = initializeRule(cluster);
  if (!rule) return null;
  if (rule.reason) {
    return (
      // The reason is its description; the bar's note line shows it (clusterActionRules.actionNotes).
      <ActionButton variant="primary" disabledReason={rule.reason}>
        Initialize cluster
      </ActionButton>
    );
  }
  // Read-only sessions get the link too: the page's downloads and certificate checks change nothing, and its
  // Initialize button says why it is off.
  return (
    <Link
      to={linkTo(`/clusters/${encodeURIComponent(region)}/${encodeURIComponent(cluster.ClusterId ?? '')}/initialize`, {
        params: accountLinkParams(account),
      })}
      className={buttonClass.primary}
      data-testid="initialize-link"
    >
      Initialize cluster
    </Link>
  );
}
