/**
 * The data layer's mutating half: one hook per mutating operation (each owns its invalidation), the
 * emulator's activation stand-in and the network listing the create form needs. Kept out of the index so the
 * first view (the cluster list, which changes nothing) does not download them: only lazily loaded action UIs
 * import this module.
 */
export {
  useCopyBackupMutation,
  useDeleteBackupMutation,
  useModifyBackupAttributesMutation,
  useRestoreBackupMutation,
  type CopyBackupInput,
} from './mutations/backups';
export {
  useCreateClusterMutation,
  useDeleteClusterMutation,
  useInitializeClusterMutation,
  useModifyClusterMutation,
  type InitializeClusterInput,
} from './mutations/clusters';
export { useActivateClusterInEmulatorMutation } from './mutations/emulatorActivation';
export { useCreateHsmMutation, useDeleteHsmMutation, type CreateHsmInput, type DeleteHsmInput } from './mutations/hsms';
export { invalidationsFor } from './mutations/invalidation';
export { useDeleteResourcePolicyMutation, usePutResourcePolicyMutation } from './mutations/policies';
export { useTagResourceMutation, useUntagResourceMutation } from './mutations/tags';
export { fetchNetwork, networkKeys, useNetworkQuery, type NetworkInfo, type NetworkSubnet, type NetworkVpc } from './network';
