/** "Account": one checkbox per shown account (none ticked: all), drawn only when several accounts can be asked. */
import { CheckboxFilter } from '../../../ui';
import { accountChoices, useListAccounts } from './listAccounts';

export function AccountFilter({ value, onChange }: { value: readonly string[]; onChange: (next: string[]) => void }) {
  const choices = accountChoices(useListAccounts());
  if (choices.length < 2) return null;
  return <CheckboxFilter legend="Account" choices={choices} value={value} onChange={onChange} data-testid="account-filter" />;
}
