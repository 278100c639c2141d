/**
 * A filter of ticked choices (none ticked: all), in one row that wraps: the recovery view's "Show only" and the
 * lists' "Account". The value keeps the order the choices were ticked in; the caller writes it to its URL.
 */
export interface CheckboxFilterProps<T extends string> {
  legend: string;
  choices: readonly { value: T; label: string }[];
  value: readonly T[];
  onChange: (next: T[]) => void;
  'data-testid'?: string;
}

export function CheckboxFilter<T extends string>({ legend, choices, value, onChange, 'data-testid': testId }: CheckboxFilterProps<T>) {
  return (
    <fieldset className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid={testId}>
      <legend className="float-left mr-2 font-medium">{legend}</legend>
      {choices.map((c) => (
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
