/**
 * The timeline's own controls: a box to find a cluster (id, name or tag), the "only clusters with backups in
 * this window" toggle, buttons to show or hide every region's clusters, and how many clusters they leave (a
 * polite status, so typing is not interrupted).
 */
import { Button, FormField, Input } from '../../../../ui';
import type { TimelineRowsState } from './useTimelineRows';

export interface TimelineFiltersProps {
  /** The timeline's row state: the query, the toggle, what they leave (useTimelineRows). */
  rows: TimelineRowsState;
  /** Whether tags are searched too (the page passed the clusters' tags). */
  searchesTags: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

export function TimelineFilters({ rows, searchesTags }: TimelineFiltersProps) {
  const { query, setQuery: onQuery, onlyWithBackups, setOnlyWithBackups: onOnlyWithBackups, expandAll: onExpandAll } = rows;
  const { matchingLanes: matching, totalLanes: total } = rows.model;
  const narrowed = query.trim() !== '' || onlyWithBackups;
  return (
    <div className="mb-2 flex flex-wrap items-end gap-x-4 gap-y-2" data-testid="timeline-filters">
      <FormField label="Find a cluster on the timeline" controlId="timeline-cluster-filter">
        <Input
          type="search"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
          placeholder={searchesTags ? 'Id, name or tag' : 'Id or name'}
          autoComplete="off"
          className="w-64"
        />
      </FormField>
      <label className="flex items-center gap-1.5 text-sm">
        <input type="checkbox" checked={onlyWithBackups} onChange={(event) => onOnlyWithBackups(event.target.checked)} />
        Only clusters with backups in this window
      </label>
      <div className="flex gap-2">
        <Button size="sm" onClick={() => onExpandAll(true)}>
          Show all clusters
        </Button>
        <Button size="sm" onClick={() => onExpandAll(false)}>
          Regions only
        </Button>
      </div>
      <p role="status" className="text-sm text-slate-600 dark:text-slate-300" data-testid="timeline-cluster-count">
        {narrowed ? `${count(matching)} of ${count(total)} clusters match` : `${count(total)} ${total === 1 ? 'cluster' : 'clusters'}`}
      </p>
    </div>
  );
}
