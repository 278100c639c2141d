/**
 * The list's filters (region, state, cluster, never expires, source backup) and its order, all in the URL.
 * States read as everywhere (the status model's words); the URL keeps the API's names.
 */
import type { ReactNode } from 'react';
import { backupStatus } from '../../../cloudhsm/status';
import { useShownAccounts } from '../../../aws';
import { Button, FormField, Input, Options, Select } from '../../../ui';
import { accountChoices } from '../../common/accounts/listAccounts';
import { BACKUP_STATES, EMPTY_BACKUP_FILTERS, hasFilters, type BackupPageParams, type NeverExpiresFilter } from '../params';
import type { TimelineControls } from './useTimelineControls';

export interface BackupFiltersProps {
  /** The list's filters and order, as the URL has them. */
  params: Pick<BackupPageParams, 'filters' | 'order'>;
  /** What changing them does (useTimelineControls). */
  controls: Pick<TimelineControls, 'setFilters' | 'setOrder'>;
  regions: readonly string[];
  clusters: { id: string; label: string }[];
}

const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);

const LEGEND = 'mb-1 text-sm font-medium';

function CheckboxGroup({
  legend,
  values,
  checked,
  onToggle,
  children,
}: {
  legend: string;
  values: readonly string[];
  checked: readonly string[];
  onToggle: (value: string) => void;
  children: (value: string) => ReactNode;
}) {
  return (
    <fieldset className="flex flex-wrap gap-x-3 gap-y-1">
      <legend className={LEGEND}>{legend}</legend>
      {values.map((value) => (
        <label key={value} className="flex items-center gap-1.5">
          <input type="checkbox" checked={checked.includes(value)} onChange={() => onToggle(value)} />
          {children(value)}
        </label>
      ))}
    </fieldset>
  );
}

export function BackupFilters({ params: { filters, order }, controls, regions, clusters }: BackupFiltersProps) {
  const { setFilters: onChange, setOrder: onOrder } = controls;
  const accounts = useShownAccounts();
  const accountOptions = accounts.multi ? accountChoices(accounts) : [];
  return (
    <form
      className="mb-3 flex flex-wrap items-start gap-x-6 gap-y-3 text-sm"
      onSubmit={(e) => e.preventDefault()}
      aria-label="Backup filters"
    >
      <CheckboxGroup
        legend="Region"
        values={regions}
        checked={filters.region}
        onToggle={(r) => onChange({ region: toggle(filters.region, r) })}
      >
        {(region) => region}
      </CheckboxGroup>
      {accountOptions.length > 1 && (
        <CheckboxGroup
          legend="Account"
          values={accountOptions.map((a) => a.value)}
          checked={filters.account}
          onToggle={(a) => onChange({ account: toggle(filters.account, a) })}
        >
          {(id) => accountOptions.find((a) => a.value === id)?.label ?? id}
        </CheckboxGroup>
      )}
      <CheckboxGroup
        legend="State"
        values={BACKUP_STATES}
        checked={filters.state}
        onToggle={(s) => onChange({ state: toggle(filters.state, s) })}
      >
        {/* The words only: a filter option is not itself in progress (the kit's in-progress icon spins). */}
        {(state) => backupStatus(state).label}
      </CheckboxGroup>
      <FormField label="Cluster" controlId="backup-filter-cluster">
        <Select value={filters.cluster[0] ?? ''} onChange={(e) => onChange({ cluster: e.target.value ? [e.target.value] : [] })}>
          <option value="">All clusters</option>
          <Options items={clusters} value={(c) => c.id} label={(c) => c.label} />
        </Select>
      </FormField>
      <FormField label="Never expires" controlId="backup-filter-never">
        <Select
          value={filters.neverExpires ?? ''}
          onChange={(e) => onChange({ neverExpires: (e.target.value || null) as NeverExpiresFilter })}
        >
          <option value="">Any</option>
          <option value="yes">Never expires</option>
          <option value="no">Expires</option>
        </Select>
      </FormField>
      <FormField label="Source backup" controlId="backup-filter-source">
        <Input
          type="search"
          placeholder="backup id, or any"
          className="font-mono"
          value={filters.source}
          onChange={(e) => onChange({ source: e.target.value }, true)}
        />
      </FormField>
      <FormField label="Order" controlId="backup-order">
        <Select value={order} onChange={(e) => onOrder(e.target.value === 'asc' ? 'asc' : 'desc')}>
          <option value="desc">Newest first (descending)</option>
          <option value="asc">Oldest first (ascending)</option>
        </Select>
      </FormField>
      {hasFilters(filters) && (
        <Button variant="link" className="self-end" onClick={() => onChange(EMPTY_BACKUP_FILTERS)}>
          Clear filters
        </Button>
      )}
    </form>
  );
}
