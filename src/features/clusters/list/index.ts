export { ClusterList } from './ClusterList';
export { filterClusters, parseTagFilter } from './filterClusters';
export { sortClusters } from './sortClusters';
export { nextSort, parseListParams, toListParams } from './params';
export { clusterStateInfo, haStatus, type ClusterStateInfo, type HaStatus } from './state';
export { toCsv, toJson } from './exportRows';
export type { ClusterRow, ListFilters, ListParams, SortColumn, SortSpec } from './types';
