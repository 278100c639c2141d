/**
 * The guardrails of a copy, decided from what the checks found (copyFacts.ts fetches it): the first copy of a
 * cluster's backups to a region asks first (the copy holds the cluster's key material there and never expires),
 * and a copy that a data-residency tag keeps out, or whose tags could not be read, needs an explicit override.
 * Pure.
 */
import type { ResidencyBlock } from '../../../../../cloudhsm/residency';

export interface CopySource {
  /** The backup's region. */
  region: string;
  backupId: string;
  clusterId: string | undefined;
  /** Where the backup's cluster is: the backup's region, or for a copy the region it was copied from. */
  clusterRegion: string;
  /** The backup's account, which its cluster and its copies are in too (undefined: the base account). */
  account?: string;
}

export interface CopyFacts {
  source: CopySource;
  destination: string;
  /** The cluster has a READY or in-flight backup in the destination already; null: it could not be told. */
  hasCopies: boolean | null;
  /** The cluster's Name tag, when read. */
  clusterName: string | undefined;
  residency: ResidencyBlock[];
  /** Whose tags could not be read, and why (so residency could not be checked for them). */
  unreadable: string[];
}

export interface CopyPrompt {
  facts: CopyFacts;
  /** Ask before the cluster's first copy to the destination. */
  firstCopy: boolean;
  /** Needs "copy anyway": a residency tag keeps it out, or tags could not be read. */
  needsOverride: boolean;
}

/** Only these count as "the cluster has a copy there": a copy on its way to purge or gone holds nothing for long. */
const LIVE_STATES: ReadonlySet<string> = new Set(['READY', 'CREATE_IN_PROGRESS']);

/** Whether a page of the destination's backups of the cluster (DescribeBackups, clusterIds filter) holds one that lives. */
export const holdsLiveBackup = (backups: readonly { BackupState?: string | undefined }[]): boolean =>
  backups.some((b) => LIVE_STATES.has(b.BackupState ?? ''));

/** What to ask before this copy, or null to copy at once (one click, as before). */
export function promptFor(facts: CopyFacts): CopyPrompt | null {
  const firstCopy = facts.hasCopies !== true;
  const needsOverride = facts.residency.length > 0 || facts.unreadable.length > 0;
  return firstCopy || needsOverride ? { facts, firstCopy, needsOverride } : null;
}

/** "payments-prod (cluster-…)", or the id alone. */
export const clusterLabel = (facts: Pick<CopyFacts, 'clusterName' | 'source'>): string => {
  const id = facts.source.clusterId ?? 'its cluster';
  return facts.clusterName ? `${facts.clusterName} (${id})` : id;
};
