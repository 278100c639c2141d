/** Where "Create cluster from this backup" goes: the create form, told the backup and its region (pure). */
export function createClusterPath(region: string, backupId: string, regionsParam: string | null): { pathname: string; search: string } {
  const search = new URLSearchParams();
  if (regionsParam) search.set('regions', regionsParam);
  search.set('region', region);
  search.set('sourceBackup', backupId);
  return { pathname: '/clusters/new', search: `?${search.toString()}` };
}
