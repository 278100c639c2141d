import { useId } from 'react';
import type { ClusterWithExtras } from '../../../aws';
import { clusterStatus } from '../../../cloudhsm/status';
import { StatusSpecIndicator } from '../../../ui/StatusIndicator';
import { useTooltip } from '../../../ui/Tooltip';

/**
 * The cluster's state in the status model's icon and words. Its StateMessage, when there is one, shows on
 * hover (title) and on keyboard focus (the kit's tooltip), and is the cell's description for screen readers.
 */
export function StateCell({ cluster }: { cluster: ClusterWithExtras }) {
  const descriptionId = useId();
  const message = cluster.StateMessage?.trim() || null;
  // The title gives hover its bubble; the kit's shows on focus only, so the two never stack.
  const { setAnchor, handlers, bubble } = useTooltip<HTMLSpanElement>(message, { hover: false });
  const status = <StatusSpecIndicator status={clusterStatus(cluster.State)} />;
  if (!message) return <span data-testid="cluster-state">{status}</span>;
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
