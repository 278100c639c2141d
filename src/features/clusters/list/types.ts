import type { RegionalCluster } from '../../../aws';

/** One row of the list: a cluster, the region it lives in and its account (absent: the base) — what `useClustersQuery` returns. */
export type ClusterRow = RegionalCluster;

/** The list's filters, as the URL carries them (empty string or array = no filter). */
export interface ListFilters {
  /** Cluster states (any of them matches). */
  state: string[];
  /** Regions (any of them matches), within the regions the shell shows. */
  region: string[];
  /** Account ids (any of them matches), within the accounts the shell shows (several accounts only). */
  account: string[];
  /** A VPC id. */
  vpc: string;
  /** `key=value` (the tag must have that value) or `key` (the tag must exist). */
  tag: string;
  /** Free text, case-insensitive, over id, name, region, state, health, VPC, HSM type, mode and tags. */
  q: string;
  /** Only clusters whose health needs attention (a degraded HSM, no high availability, not activated, ...). */
  attention: boolean;
}

export const SORT_COLUMNS = ['id', 'name', 'region', 'account', 'state', 'hsms', 'hsmType', 'mode', 'vpc', 'retention', 'created'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';

export interface SortSpec {
  column: SortColumn;
  direction: SortDirection;
}

export interface ListParams {
  filters: ListFilters;
  /** null: the order the API returned (regions in the shell's order). */
  sort: SortSpec | null;
}

export const EMPTY_FILTERS: ListFilters = { state: [], region: [], account: [], vpc: '', tag: '', q: '', attention: false };
