/**
 * The list's count line in words. It speaks only for the regions that answered: a region whose
 * DescribeClusters failed or has not answered yet is named as such, never counted as "0 clusters".
 */

export interface CountInput {
  /** Clusters of the regions that answered. */
  total: number;
  /** Those the filters let through. */
  shown: number;
  /** Whether any filter is set. */
  filtered: boolean;
  /** The regions shown, in the shell's order. */
  regions: readonly string[];
  /** Regions whose clusters could not be listed. */
  failed: readonly string[];
  /** Regions whose refresh failed: their last answer is still shown and counted. */
  stale?: readonly string[];
  /** Regions that have not answered yet. */
  loading: readonly string[];
  /**
   * Said instead of listing the answered places when every one answered (several accounts: "3 regions of 2
   * accounts" reads faster than six "us-east-1 (workload)").
   */
  allAnswered?: string;
}

/** The regions that answered with a list (possibly empty), in the shell's order. */
export function answeredRegions({ regions, failed, loading }: Pick<CountInput, 'regions' | 'failed' | 'loading'>): string[] {
  return regions.filter((r) => !failed.includes(r) && !loading.includes(r));
}

/** "12 clusters in us-east-1, eu-west-1", "3 clusters in us-east-1; could not load eu-west-1", "Loading clusters…". */
export function countSentence(input: CountInput): string {
  const answered = answeredRegions(input);
  const { total, shown, filtered, failed, loading, stale = [] } = input;
  const tail = [
    ...(failed.length > 0 ? [`could not load ${failed.join(', ')}`] : []),
    ...(stale.length > 0 ? [`could not refresh ${stale.join(', ')} (its last answer is shown)`] : []),
    ...(loading.length > 0 ? [`still loading ${loading.join(', ')}…`] : []),
  ];
  if (answered.length === 0) {
    if (failed.length === 0) return 'Loading clusters…';
    const said = tail.join('; ');
    return `${said.charAt(0).toUpperCase()}${said.slice(1)}`;
  }
  const count = filtered ? `Showing ${shown} of ${total}` : String(total);
  const where = input.allAnswered !== undefined && answered.length === input.regions.length ? input.allAnswered : answered.join(', ');
  return [`${count} cluster${total === 1 ? '' : 's'} in ${where}`, ...tail].join('; ');
}

/** "1 needs attention", "2 need attention". */
export const attentionWords = (count: number): string => `${count} ${count === 1 ? 'needs' : 'need'} attention`;
