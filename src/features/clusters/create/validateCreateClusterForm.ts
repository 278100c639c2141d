/**
 * Client-side checks of the create-cluster form, mirroring what CreateCluster refuses (constraints from the
 * service model's table in src/aws/constraints.ts, state rules from the API notes). Pure: the page shows the
 * messages next to their fields and in a summary; the API's own refusal is still shown if it disagrees.
 */
import { SubnetId, SubnetIds } from '../../../aws/constraints';
import type { NetworkSubnet } from '../../../aws/actions';
import { validateTagRows } from '../../tags/validateTags';
import { chosenSubnetIds, type CreateClusterFormValues } from './formValues';
import {
  CLUSTER_MODES,
  HSM_TYPE_OPTIONS,
  isOfferedHsmType,
  isWellFormedHsmType,
  modeAllowedFor,
  NETWORK_TYPES,
  restoreProblems,
} from './hsmTypes';
import { checkRetentionDays } from './retention';
import { checkSourceBackup, sourceBackupRef, type SourceBackup } from './sourceBackupRef';

/** The form's fields, in the order they appear (the summary and focus follow it). */
export const FORM_FIELDS = ['region', 'vpc', 'subnets', 'hsmType', 'mode', 'networkType', 'sourceBackup', 'retention', 'tags'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export interface FormContext {
  /** Regions the session can use. */
  regions: readonly string[];
  /**
   * The region's subnets when the network is known, to check VPC and AZs (picked subnets always; typed ids
   * when every one of them is listed: unknown ids are left to AWS).
   */
  subnets?: readonly NetworkSubnet[];
  /**
   * The region's READY backups once loaded (undefined while loading or unknown: then the source backup is
   * not checked here and the API decides).
   */
  readyBackups?: readonly SourceBackup[];
  /**
   * The region's backups shared with this account, once wholly read (undefined while loading, failed or cut
   * at its bound: then a backup ARN of another account is not checked here).
   */
  sharedBackups?: readonly SourceBackup[];
  /** This account's id, when known: a backup ARN naming it is this account's backup. */
  baseAccount?: string;
}

export interface FormValidation {
  valid: boolean;
  errors: Partial<Record<FormField, string>>;
  /** Not errors: the request may be sent (e.g. a single AZ is not highly available). */
  warnings: string[];
  /** The first field with an error, in form order. */
  firstInvalid?: FormField;
}

const SUBNET_MIN = SubnetIds.min ?? 1;
const SUBNET_MAX = SubnetIds.max ?? 10;
const isSubnetId = (id: string): boolean => SubnetId.pattern?.test(id) ?? true;

function subnetListProblem(ids: readonly string[]): string | undefined {
  if (ids.length < SUBNET_MIN) return 'Choose a subnet in at least one Availability Zone.';
  if (ids.length > SUBNET_MAX) return `At most ${SUBNET_MAX} subnets; ${ids.length} are given.`;
  const malformed = ids.filter((id) => !isSubnetId(id));
  if (malformed.length > 0) {
    return `Not a subnet ID: ${malformed.map((id) => `“${id}”`).join(', ')}. A subnet ID is subnet- followed by 8 to 17 hexadecimal digits.`;
  }
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) (seen.has(id) ? repeated : seen).add(id);
  if (repeated.size > 0) return `Each subnet once: ${[...repeated].join(', ')} is listed more than once.`;
  return undefined;
}

/** With the region's network known: one VPC (the chosen one) and at most one subnet per AZ. */
function subnetPlacementProblem(ids: readonly string[], vpcId: string, subnets: readonly NetworkSubnet[]): string | undefined {
  const byId = new Map(subnets.map((s) => [s.SubnetId, s]));
  const unknown = ids.filter((id) => !byId.has(id));
  if (unknown.length > 0) return `Not a subnet of this region: ${unknown.join(', ')}.`;
  const chosen = ids.map((id) => byId.get(id)!);
  const vpcs = [...new Set(chosen.map((s) => s.VpcId))];
  if (vpcs.length > 1) return `All subnets must be in one VPC; these are in ${vpcs.join(' and ')}.`;
  if (vpcId !== '' && vpcs[0] !== undefined && vpcs[0] !== vpcId) return `The subnets are not in the chosen VPC ${vpcId}.`;
  const byAz = new Map<string, string>();
  for (const subnet of chosen) {
    const other = byAz.get(subnet.AvailabilityZone);
    if (other) return `At most one subnet per Availability Zone: ${other} and ${subnet.SubnetId} are both in ${subnet.AvailabilityZone}.`;
    byAz.set(subnet.AvailabilityZone, subnet.SubnetId);
  }
  return undefined;
}

const allListed = (ids: readonly string[], subnets: readonly NetworkSubnet[]): boolean =>
  ids.every((id) => subnets.some((s) => s.SubnetId === id));

/** How many AZs the subnets cover (typed ids not all listed: each must be in its own AZ, so one per id). */
function zoneCount(values: CreateClusterFormValues, ids: readonly string[], subnets: readonly NetworkSubnet[] | undefined): number {
  if (!subnets || (values.subnetSource === 'typed' && !allListed(ids, subnets))) return new Set(ids).size;
  const zones = new Set(ids.map((id) => subnets.find((s) => s.SubnetId === id)?.AvailabilityZone ?? id));
  return zones.size;
}

export function validateCreateClusterForm(values: CreateClusterFormValues, context: FormContext): FormValidation {
  const errors: Partial<Record<FormField, string>> = {};
  const warnings: string[] = [];

  if (values.region === '') errors.region = 'Choose a region.';
  else if (!context.regions.includes(values.region)) errors.region = `${values.region} is not a region this dashboard can use.`;

  const ids = chosenSubnetIds(values);
  if (values.subnetSource === 'picker' && values.vpcId === '') errors.vpc = 'Choose a VPC.';
  const listProblem = subnetListProblem(ids);
  if (listProblem) errors.subnets = listProblem;
  else if (values.subnetSource === 'picker' && context.subnets) {
    const placement = subnetPlacementProblem(ids, values.vpcId, context.subnets);
    if (placement) errors.subnets = placement;
  } else if (context.subnets && allListed(ids, context.subnets)) {
    const placement = subnetPlacementProblem(ids, '', context.subnets);
    if (placement) errors.subnets = placement;
  }
  if (!errors.subnets && zoneCount(values, ids, context.subnets) < 2) {
    warnings.push(
      'One Availability Zone only: the cluster will not be highly available. Choose subnets in two or more AZs so HSMs can run in more than one.',
    );
  }

  if (!isWellFormedHsmType(values.hsmType)) errors.hsmType = `“${values.hsmType}” is not an HSM type.`;
  else if (!isOfferedHsmType(values.hsmType)) {
    errors.hsmType =
      HSM_TYPE_OPTIONS.find((o) => o.value === values.hsmType)?.reason ?? `HSM type ${values.hsmType} is not available for new clusters.`;
  }

  if (!CLUSTER_MODES.includes(values.mode)) errors.mode = `Mode must be one of ${CLUSTER_MODES.join(', ')}.`;
  else if (!modeAllowedFor(values.mode, values.hsmType))
    errors.mode = `NON_FIPS mode is only available with hsm2m.medium, not ${values.hsmType}.`;

  if (!NETWORK_TYPES.includes(values.networkType)) errors.networkType = `Network type must be one of ${NETWORK_TYPES.join(', ')}.`;

  const source = checkSourceBackup(sourceBackupRef(values.sourceBackupId, values.region, context.baseAccount), values.region, {
    ...(context.readyBackups && { ready: context.readyBackups }),
    ...(context.sharedBackups && { shared: context.sharedBackups }),
    ...(context.baseAccount && { baseAccount: context.baseAccount }),
  });
  if (source.kind === 'problem') errors.sourceBackup = source.error;
  else if (source.kind === 'found') {
    const problems = restoreProblems(source.backup, values.hsmType, values.mode);
    if (problems.mode && !errors.mode) errors.mode = problems.mode;
    if (problems.hsmType && !errors.hsmType) errors.hsmType = problems.hsmType;
  }

  const retention = checkRetentionDays(values.retentionDays);
  if (!retention.ok) errors.retention = retention.error;

  const tags = validateTagRows(values.tags);
  if (!tags.valid)
    errors.tags = tags.list.length === 1 ? `Tags: ${tags.list[0]}` : `Tags: ${tags.list.length} problems (${tags.list.join('; ')})`;

  const firstInvalid = FORM_FIELDS.find((field) => errors[field] !== undefined);
  return { valid: firstInvalid === undefined, errors, warnings, ...(firstInvalid ? { firstInvalid } : {}) };
}
