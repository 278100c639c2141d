/**
 * What the timeline's marks mean: each state's shape (drawn by the timeline's own MarkShape) and its words and
 * tone from the status model, then the never-expires and copy-link signs.
 */
import { backupStatus } from '../../../cloudhsm/status';
import { MARK_STYLES, markKindOf } from '../timeline';
import { MARK_R, MarkShape } from '../timeline/view/MarkShape';

const STATES: { state: string; note?: string }[] = [
  { state: 'READY' },
  { state: 'CREATE_IN_PROGRESS' },
  { state: 'PENDING_DELETION', note: '(dashes to the purge time)' },
  { state: 'DELETED' },
];

const BOX = MARK_R + 1;

function LegendShape({ state }: { state: string }) {
  return (
    <svg
      width={BOX * 2}
      height={BOX * 2}
      viewBox={`${-BOX} ${-BOX} ${BOX * 2} ${BOX * 2}`}
      aria-hidden="true"
      className="mr-1 inline-block align-[-2px]"
    >
      <MarkShape style={MARK_STYLES[markKindOf(state)]} tone={backupStatus(state).tone} />
    </svg>
  );
}

export function TimelineLegend() {
  return (
    <ul aria-label="Legend" className="flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-700 dark:text-slate-300">
      {STATES.map(({ state, note }) => (
        <li key={state} data-state={state}>
          <LegendShape state={state} />
          {backupStatus(state).label}
          {note && ` ${note}`}
        </li>
      ))}
      <li>
        <span aria-hidden="true">∞</span> never expires
      </li>
      <li>
        <span aria-hidden="true">⤵</span> copy link (source → copy)
      </li>
      <li>
        <span aria-hidden="true" className="mr-1 inline-block rounded-full border border-current px-1 leading-none">
          6
        </span>
        backups close together (drawn in their worst state; Enter zooms in)
      </li>
      <li>
        <span aria-hidden="true" className="mr-1 inline-block h-2 w-1 bg-slate-500 align-[-1px]" />
        <span aria-hidden="true" className="mr-1 inline-block h-3 w-1 bg-slate-500 align-[-1px]" />
        backups per day in a region (its summary row)
      </li>
    </ul>
  );
}
