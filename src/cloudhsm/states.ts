/**
 * The states of clusters, HSMs and backups (the API's enums, service model 2025-08) and which of them move
 * by themselves. Pure data, shared by the emulator, the server and the browser.
 */
export const CLUSTER_STATES = [
  'CREATE_IN_PROGRESS',
  'UNINITIALIZED',
  'INITIALIZE_IN_PROGRESS',
  'INITIALIZED',
  'ACTIVE',
  'UPDATE_IN_PROGRESS',
  'MODIFY_IN_PROGRESS',
  'ROLLBACK_IN_PROGRESS',
  'DELETE_IN_PROGRESS',
  'DELETED',
  'DEGRADED',
] as const;
export const HSM_STATES = ['CREATE_IN_PROGRESS', 'ACTIVE', 'DEGRADED', 'DELETE_IN_PROGRESS', 'DELETED'] as const;
export const BACKUP_STATES = ['CREATE_IN_PROGRESS', 'READY', 'DELETED', 'PENDING_DELETION'] as const;

export type ClusterState = (typeof CLUSTER_STATES)[number];
export type HsmState = (typeof HSM_STATES)[number];
export type BackupState = (typeof BACKUP_STATES)[number];

/**
 * A state that changes by itself (`*_IN_PROGRESS`, or a backup `PENDING_DELETION`): views follow it until it
 * settles, and settled data is not polled.
 */
export function isTransitionalState(state: string | undefined): boolean {
  return state !== undefined && (state.endsWith('_IN_PROGRESS') || state === 'PENDING_DELETION');
}
