/**
 * When a cluster's tags cannot be edited: once it is deleted or being deleted (AWS still answers ListTags for a
 * while, but changing the tags of a cluster on its way out helps nobody). Worded like the cluster's other actions.
 */
export function clusterTagsDisabledReason(state: string | undefined): string | null {
  if (state === 'DELETED') return 'The cluster is already deleted.';
  if (state === 'DELETE_IN_PROGRESS') return 'The cluster is already being deleted.';
  return null;
}
