/**
 * The hsm1.medium → hsm2m.medium migration (ModifyCluster with HsmType), as AWS's user guide describes it
 * ("Migrating from hsm1.medium to hsm2m.medium", cloudhsm-api.md §2.4): the pre-checks, where a cluster is
 * in it, and how long a rollback stays possible. Pure; the service still has the last word.
 */

export const HSM1 = 'hsm1.medium';
export const HSM2M = 'hsm2m.medium';
/** A manual rollback is allowed for up to 24 hours after the migration starts (HsmTypeRollbackExpiration). */
export const ROLLBACK_WINDOW_HOURS = 24;
/** "Each individual HSM migration takes approximately 30 minutes"; HSMs are replaced one at a time. */
export const MINUTES_PER_HSM = 30;

/** AWS's HSM compatibility tables: Client SDK 5 supports hsm2m.medium from 5.9.0; Client SDK 3 not at all. */
export const CLIENT_SDK_FOR_HSM2M = 'Client SDK 5.9.0 or later';

/** What the cluster's limited-write mode (for the whole migration or rollback) keeps and refuses. */
export const LIMITED_WRITE = {
  keeps: 'Existing keys keep working: cryptographic operations and reads (listing keys and users) go on.',
  refuses:
    'Anything that writes to the HSMs is refused until the migration or rollback ends: creating, importing, changing or deleting token keys, and creating, changing or deleting users. HSMs cannot be added or deleted meanwhile.',
} as const;

/** What the model reads of a cluster (a structural subset of the SDK's Cluster plus HsmTypeRollbackExpiration). */
export interface MigrationCluster {
  State?: string;
  HsmType?: string;
  Hsms?: readonly { HsmId?: string; State?: string }[];
  HsmTypeRollbackExpiration?: Date;
}

export type CheckStatus = 'passed' | 'failed' | 'confirm';
export type CheckId = 'cluster-active' | 'hsms-active' | 'client-sdk' | 'kms-key-store';

export interface MigrationCheck {
  id: CheckId;
  label: string;
  status: CheckStatus;
  /** Why it passed or failed, or what the operator confirms. */
  detail: string;
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/**
 * The checks AWS lists before a migration: the two the API shows (cluster ACTIVE, every HSM ACTIVE) and the
 * two only the operator knows (client SDK versions, no AWS KMS key store on the cluster).
 */
export function migrationChecks(cluster: MigrationCluster): MigrationCheck[] {
  const hsms = cluster.Hsms ?? [];
  const notActive = hsms.filter((h) => h.State !== 'ACTIVE');
  const state = cluster.State ?? 'unknown';
  return [
    {
      id: 'cluster-active',
      label: 'The cluster is ACTIVE',
      status: state === 'ACTIVE' ? 'passed' : 'failed',
      detail:
        state === 'ACTIVE'
          ? 'The cluster is ACTIVE.'
          : `The cluster is ${state}; a migration starts only from ACTIVE (initialized and activated, not changing).`,
    },
    hsms.length === 0
      ? {
          id: 'hsms-active',
          label: 'Every HSM is ACTIVE',
          status: 'passed',
          detail: 'The cluster has no HSMs: only its type changes.',
        }
      : {
          id: 'hsms-active',
          label: 'Every HSM is ACTIVE',
          status: notActive.length === 0 ? 'passed' : 'failed',
          detail:
            notActive.length === 0
              ? `All ${plural(hsms.length, 'HSM')} are ACTIVE.`
              : `${plural(notActive.length, 'HSM')} not ACTIVE: ${notActive.map((h) => `${h.HsmId ?? 'unknown'} (${h.State ?? 'unknown'})`).join(', ')}. Wait for ${notActive.length === 1 ? 'it' : 'them'} to be ACTIVE, or delete ${notActive.length === 1 ? 'it' : 'them'}.`,
        },
    {
      id: 'client-sdk',
      label: `Every client uses ${CLIENT_SDK_FOR_HSM2M}`,
      status: 'confirm',
      detail: `hsm2m.medium works with ${CLIENT_SDK_FOR_HSM2M}; Client SDK 3 does not support it. The API cannot see your clients: check their versions.`,
    },
    {
      id: 'kms-key-store',
      label: 'No AWS KMS key store uses this cluster',
      status: 'confirm',
      detail:
        'AWS’s guide warns that AWS KMS CloudHSM key stores do not support hsm2m.medium clusters: do not migrate a cluster behind one.',
    },
  ];
}

/**
 * Why the migration cannot be started with these checks and confirmations, or null when it can. A failed
 * check wins over a missing confirmation (confirming does not fix it).
 */
export function migrationBlocker(checks: readonly MigrationCheck[], confirmed: ReadonlySet<CheckId>): string | null {
  const failed = checks.filter((c) => c.status === 'failed');
  if (failed.length > 0) return failed.map((c) => c.detail).join(' ');
  const unconfirmed = checks.filter((c) => c.status === 'confirm' && !confirmed.has(c.id));
  if (unconfirmed.length > 0)
    return `Confirm first: ${unconfirmed.map((c) => c.label.charAt(0).toLowerCase() + c.label.slice(1)).join('; ')}.`;
  return null;
}

export type MigrationState =
  /** Not an hsm1.medium cluster, and no migration behind it (created as hsm2m.medium, or another type). */
  | { kind: 'not-applicable'; reason: string }
  | { kind: 'possible' }
  /** MODIFY_IN_PROGRESS: HSMs are being replaced by hsm2m.medium ones; rollback is allowed while `rollbackUntil` is ahead. */
  | { kind: 'in-progress'; target: string; rollbackUntil?: Date }
  /** Migrated, ACTIVE, and the rollback window still open. */
  | { kind: 'rollback-available'; until: Date }
  | { kind: 'rolling-back'; target: string }
  /** Migrated and the rollback window closed. */
  | { kind: 'done'; closedAt: Date };

const future = (at: Date | undefined, now: Date): Date | undefined => (at && at.getTime() > now.getTime() ? at : undefined);

/** Where a cluster is in the migration, from DescribeClusters alone. */
export function migrationState(cluster: MigrationCluster, now: Date): MigrationState {
  const expiration = cluster.HsmTypeRollbackExpiration;
  const open = future(expiration, now);
  // Only hsm1 → hsm2m exists, so the way back is always hsm1.medium and the way forward hsm2m.medium.
  if (cluster.State === 'ROLLBACK_IN_PROGRESS') return { kind: 'rolling-back', target: HSM1 };
  if (cluster.State === 'MODIFY_IN_PROGRESS') return { kind: 'in-progress', target: HSM2M, ...(open && { rollbackUntil: open }) };
  if (cluster.HsmType === HSM1) return { kind: 'possible' };
  if (open) return { kind: 'rollback-available', until: open };
  if (expiration) return { kind: 'done', closedAt: expiration };
  return {
    kind: 'not-applicable',
    reason: `The cluster runs ${cluster.HsmType ?? 'an unknown HSM type'}; only hsm1.medium clusters migrate.`,
  };
}

/** A remaining time in words: "23 h 41 min", "41 min", "less than a minute" (rounded down: never promise more). */
export function formatRemaining(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/** About how long the migration of this many HSMs takes (30 minutes each, one at a time). */
export function migrationDuration(hsmCount: number): string {
  return formatRemaining(Math.max(1, hsmCount) * MINUTES_PER_HSM * 60_000);
}
