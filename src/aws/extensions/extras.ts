/**
 * Members the service (and the emulator) send that SDK 3.332's deserializers drop (`take()` keeps only the
 * 2023 model's members), and the pure functions that put them back from the raw JSON body.
 */
import type { Backup, Cluster } from '@aws-sdk/client-cloudhsm-v2';

export type ClusterMode = 'FIPS' | 'NON_FIPS';
export type NetworkType = 'IPV4' | 'DUALSTACK';

/** Cluster members added to the model after 3.332 (2024-06 Mode, 2024-12 NetworkType, 2025-01 rollback). */
export interface ClusterExtras {
  /** `FIPS` | `NON_FIPS` (a string, like the SDK's enums, so a newer value still reads). */
  Mode?: ClusterMode | (string & {});
  NetworkType?: NetworkType | (string & {});
  /** Until when an HSM-type migration can be rolled back. */
  HsmTypeRollbackExpiration?: Date;
}

/** Backup members added to the model after 3.332 (2024-06). */
export interface BackupExtras {
  BackupArn?: string;
  /** HSM type of the source cluster. */
  HsmType?: string;
  /** Mode of the source cluster. */
  Mode?: ClusterMode | (string & {});
}

export type ClusterWithExtras = Cluster & ClusterExtras;
export type BackupWithExtras = Backup & BackupExtras;

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** An epoch-seconds timestamp (what AWS JSON 1.1 sends) as a Date, rounded to the millisecond as the SDK does. */
export function epochSecondsToDate(value: unknown): Date | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  return new Date(Math.round(value * 1000));
}

/** How to read each extra member from the raw JSON (undefined: absent or not of its type). */
type MemberReaders<Extras> = { [Member in keyof Extras]-?: (value: unknown) => Extras[Member] | undefined };

/** The reader of a raw (wire) resource's extras: the members present and of their type; absent ones stay absent. */
function extrasReader<Extras extends object>(readers: MemberReaders<Extras>): (raw: unknown) => Extras {
  return (raw) => {
    if (!isObject(raw)) return {} as Extras;
    const present = Object.keys(readers).flatMap((member) => {
      const value = readers[member as keyof Extras](raw[member]);
      return value === undefined ? [] : [[member, value] as const];
    });
    return Object.fromEntries(present) as Extras;
  };
}

/** The members of a raw (wire) cluster that the SDK drops. */
export const clusterExtrasOf = extrasReader<ClusterExtras>({
  Mode: stringOf,
  NetworkType: stringOf,
  HsmTypeRollbackExpiration: epochSecondsToDate,
});

/** The members of a raw (wire) backup that the SDK drops. */
export const backupExtrasOf = extrasReader<BackupExtras>({ BackupArn: stringOf, HsmType: stringOf, Mode: stringOf });

type Extractor = (raw: unknown) => object;

/** Output members that hold clusters or backups, in every CloudHSM V2 operation's output. */
const MEMBERS: Record<string, { extras: Extractor; idKey: string }> = {
  Cluster: { extras: clusterExtrasOf, idKey: 'ClusterId' },
  Clusters: { extras: clusterExtrasOf, idKey: 'ClusterId' },
  Backup: { extras: backupExtrasOf, idKey: 'BackupId' },
  Backups: { extras: backupExtrasOf, idKey: 'BackupId' },
};

function mergeOne(target: unknown, raw: unknown, extras: Extractor, idKey: string): void {
  // Only onto the same resource: the SDK keeps order, but a mismatch must never graft one resource's
  // members onto another.
  if (!isObject(target) || !isObject(raw) || target[idKey] !== raw[idKey]) return;
  Object.assign(target, extras(raw));
}

/**
 * Copies the dropped members from the raw JSON body onto the SDK's output (in place), for `Cluster`,
 * `Clusters`, `Backup` and `Backups`. Other members and operations are left alone.
 */
export function mergeDroppedMembers(output: unknown, rawBody: unknown): void {
  if (!isObject(output) || !isObject(rawBody)) return;
  for (const [member, { extras, idKey }] of Object.entries(MEMBERS)) {
    const typed = output[member];
    const raw = rawBody[member];
    if (Array.isArray(typed) && Array.isArray(raw)) {
      // The SDK filters null entries out of lists; do the same so indexes line up.
      const rawItems = raw.filter((item) => item != null);
      typed.forEach((item, i) => mergeOne(item, rawItems[i], extras, idKey));
    } else {
      mergeOne(typed, raw, extras, idKey);
    }
  }
}
