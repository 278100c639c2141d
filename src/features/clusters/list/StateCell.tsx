import { useId } from 'react';
import type { ClusterWithExtras } from '../../../aws';
import { StatusSpecIndicator } from '../../../ui/StatusIndicator';
import { useTooltip } from '../../../ui/Tooltip';
import { healthDetails, healthOf } from './health';

/**
 * The cluster's health in the status model's icon and words ("Active · Degraded", not the API's bare
 * "ACTIVE"). What lies behind it (each problem, then the StateMessage) shows on hover (title) and on keyboard
 * focus (the kit's tooltip), and is the cell's description for screen readers.
 */
export function StateCell({ cluster, now }: { cluster: ClusterWithExtras; now: number }) {
  const descriptionId = useId();
  const health = healthOf(cluster, now);
  const details = healthDetails(health, cluster.StateMessage);
  const message = details.length > 0 ? details.join('\n') : null;
  // The title gives hover its bubble; the kit's shows on focus only, so the two never stack.
  const { setAnchor, handlers, bubble } = useTooltip<HTMLSpanElement>(
    message && (
      <span className="whitespace-pre-line" data-testid="cluster-state-details">
        {message}
      </span>
    ),
    { hover: false },
  );
  const status = <StatusSpecIndicator status={health} />;
  const attention = health.needsAttention ? 'true' : 'false';
  if (!message)
    return (
      <span data-testid="cluster-state" data-attention={attention}>
        {status}
      </span>
    );
  return (
    <>
      <span
        ref={setAnchor}
        // Focusable so keyboard users reach the message; the only key it answers is Escape (hides the tooltip).
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
        tabIndex={0}
        title={message}
        aria-describedby={descriptionId}
        className="rounded focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600"
        data-testid="cluster-state"
        data-attention={attention}
        {...handlers}
      >
        {status}
      </span>
      <span id={descriptionId} className="sr-only">
        {message}
      </span>
      {bubble}
    </>
  );
}
