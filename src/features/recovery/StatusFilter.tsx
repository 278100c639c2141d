import type { StatusFilter as Status } from '../../cloudhsm/recovery';
import { CheckboxFilter } from '../../ui';

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
  return <CheckboxFilter legend="Show only" choices={CHOICES} value={value} onChange={onChange} />;
}
