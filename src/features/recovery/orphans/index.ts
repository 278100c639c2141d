/** Orphaned backups: READY backups (and copies) whose cluster is gone, grouped by former cluster and region. */
export { OrphanedBackups, type OrphanedBackupsProps } from './OrphanedBackups';
