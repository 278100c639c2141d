import { useId } from 'react';
import type { ClusterWithExtras } from '../../../aws';
import { clusterStateInfo, type StateTone } from './state';

export const TONE_CLASS: Record<StateTone, string> = {
  ok: 'text-green-800 dark:text-green-300',
  warning: 'text-amber-800 dark:text-amber-300',
  danger: 'text-red-800 dark:text-red-300',
  progress: 'text-sky-800 dark:text-sky-300',
  neutral: 'text-slate-700 dark:text-slate-300',
};

/**
 * Icon and words (never colour alone); the StateMessage shows on hover (title) and on keyboard focus
 * (a description that becomes visible while the cell has focus, and that screen readers read).
 */
export function StateCell({ cluster }: { cluster: ClusterWithExtras }) {
  const info = clusterStateInfo(cluster.State);
  const descriptionId = useId();
  const message = cluster.StateMessage?.trim();
  return (
    <span
      className={`group relative inline-flex items-center gap-1 rounded font-medium ${TONE_CLASS[info.tone]}`}
      title={message || undefined}
      tabIndex={message ? 0 : undefined}
      aria-describedby={message ? descriptionId : undefined}
      data-testid="cluster-state"
    >
      <span aria-hidden="true" className={info.transitional ? 'inline-block motion-safe:animate-spin' : undefined}>
        {info.icon}
      </span>
      <span>{info.label}</span>
      {message && (
        <span
          id={descriptionId}
          role="tooltip"
          className="sr-only group-focus:not-sr-only group-focus:absolute group-focus:top-full group-focus:left-0 group-focus:z-20 group-focus:mt-1 group-focus:w-64 group-focus:rounded group-focus:border group-focus:border-slate-300 group-focus:bg-white group-focus:p-2 group-focus:text-xs group-focus:font-normal group-focus:whitespace-normal group-focus:text-slate-900 dark:group-focus:border-slate-600 dark:group-focus:bg-slate-900 dark:group-focus:text-slate-100"
        >
          {message}
        </span>
      )}
    </span>
  );
}
