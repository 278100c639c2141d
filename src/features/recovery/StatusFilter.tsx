import type { StatusFilter as Status } from '../../cloudhsm/recovery';

const CHOICES: readonly { value: Status; label: string }[] = [
  { value: 'behind', label: 'Behind' },
  { value: 'no-backup', label: 'No backup' },
  { value: 'dr-behind', label: 'DR copy behind' },
  { value: 'on-target', label: 'On target' },
  { value: 'not-initialized', label: 'Not initialized' },
  { value: 'unknown', label: 'Not known yet' },
];

/** Which statuses to show (none ticked: all). */
export function StatusFilter({ value, onChange }: { value: readonly Status[]; onChange: (next: Status[]) => void }) {
  return (
    <fieldset className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
      <legend className="float-left mr-2 font-medium">Show only</legend>
      {CHOICES.map((c) => (
        <label key={c.value} className="inline-flex items-center gap-1.5">
          <input
            type="checkbox"
            className="size-4"
            checked={value.includes(c.value)}
            onChange={(e) => onChange(e.target.checked ? [...value, c.value] : value.filter((v) => v !== c.value))}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
