/**
 * Rules the service applies beyond its model (documented, see cloudhsm-api.md): the backup retention range and
 * the HSM types new clusters and HSMs may use. Plain data, shared by the emulator (which enforces them) and the
 * dashboard's forms (which check them before sending, through src/aws/constraints.ts).
 */
export const RETENTION_DAYS = { min: 7, max: 379, default: 90 } as const;

/** HSM types AWS still creates; hsm1.medium reached end of support (existing clusters keep working). */
export const SUPPORTED_HSM_TYPES = ['hsm2m.medium'] as const;
export const RETIRED_HSM_TYPES = ['hsm1.medium'] as const;
