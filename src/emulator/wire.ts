/** Records → the JSON the real service sends (no internal fields, no nulls, epoch-second timestamps). */
import { backupArn } from '../cloudhsm/ids';
import type { BackupRecord, ClusterRecord, HsmRecord, WireBackup, WireCluster, WireHsm } from './types';

export function toWireHsm(hsm: HsmRecord): WireHsm {
  const wire: WireHsm = {
    AvailabilityZone: hsm.AvailabilityZone,
    ClusterId: hsm.ClusterId,
    SubnetId: hsm.SubnetId,
    HsmId: hsm.HsmId,
    HsmType: hsm.HsmType,
    State: hsm.State,
  };
  // hsm2m HSMs have no ENI until they are created (a real 2025 CreateHsm response lacks EniId/EniIp).
  if (hsm.State !== 'CREATE_IN_PROGRESS') {
    wire.EniId = hsm._eniId;
    wire.EniIp = hsm._eniIp;
    if (hsm._eniIpV6) wire.EniIpV6 = hsm._eniIpV6;
  }
  if (hsm.StateMessage) wire.StateMessage = hsm.StateMessage;
  return wire;
}

export function toWireCluster(cluster: ClusterRecord): WireCluster {
  const wire: WireCluster = {
    BackupPolicy: 'DEFAULT',
    BackupRetentionPolicy: { Type: 'DAYS', Value: String(cluster.RetentionDays) },
    ClusterId: cluster.ClusterId,
    CreateTimestamp: cluster.CreateTimestamp,
    Hsms: cluster.Hsms.map(toWireHsm),
    HsmType: cluster.HsmType,
    State: cluster.State,
    SubnetMapping: { ...cluster.SubnetMapping },
    VpcId: cluster.VpcId,
    NetworkType: cluster.NetworkType,
    Certificates: { ...cluster.Certificates },
    Mode: cluster.Mode,
  };
  if (cluster.HsmTypeRollbackExpiration !== undefined) wire.HsmTypeRollbackExpiration = cluster.HsmTypeRollbackExpiration;
  if (cluster.SecurityGroup) wire.SecurityGroup = cluster.SecurityGroup;
  if (cluster.SourceBackupId) wire.SourceBackupId = cluster.SourceBackupId;
  if (cluster.StateMessage) wire.StateMessage = cluster.StateMessage;
  if (cluster.Tags.length > 0) wire.TagList = cluster.Tags.map((t) => ({ ...t }));
  return wire;
}

/**
 * `listed`: the form DescribeBackups lists, which always has `TagList` (`[]` when untagged, in every state),
 * as recorded DescribeBackups answers show. The single-backup answers (Delete, Restore, ModifyBackupAttributes)
 * keep omitting it when empty, as the recorded ModifyBackupAttributes answer does.
 */
export function toWireBackup(account: string, region: string, backup: BackupRecord, listed = false): WireBackup {
  const wire: WireBackup = {
    BackupId: backup.BackupId,
    BackupArn: backupArn(region, account, backup.BackupId),
    BackupState: backup.BackupState,
    ClusterId: backup.ClusterId,
    CreateTimestamp: backup.CreateTimestamp,
    NeverExpires: backup.NeverExpires,
    HsmType: backup.HsmType,
    Mode: backup.Mode,
  };
  if (backup.CopyTimestamp !== undefined) wire.CopyTimestamp = backup.CopyTimestamp;
  if (backup.SourceRegion) wire.SourceRegion = backup.SourceRegion;
  if (backup.SourceBackup) wire.SourceBackup = backup.SourceBackup;
  if (backup.SourceCluster) wire.SourceCluster = backup.SourceCluster;
  if (backup.DeleteTimestamp !== undefined) wire.DeleteTimestamp = backup.DeleteTimestamp;
  if (listed || backup.Tags.length > 0) wire.TagList = backup.Tags.map((t) => ({ ...t }));
  return wire;
}

/** UTF-8 JSON of wire objects, kept as long as the (memoized, unchanging) object lives. */
const serialized = new WeakMap<object, Uint8Array>();
const utf8 = new TextEncoder();
const COMMA = utf8.encode(',');

/**
 * UTF-8 JSON of an operation's output: what JSON.stringify gives, but the JSON of each object in a
 * top-level list (the clusters or backups of a Describe page, memoized by the store while unchanged) is
 * encoded once and reused, since serializing large pages is most of the cost of a Describe call.
 */
export function serializeOutput(output: unknown): Uint8Array {
  const parts = serializeOutputParts(output);
  let length = 0;
  for (const part of parts) length += part.length;
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** The same bytes as `serializeOutput`, in pieces (a writer can send them without joining them first). */
export function serializeOutputParts(output: unknown): Uint8Array[] {
  if (typeof output !== 'object' || output === null || Array.isArray(output)) return [utf8.encode(JSON.stringify(output) ?? 'null')];
  const parts: Uint8Array[] = [];
  let first = true;
  for (const [key, value] of Object.entries(output)) {
    if (value === undefined) continue;
    parts.push(utf8.encode(`${first ? '{' : ','}${JSON.stringify(key)}:`));
    first = false;
    if (Array.isArray(value)) {
      parts.push(utf8.encode('['));
      value.forEach((item: unknown, i) => {
        if (i > 0) parts.push(COMMA);
        parts.push(serializeItem(item));
      });
      parts.push(utf8.encode(']'));
    } else parts.push(utf8.encode(JSON.stringify(value)));
  }
  parts.push(utf8.encode(first ? '{}' : '}'));
  return parts;
}

function serializeItem(item: unknown): Uint8Array {
  if (typeof item !== 'object' || item === null) return utf8.encode(JSON.stringify(item) ?? 'null');
  let bytes = serialized.get(item);
  if (bytes === undefined) {
    bytes = utf8.encode(JSON.stringify(item));
    serialized.set(item, bytes);
  }
  return bytes;
}
