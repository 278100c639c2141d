import { clusterTagsDisabledReason } from '../../tags/clusterTagsRule';
import { ResourceTags } from '../../tags/ResourceTags';

/** The cluster's tags, viewed and edited in place (ListTags, TagResource, UntagResource); not editable once it is being deleted. */
export function TagsTab({ region, clusterId, state }: { region: string; clusterId: string; state?: string }) {
  return <ResourceTags region={region} resourceId={clusterId} kind="cluster" disabledReason={clusterTagsDisabledReason(state)} />;
}
