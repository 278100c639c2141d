/**
 * Combining parallel queries (one per region, or per region and cluster) into one result for a view:
 * the rows of every part that answered, and the failures of those that did not, each with its region.
 */
import { useQueries, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { AwsRequestError, toAwsErrorInfo } from '../errors';

/** One of the parallel queries: a region of an account (undefined: the base), and for per-cluster fan-out the cluster. */
export interface FanOutPart {
  region: string;
  account?: string;
  clusterId?: string;
}

/** One part per (account, region), accounts first, each in the order given (undefined: the base account). */
export function accountRegionParts(accounts: readonly (string | undefined)[], regions: readonly string[]): FanOutPart[] {
  return accounts.flatMap((account) => regions.map((region) => (account ? { region, account } : { region })));
}

export interface FanOutFailure extends FanOutPart {
  error: AwsRequestError;
  /** The part answered before and its last rows are still shown: this failure is of a refresh or a poll. */
  stale: boolean;
  /** Asks this part again (only this one). */
  retry: () => Promise<void>;
}

export interface FanOutResult<Row> {
  rows: Row[];
  /** True until every part has answered once (with data or an error). */
  isPending: boolean;
  /** True while any part is fetching (first load, refetch or poll). */
  isFetching: boolean;
  errors: FanOutFailure[];
  /** The parts that have not answered yet (neither data nor an error): counts must not speak for them. */
  pending: FanOutPart[];
  /** Refetches every part. */
  refetch: () => Promise<void>;
}

export const asAwsRequestError = (error: unknown, operation: string, region: string, account?: string): AwsRequestError =>
  error instanceof AwsRequestError
    ? error
    : new AwsRequestError(toAwsErrorInfo(error, { operation, region, ...(account && { account }) }), { cause: error });

export function combineFanOut<Item, Row>(
  parts: readonly FanOutPart[],
  results: readonly UseQueryResult<Item[]>[],
  operation: string,
  toRow: (part: FanOutPart, item: Item) => Row,
): FanOutResult<Row> {
  const rows: Row[] = [];
  const errors: FanOutFailure[] = [];
  const pending: FanOutPart[] = [];
  results.forEach((result, i) => {
    const part = parts[i];
    if (!part) return;
    if (result.isPending) pending.push(part);
    for (const item of result.data ?? []) rows.push(toRow(part, item));
    if (result.error)
      errors.push({
        ...part,
        error: asAwsRequestError(result.error, operation, part.region, part.account),
        stale: result.data !== undefined,
        retry: async () => {
          await result.refetch();
        },
      });
  });
  return {
    rows,
    isPending: results.some((r) => r.isPending),
    isFetching: results.some((r) => r.isFetching),
    errors,
    pending,
    refetch: async () => {
      await Promise.all(results.map((r) => r.refetch()));
    },
  };
}

/**
 * One query per part, all in flight at once, combined as above. Parts are compared by value: callers may
 * pass new arrays each render. `toRow` should be a stable function (a module constant).
 */
export function useFanOutQueries<Item, Row>(
  parts: readonly FanOutPart[],
  queryFor: (part: FanOutPart) => UseQueryOptions<Item[], AwsRequestError, Item[], readonly unknown[]>,
  operation: string,
  toRow: (part: FanOutPart, item: Item) => Row,
): FanOutResult<Row> {
  const partsKey = JSON.stringify(parts);
  // Keyed on the parts' values, not the array's identity.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const stableParts = useMemo(() => parts, [partsKey]);
  const combine = useCallback(
    (results: UseQueryResult<Item[], AwsRequestError>[]) => combineFanOut(stableParts, results, operation, toRow),
    [stableParts, operation, toRow],
  );
  return useQueries({ queries: stableParts.map(queryFor), combine });
}
