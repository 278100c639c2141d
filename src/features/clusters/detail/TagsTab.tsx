import { clusterTagsDisabledReason } from '../../tags/clusterTagsRule';
import { ResourceTags } from '../../tags/ResourceTags';

/** The cluster's tags, viewed and edited in place (ListTags, TagResource, UntagResource); not editable once it is being deleted. */
export function TagsTab({ region, account, clusterId, state }: { region: string; account?: string; clusterId: string; state?: string }) {
  return (
    <ResourceTags
      region={region}
      account={account}
      resourceId={clusterId}
      kind="cluster"
      disabledReason={clusterTagsDisabledReason(state)}
    />
  );
}
