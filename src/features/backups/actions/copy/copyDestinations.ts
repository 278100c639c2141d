/**
 * Where a backup can be copied: every other CloudHSM region of the source's partition (AWS refuses copies
 * between standard and GovCloud regions, and to the source's own region), the regions the person shows first.
 * The one-click destination is the last one used, else the first shown region that is not the source; with
 * neither there is none (the control then asks where, rather than guess the first region of the alphabet).
 * Pure.
 */
import { partitionOf } from '../../../../cloudhsm/regions';

export interface DestinationContext {
  /** The source backup's region. */
  source: string;
  /** The regions the person chose to show (the header's picker), in their order. */
  chosen: readonly string[];
  /** Every CloudHSM region the server knows (session.availableRegions). */
  available: readonly string[];
}

/** Copy destinations in menu order: the chosen regions first, then the other available ones. */
export function copyDestinations({ source, chosen, available }: DestinationContext): string[] {
  const known = new Set(available);
  const partition = partitionOf(source);
  const allowed = (region: string) => known.has(region) && region !== source && partitionOf(region) === partition;
  return [...new Set([...chosen.filter(allowed), ...available.filter(allowed)])];
}

/**
 * The destination of the one-click copy, or null when there is none to pick without guessing: nowhere to
 * copy to, or no last-used destination and no other shown region.
 */
export function defaultDestination(context: DestinationContext & { lastUsed: string | null }): string | null {
  const destinations = copyDestinations(context);
  if (context.lastUsed && destinations.includes(context.lastUsed)) return context.lastUsed;
  return destinations.find((region) => context.chosen.includes(region)) ?? null;
}

/** A copy stays in its backup's account: CopyBackupToRegion copies into the caller's account (issue 15). */
export const copyAccountNote = (account: string): string => `Copies into account ${account} (a copy stays in its backup's account).`;
