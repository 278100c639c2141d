/** "Account": one checkbox per shown account (none ticked: all), drawn only when several accounts can be asked. */
import { accountChoices, useListAccounts } from './listAccounts';

export function AccountFilter({ value, onChange }: { value: readonly string[]; onChange: (next: string[]) => void }) {
  const choices = accountChoices(useListAccounts());
  if (choices.length < 2) return null;
  return (
    <fieldset className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="account-filter">
      <legend className="float-left mr-2 font-medium">Account</legend>
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
