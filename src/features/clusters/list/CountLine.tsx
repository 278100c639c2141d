import { StatusIndicator } from '../../../ui/StatusIndicator';
import { attentionWords, countSentence, type CountInput } from './countSentence';

export interface CountLineProps extends CountInput {
  /** Clusters (of those loaded) whose health needs attention. */
  attention: number;
  /** The "needs attention" filter is on. */
  attentionOnly: boolean;
  onShowAttention: () => void;
  /** Clusters in a transitional state (the data layer polls while there are any). */
  transitional: number;
  /** A refresh is under way: old data stays, a quiet indicator says so. */
  updating: boolean;
}

/**
 * "12 clusters in us-east-1, eu-west-1 · 2 need attention": the count speaks only for the regions that
 * answered; the attention count is a button that applies the filter.
 */
export function CountLine({ attention, attentionOnly, onShowAttention, transitional, updating, ...count }: CountLineProps) {
  const settled = count.loading.length === 0;
  return (
    <p className="mb-2 text-sm text-slate-600 dark:text-slate-300" role="status" data-testid="cluster-count">
      {countSentence(count)}
      {attention > 0 && (
        <>
          {' · '}
          {attentionOnly ? (
            <span data-testid="attention-count">{attentionWords(attention)}</span>
          ) : (
            <button
              type="button"
              className="font-medium text-amber-800 underline hover:no-underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-amber-300"
              onClick={onShowAttention}
              data-testid="attention-count"
            >
              {attentionWords(attention)}
            </button>
          )}
        </>
      )}
      {settled && transitional > 0 && ` · ${transitional} in transition, refreshing automatically`}
      {settled && updating && (
        <StatusIndicator icon="in-progress" aria-hidden="true" className="ml-2 font-normal">
          Updating…
        </StatusIndicator>
      )}
    </p>
  );
}
