/**
 * Which HSM types, modes and network types the form offers, and why others are not offered. The service
 * model only constrains the HsmType string; what the service accepts for NEW clusters is documented
 * (cloudhsm-api.md §2.1) and mirrored by the emulator: hsm2m.medium only, hsm1.medium reached end of support.
 */
import { ClusterMode, HsmType, NetworkType, RETIRED_HSM_TYPES, SUPPORTED_HSM_TYPES } from '../../../aws/constraints';
import type { ClusterMode as Mode, NetworkType as Network } from '../../../aws';

export const CURRENT_HSM_TYPE = SUPPORTED_HSM_TYPES[0];
export const RETIRED_HSM_TYPE = RETIRED_HSM_TYPES[0];

export interface HsmTypeOption {
  value: string;
  offered: boolean;
  /** Why it cannot be chosen (only for types not offered). */
  reason?: string;
}

export const HSM_TYPE_OPTIONS: readonly HsmTypeOption[] = [
  { value: CURRENT_HSM_TYPE, offered: true },
  {
    value: RETIRED_HSM_TYPE,
    offered: false,
    reason:
      'hsm1.medium has reached end of support: AWS no longer creates clusters or HSMs of this type. Existing hsm1.medium clusters can be migrated to hsm2m.medium.',
  },
];

export const isOfferedHsmType = (value: string): boolean => HSM_TYPE_OPTIONS.some((o) => o.offered && o.value === value);

/** Whether a string is an HSM type the API's pattern accepts at all. */
export function isWellFormedHsmType(value: string): boolean {
  return (HsmType.max === undefined || value.length <= HsmType.max) && (HsmType.pattern?.test(value) ?? true);
}

export const CLUSTER_MODES = (ClusterMode.enum ?? ['FIPS', 'NON_FIPS']) as readonly Mode[];
export const NETWORK_TYPES = (NetworkType.enum ?? ['IPV4', 'DUALSTACK']) as readonly Network[];

/** NON_FIPS exists only on hsm2m.medium. */
export const modeAllowedFor = (mode: string, hsmType: string): boolean => mode !== 'NON_FIPS' || hsmType === CURRENT_HSM_TYPE;

export interface BackupOrigin {
  BackupId?: string;
  HsmType?: string;
  Mode?: string;
}

/** hsm1.medium hardware only ever ran in FIPS mode, so its backups are FIPS even when Mode is not given. */
export function backupMode(backup: BackupOrigin): string | undefined {
  return backup.Mode ?? (backup.HsmType === RETIRED_HSM_TYPE ? 'FIPS' : undefined);
}

/** Newer hardware restores older backups (hsm1 → hsm2m), never the other way round. */
const HSM_TYPE_GENERATION: Record<string, number> = { [RETIRED_HSM_TYPE]: 1, [CURRENT_HSM_TYPE]: 2 };

/**
 * Why a cluster of this type and mode cannot be created from the backup, per field, or nothing. A backup keeps
 * the key material of its cluster's mode: FIPS and non-FIPS clusters cannot restore each other's backups.
 */
export function restoreProblems(backup: BackupOrigin, hsmType: string, mode: string): { hsmType?: string; mode?: string } {
  const problems: { hsmType?: string; mode?: string } = {};
  const id = backup.BackupId ?? 'The backup';
  const fromMode = backupMode(backup);
  if (fromMode !== undefined && fromMode !== mode) {
    problems.mode = `${id} comes from a ${fromMode} cluster: a cluster restored from it must use ${fromMode} mode, not ${mode}.`;
  }
  const from = backup.HsmType ? HSM_TYPE_GENERATION[backup.HsmType] : undefined;
  const to = HSM_TYPE_GENERATION[hsmType];
  if (from !== undefined && to !== undefined && to < from) {
    problems.hsmType = `${id} comes from an ${backup.HsmType} cluster: it cannot be restored onto older ${hsmType} hardware.`;
  }
  return problems;
}
