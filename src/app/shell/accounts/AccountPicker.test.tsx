// @vitest-environment happy-dom
/** The account picker: label and id, how each is reached, a failed account marked in words, the last one kept. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AccountInfo } from '../../../aws';
import { AccountPicker, accountSummary } from './AccountPicker';

const AVAILABLE: AccountInfo[] = [
  { id: '111122223333', label: 'security', source: 'base' },
  { id: '222233334444', label: 'workload', source: 'role', roleArn: 'arn:aws:iam::222233334444:role/dashboard-read' },
  { id: '333344445555', label: 'denied', source: 'role', error: 'AccessDenied: not authorized to perform sts:AssumeRole' },
];

function Harness({ initial }: { initial: string[] }) {
  const [ids, setIds] = useState(initial);
  return (
    <>
      <AccountPicker selected={ids} available={AVAILABLE} onChange={setIds} />
      <output data-testid="shown">{ids.join(',')}</output>
    </>
  );
}

const open = async () => {
  fireEvent.click(await screen.findByRole('button', { name: /^Accounts:/ }));
  return screen.findByRole('dialog', { name: 'Accounts to show' }, { timeout: 5000 });
};

afterEach(cleanup);

describe('AccountPicker', () => {
  it('says on the trigger which accounts are shown and how many could not be used', () => {
    expect(accountSummary(['111122223333', '222233334444'], AVAILABLE)).toEqual({ text: 'security, workload', failed: 0 });
    expect(accountSummary(['111122223333', '222233334444', '333344445555'], AVAILABLE)).toEqual({ text: '3 accounts', failed: 1 });
    render(<Harness initial={['111122223333', '222233334444', '333344445555']} />);
    expect(screen.getByRole('button', { name: 'Accounts: 3 accounts, 1 could not be used' })).toBeTruthy();
  });

  it('lists every account by label and id, with the failed one’s reason in words, and toggles with the checkboxes', async () => {
    render(<Harness initial={['111122223333', '222233334444', '333344445555']} />);
    const dialog = await open();
    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    expect(within(dialog).getByRole('checkbox', { name: /security \(111122223333\)/ })).toBeTruthy();
    const denied = within(dialog).getByRole('checkbox', { name: /denied \(333344445555\)/ });
    expect(denied.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(denied.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Could not be used: AccessDenied: not authorized to perform sts:AssumeRole',
    );
    expect(within(dialog).getByText('assumed role dashboard-read')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('checkbox', { name: /workload/ }));
    expect(screen.getByTestId('shown').textContent).toBe('111122223333,333344445555');
  });

  it('keeps the last account shown', async () => {
    render(<Harness initial={['222233334444']} />);
    const dialog = await open();
    const only = within(dialog).getByRole('checkbox', { name: /workload/ }) as HTMLInputElement;
    expect(only.checked).toBe(true);
    expect(only.disabled).toBe(true);
  });
});
