/**
 * CloudHSM's quotas per account and region, as AWS documents them (cloudhsm-api.md §5.1): the one source of
 * truth for the emulator's defaults, the server's fallback when Service Quotas cannot be asked, and the
 * capacity the create-cluster form and "Add HSM" show.
 */
export const DEFAULT_CLUSTER_QUOTA = 4;
export const DEFAULT_HSM_QUOTA = 6;
/** Fixed: Service Quotas cannot raise it. */
export const HSMS_PER_CLUSTER = 28;
