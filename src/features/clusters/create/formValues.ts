/**
 * The create-cluster form's values (as typed, so nothing a person entered is lost on an error) and the
 * CreateCluster input they stand for.
 */
import type { ClusterMode, CreateClusterInput, NetworkType } from '../../../aws';
import { tagsFromRows, type TagRow } from '../../tags/tagRows';
import { CURRENT_HSM_TYPE } from './hsmTypes';
import { checkRetentionDays, DEFAULT_RETENTION_DAYS } from './retention';

/** Subnets come from the region's network (a VPC, then subnets per AZ) or are typed as ids. */
export type SubnetSource = 'picker' | 'typed';

export interface CreateClusterFormValues {
  region: string;
  subnetSource: SubnetSource;
  vpcId: string;
  /** The subnets picked from the network, at most one per AZ (the picker replaces an AZ's subnet). */
  pickedSubnetIds: string[];
  /** Subnet ids typed by hand: separated by spaces, commas or new lines. */
  typedSubnetIds: string;
  hsmType: string;
  mode: ClusterMode;
  networkType: NetworkType;
  /** '' for a new, empty cluster. */
  sourceBackupId: string;
  retentionDays: string;
  tags: TagRow[];
}

export function initialFormValues(region: string, sourceBackupId = ''): CreateClusterFormValues {
  return {
    region,
    subnetSource: 'picker',
    vpcId: '',
    pickedSubnetIds: [],
    typedSubnetIds: '',
    hsmType: CURRENT_HSM_TYPE,
    mode: 'FIPS',
    networkType: 'IPV4',
    sourceBackupId,
    retentionDays: String(DEFAULT_RETENTION_DAYS),
    tags: [],
  };
}

/** The typed ids, in order, without empty entries (duplicates are kept: validation names them). */
export function parseTypedSubnetIds(text: string): string[] {
  return text.split(/[\s,]+/).filter((id) => id !== '');
}

export function chosenSubnetIds(values: Pick<CreateClusterFormValues, 'subnetSource' | 'pickedSubnetIds' | 'typedSubnetIds'>): string[] {
  return values.subnetSource === 'typed' ? parseTypedSubnetIds(values.typedSubnetIds) : values.pickedSubnetIds.filter((id) => id !== '');
}

/**
 * The CreateCluster request for the values. Only validated values are sent; the CLI preview shows the
 * request for whatever is typed (a retention as typed, so "0400" shows as such). Optional members are left
 * out when empty (TagList needs at least one tag).
 */
export function toCreateClusterInput(values: CreateClusterFormValues): CreateClusterInput {
  const retention = checkRetentionDays(values.retentionDays);
  const tags = tagsFromRows(values.tags);
  const input: CreateClusterInput = {
    HsmType: values.hsmType,
    SubnetIds: chosenSubnetIds(values),
    Mode: values.mode,
    NetworkType: values.networkType,
    BackupRetentionPolicy: {
      Type: 'DAYS',
      Value: retention.ok ? retention.value : values.retentionDays.trim() || String(DEFAULT_RETENTION_DAYS),
    },
  };
  if (values.sourceBackupId !== '') input.SourceBackupId = values.sourceBackupId;
  if (tags.length > 0) input.TagList = tags;
  return input;
}
