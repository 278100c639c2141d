export { ClusterList } from './ClusterList';
export { filterClusters, parseTagFilter } from './filterClusters';
export { sortClusters } from './sortClusters';
export { nextSort, parseListParams, toListParams } from './params';
export type { ClusterRow, ListFilters, ListParams, SortColumn, SortSpec } from './types';
