/**
 * What a cluster created from a backup can take from the backup's source cluster: its HSM type and network
 * type, its backup retention, its tags and, in the same region, its VPC and subnets. Pure: the form applies it
 * to the fields the person has not changed, and says where the values came from.
 */
import type { ClusterWithExtras, Tag } from '../../../../aws';
import { retentionDays } from '../../../../cloudhsm/expiry';
import { resourceName } from '../../../../cloudhsm/names';
import { newTagRow } from '../../../tags/tagRows';
import type { CreateClusterFormValues } from '../formValues';
import { isOfferedHsmType, NETWORK_TYPES } from '../hsmTypes';
import { checkRetentionDays } from '../retention';
import type { SourceBackup } from '../sourceBackupRef';

/** The form's fields a prefill may set; the network is one group (a VPC and its subnets go together). */
export type PrefillGroup = 'hsmType' | 'networkType' | 'retention' | 'tags' | 'network';

/** The values each group writes, and the form values that, once the person changed one, keep the group theirs. */
const GROUP_FIELDS: Record<PrefillGroup, readonly (keyof CreateClusterFormValues)[]> = {
  hsmType: ['hsmType'],
  networkType: ['networkType'],
  retention: ['retentionDays'],
  tags: ['tags'],
  network: ['subnetSource', 'vpcId', 'pickedSubnetIds', 'typedSubnetIds'],
};

export interface PrefillPart {
  values: Partial<CreateClusterFormValues>;
  /** In words, for the note: "HSM type hsm2m.medium", "VPC vpc-… and 3 subnets", "4 tags". */
  words: string;
}

export interface SourcePrefill {
  /** The source cluster's name (its Name tag) or id: "Prefilled from payments-prod". */
  from: string;
  clusterId: string;
  /** What each group would set, in form order. */
  parts: Partial<Record<PrefillGroup, PrefillPart>>;
  /** What was not taken, and why: "HSM type hsm1.medium: no longer offered for new clusters". */
  notTaken: string[];
}

/** Tags a new cluster can carry: not AWS's reserved `aws:` ones, and not Name (two clusters of one name confuse every list). */
const copyableTag = (tag: Tag): boolean => Boolean(tag.Key) && !tag.Key!.toLowerCase().startsWith('aws:') && tag.Key !== 'Name';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The prefill a source cluster gives. `tags` is its ListTags answer (undefined when it could not be read:
 * then its TagList, if any); `sameRegion` is whether the new cluster is in the source's region (a VPC and
 * subnets only mean something there).
 */
export function prefillFromSource(cluster: ClusterWithExtras, tags: readonly Tag[] | undefined, sameRegion: boolean): SourcePrefill {
  const clusterId = cluster.ClusterId ?? '';
  const parts: SourcePrefill['parts'] = {};
  const notTaken: string[] = [];

  if (sameRegion && cluster.VpcId) {
    const subnetIds = Object.entries(cluster.SubnetMapping ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([, id]) => id)
      .filter((id) => id !== '');
    if (subnetIds.length > 0) {
      parts.network = {
        values: { vpcId: cluster.VpcId, pickedSubnetIds: subnetIds, typedSubnetIds: subnetIds.join(' ') },
        words: `VPC ${cluster.VpcId} and ${plural(subnetIds.length, 'subnet')}`,
      };
    }
  }

  if (cluster.HsmType && isOfferedHsmType(cluster.HsmType)) {
    parts.hsmType = { values: { hsmType: cluster.HsmType }, words: `HSM type ${cluster.HsmType}` };
  } else if (cluster.HsmType) {
    notTaken.push(`HSM type ${cluster.HsmType}: no longer offered for new clusters`);
  }
  const networkType = NETWORK_TYPES.find((type) => type === cluster.NetworkType);
  if (networkType) parts.networkType = { values: { networkType }, words: `network type ${networkType}` };

  const days = retentionDays(cluster.BackupRetentionPolicy);
  const retention = days === undefined ? undefined : checkRetentionDays(String(days));
  if (retention?.ok) {
    parts.retention = { values: { retentionDays: retention.value }, words: `backup retention ${plural(retention.days, 'day')}` };
  } else if (days !== undefined) {
    notTaken.push(`backup retention ${plural(days, 'day')}: outside what a new cluster may have`);
  }

  const copied = (tags ?? cluster.TagList ?? []).filter(copyableTag);
  if (copied.length > 0) {
    parts.tags = { values: { tags: copied.map((tag) => newTagRow(tag.Key, tag.Value ?? '')) }, words: plural(copied.length, 'tag') };
  }
  return { from: resourceName(cluster) ?? clusterId, clusterId, parts, notTaken };
}

/**
 * The values with the prefill's parts, except those whose fields the person has already changed, and which
 * parts were applied (in form order).
 */
export function applyPrefill(
  values: CreateClusterFormValues,
  prefill: SourcePrefill,
  edited: ReadonlySet<keyof CreateClusterFormValues>,
): { values: CreateClusterFormValues; applied: PrefillGroup[] } {
  let next = values;
  const applied: PrefillGroup[] = [];
  for (const [group, part] of Object.entries(prefill.parts) as [PrefillGroup, PrefillPart][]) {
    if (GROUP_FIELDS[group].some((field) => edited.has(field))) continue;
    next = { ...next, ...part.values };
    applied.push(group);
  }
  return { values: next, applied };
}

/**
 * What a backup another account shares gives: its HSM type (its mode the form takes as for any backup). Its
 * cluster, VPC and subnets are that account's, so nothing is read from them.
 */
export function prefillFromSharedBackup(backup: SourceBackup, owner: string): SourcePrefill {
  const parts: SourcePrefill['parts'] = {};
  const notTaken: string[] = [];
  if (backup.HsmType && isOfferedHsmType(backup.HsmType)) {
    parts.hsmType = { values: { hsmType: backup.HsmType }, words: `HSM type ${backup.HsmType}` };
  } else if (backup.HsmType) {
    notTaken.push(`HSM type ${backup.HsmType}: no longer offered for new clusters`);
  }
  return { from: `account ${owner}`, clusterId: backup.ClusterId ?? '', parts, notTaken };
}
