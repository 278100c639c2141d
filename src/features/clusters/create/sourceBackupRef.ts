/**
 * What the form's source backup names, and whether the form can use it. CreateCluster's SourceBackupId is
 * "the identifier (ID) or the Amazon Resource Name (ARN) of the cluster backup to restore": this account's
 * backup by either, another account's backup (shared with this one) only by its ARN, which is sent
 * unchanged. Pure: the form looks the backup up among this account's READY backups or among the backups
 * shared with it, and says what is wrong before anything is sent.
 */
import { partitionOf } from '../../../cloudhsm/regions';
import { parseBackupArn } from '../../../cloudhsm/ids';
import type { BackupOrigin } from './hsmTypes';

export type SourceBackupRef =
  | { kind: 'none' }
  /** This account's backup: an id, or an ARN naming this account (then its id part). */
  | { kind: 'own'; backupId: string }
  /** Another account's backup by its ARN (or an ARN whose account the form cannot tell is this one). */
  | { kind: 'shared'; backupId: string; owner: string; arn: string }
  /** An ARN the form's region cannot restore from, and why. */
  | { kind: 'invalid'; error: string };

/** A backup as the checks need it; BackupArn tells an own backup named by ARN when the account is unknown. */
export interface SourceBackup extends BackupOrigin {
  BackupId?: string;
  BackupArn?: string;
  BackupState?: string;
  ClusterId?: string;
}

export function sourceBackupRef(source: string, region: string, baseAccount: string | undefined): SourceBackupRef {
  if (source === '') return { kind: 'none' };
  if (!source.startsWith('arn:')) return { kind: 'own', backupId: source };
  const arn = parseBackupArn(source);
  if (!arn) {
    return {
      kind: 'invalid',
      error: `${source} is not a backup ARN: one reads arn:<partition>:cloudhsm:<region>:<account>:backup/backup-….`,
    };
  }
  if (arn.region !== region) {
    return {
      kind: 'invalid',
      error: `${arn.backupId} is in ${arn.region}, not ${region}: a cluster can only be created from a backup of its own region. Choose ${arn.region} as the region.`,
    };
  }
  if (arn.partition !== partitionOf(region)) {
    return { kind: 'invalid', error: `${source} names partition ${arn.partition}, but ${region} is in ${partitionOf(region)}.` };
  }
  if (arn.account === baseAccount) return { kind: 'own', backupId: arn.backupId };
  return { kind: 'shared', backupId: arn.backupId, owner: arn.account, arn: source };
}

/** The id to put on the form for a link's source: an own backup's ARN becomes its id (so the picker lists it). */
export function formSourceBackupId(source: string, region: string, baseAccount: string | undefined): string {
  const ref = sourceBackupRef(source, region, baseAccount);
  return ref.kind === 'own' ? ref.backupId : source;
}

/** The region a link's source backup ARN names, when it is one. */
export const regionOfSource = (source: string): string | undefined => parseBackupArn(source)?.region;

export interface SourceLists {
  /** This account's READY backups of the region, once read (undefined: unknown, not checked). */
  ready?: readonly SourceBackup[];
  /** The backups of the region shared with this account, once wholly read (undefined: unknown, not checked). */
  shared?: readonly SourceBackup[];
  baseAccount?: string;
}

export type SourceCheck =
  /** Nothing chosen, or not known yet: the API decides. */
  { kind: 'unchecked' } | { kind: 'found'; backup: SourceBackup; owner?: string } | { kind: 'problem'; error: string };

const UNCHECKED: SourceCheck = { kind: 'unchecked' };

/** The chosen backup among the lists, or what is wrong with it. */
export function checkSourceBackup(ref: SourceBackupRef, region: string, lists: SourceLists): SourceCheck {
  switch (ref.kind) {
    case 'none':
      return UNCHECKED;
    case 'invalid':
      return { kind: 'problem', error: ref.error };
    case 'own': {
      if (!lists.ready) return UNCHECKED;
      const backup = lists.ready.find((b) => b.BackupId === ref.backupId);
      return backup
        ? { kind: 'found', backup }
        : {
            kind: 'problem',
            error: `${ref.backupId} is not a READY backup in ${region}: a cluster can only be created from a READY backup of its own region.`,
          };
    }
    case 'shared': {
      // The account was not known: an own backup is recognised by its ARN.
      const own = lists.ready?.find((b) => b.BackupArn === ref.arn);
      if (own) return { kind: 'found', backup: own };
      if (!lists.shared) return UNCHECKED;
      const backup = lists.shared.find(
        (b) => b.BackupId === ref.backupId && (parseBackupArn(b.BackupArn)?.account ?? ref.owner) === ref.owner,
      );
      if (!backup) {
        const account = lists.baseAccount ? `account ${lists.baseAccount}` : 'this account';
        return {
          kind: 'problem',
          error: `This backup is not shared with ${account} in ${region}: ask its owner (account ${ref.owner}) to share it (Sharing section of the backup page) and, for a policy-made share, to promote it.`,
        };
      }
      if (backup.BackupState !== undefined && backup.BackupState !== 'READY') {
        return {
          kind: 'problem',
          error: `${ref.backupId}, shared by account ${ref.owner}, is ${backup.BackupState}: a cluster can only be created from a READY backup.`,
        };
      }
      return { kind: 'found', backup, owner: ref.owner };
    }
  }
}
