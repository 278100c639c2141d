import { ResourceTags } from '../../tags/ResourceTags';

/** The cluster's tags, viewed and edited in place (ListTags, TagResource, UntagResource). */
export function TagsTab({ region, clusterId }: { region: string; clusterId: string }) {
  return <ResourceTags region={region} resourceId={clusterId} kind="cluster" />;
}
