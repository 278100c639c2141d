import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { clusterStatus } from '../../../cloudhsm/status';
import { buttonClass, inputClass } from '../../../ui/buttons';
import { Options } from '../../../ui/controls';
import { EMPTY_FILTERS, type ListFilters } from './types';
const TYPING_DELAY_MS = 350;

/**
 * A text input that edits a URL value: it keeps what is typed locally and writes it after a pause (one
 * history entry per pause, not per key), and follows the URL when it changes elsewhere (back/forward).
 */
function DebouncedInput({
  label,
  value,
  onCommit,
  placeholder,
  list,
  testId,
  wide = false,
}: {
  label: string;
  value: string;
  onCommit: (v: string) => void;
  placeholder?: string;
  list?: string;
  testId: string;
  /** Both columns of the phone grid. */
  wide?: boolean;
}) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const committed = useRef(value);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setDraft(value);
    }
  }, [value]);
  useEffect(() => {
    if (draft === committed.current) return;
    const timer = setTimeout(() => {
      committed.current = draft;
      onCommit(draft);
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [draft, onCommit]);
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${wide ? 'col-span-2' : ''}`}>
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className={`${inputClass} w-full sm:w-auto`}
        value={draft}
        placeholder={placeholder}
        list={list}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft !== committed.current) {
            committed.current = draft;
            onCommit(draft);
          }
        }}
        data-testid={testId}
      />
    </div>
  );
}

function Select({
  label,
  value,
  options,
  onChange,
  testId,
}: {
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (v: string) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium">
        {label}
      </label>
      <select
        id={id}
        className={`${inputClass} w-full sm:w-auto`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      >
        <option value="">Any</option>
        <Options items={options} value={(o) => o.value} label={(o) => o.label} />
      </select>
    </div>
  );
}

export interface FilterChoices {
  states: string[];
  regions: string[];
  /** The shown accounts (several accounts only; empty: no Account filter). */
  accounts: { value: string; label: string }[];
  vpcs: string[];
  tags: string[];
}

/** Labelled controls for every filter; a change is written to the URL at once (text after a pause). */
export function ClusterFilters({
  filters,
  choices,
  onChange,
}: {
  filters: ListFilters;
  choices: FilterChoices;
  onChange: (next: ListFilters) => void;
}) {
  const tagListId = useId();
  const withCurrent = (values: string[], current: string) => (current && !values.includes(current) ? [...values, current] : values);
  // A filter for several values (from a link) shows as one choice; picking another replaces it.
  const multi = (values: string[]) => values.join(',');
  // The text inputs commit after a pause: read the filters of that moment, not of the render that started it.
  const latest = useRef({ filters, onChange });
  useLayoutEffect(() => {
    latest.current = { filters, onChange };
  });
  const commitQ = useCallback((q: string) => latest.current.onChange({ ...latest.current.filters, q }), []);
  const commitTag = useCallback((tag: string) => latest.current.onChange({ ...latest.current.filters, tag }), []);
  const active = JSON.stringify(filters) !== JSON.stringify(EMPTY_FILTERS);
  const split = (v: string) => (v ? v.split(',') : []);

  return (
    <form
      role="search"
      aria-label="Filter clusters"
      // Two columns on a phone (nothing wider than the screen), one wrapping row above.
      className="mb-3 grid grid-cols-2 items-end gap-2 sm:flex sm:flex-wrap sm:gap-3"
      onSubmit={(e) => e.preventDefault()}
    >
      <Select
        label="State"
        testId="filter-state"
        value={multi(filters.state)}
        options={withCurrent(choices.states, multi(filters.state)).map((s) => ({
          value: s,
          label: s.includes(',') ? s : clusterStatus(s).label,
        }))}
        onChange={(v) => onChange({ ...filters, state: split(v) })}
      />
      <Select
        label="Region"
        testId="filter-region"
        value={multi(filters.region)}
        options={withCurrent(choices.regions, multi(filters.region)).map((r) => ({ value: r, label: r }))}
        onChange={(v) => onChange({ ...filters, region: split(v) })}
      />
      {choices.accounts.length > 1 && (
        <Select
          label="Account"
          testId="filter-account"
          value={multi(filters.account)}
          options={withCurrent(
            choices.accounts.map((a) => a.value),
            multi(filters.account),
          ).map((value) => ({ value, label: choices.accounts.find((a) => a.value === value)?.label ?? value }))}
          onChange={(v) => onChange({ ...filters, account: split(v) })}
        />
      )}
      <Select
        label="VPC"
        testId="filter-vpc"
        value={filters.vpc}
        options={withCurrent(choices.vpcs, filters.vpc).map((v) => ({ value: v, label: v }))}
        onChange={(vpc) => onChange({ ...filters, vpc })}
      />
      <DebouncedInput
        label="Tag (key=value)"
        testId="filter-tag"
        value={filters.tag}
        placeholder="Environment=production"
        list={tagListId}
        onCommit={commitTag}
      />
      <datalist id={tagListId}>
        {choices.tags.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <DebouncedInput label="Search" testId="filter-q" value={filters.q} placeholder="id, name, tag…" onCommit={commitQ} wide />
      <label className="flex min-h-9 items-center gap-2 text-sm">
        <input
          type="checkbox"
          className="size-4 accent-blue-700"
          checked={filters.attention}
          onChange={(e) => onChange({ ...filters, attention: e.target.checked })}
          data-testid="filter-attention"
        />
        Needs attention
      </label>
      <button type="button" className={buttonClass.normal} disabled={!active} onClick={() => onChange(EMPTY_FILTERS)}>
        Clear filters
      </button>
    </form>
  );
}
