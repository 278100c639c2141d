export { ClusterDetailPage } from './ClusterDetailPage';
export { DETAIL_TABS, parseTab, tabForKey, withTab, type DetailTab } from './tabs';
