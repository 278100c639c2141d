/**
 * The account picker's popover: one checkbox per account the server was started with, labelled by label and
 * id ("security (111122223333)"), how it was reached (base credentials, role, profile), and for an account
 * the server could not use, an error icon and the reason in words. The last shown account cannot be unticked.
 */
import * as Popover from '@radix-ui/react-popover';
import { useId, type ReactNode } from 'react';
import { accountName, toggleAccount, type AccountInfo } from '../../../aws';
import { buttonClasses } from '../../../ui/buttons';
import { StatusIcon } from '../../../ui/icons';

export interface AccountPickerPopoverProps {
  selected: string[];
  available: AccountInfo[];
  onChange: (ids: string[]) => void;
  trigger: ReactNode;
  defaultOpen?: boolean;
}

const SOURCE_WORDS: Record<AccountInfo['source'], (a: AccountInfo) => string> = {
  base: (a) => (a.profile ? `base credentials (profile ${a.profile})` : 'base credentials'),
  role: (a) => `assumed role${a.roleArn ? ` ${a.roleArn.split('/').pop() ?? ''}` : ''}`,
  profile: (a) => `profile ${a.profile ?? a.label}`,
};

export default function AccountPickerPopover({ selected, available, onChange, trigger, defaultOpen = false }: AccountPickerPopoverProps) {
  const headingId = useId();
  return (
    <Popover.Root defaultOpen={defaultOpen}>
      <Popover.Trigger asChild>{trigger}</Popover.Trigger>
      <Popover.Portal>
        <Popover.Content
          align="end"
          sideOffset={4}
          collisionPadding={8}
          aria-label="Accounts to show"
          className="z-50 w-[min(24rem,calc(100vw-1rem))] rounded border border-slate-300 bg-white shadow-lg dark:border-slate-600 dark:bg-slate-900"
        >
          <fieldset className="max-h-[min(24rem,60vh)] overflow-auto p-2" aria-describedby={headingId}>
            <legend className="sr-only">Accounts to show</legend>
            <p id={headingId} className="mb-1 text-xs text-slate-600 dark:text-slate-400">
              {selected.length} of {available.length} accounts shown.
            </p>
            <ul className="m-0 list-none p-0">
              {available.map((account) => (
                <AccountItem
                  key={account.id}
                  account={account}
                  checked={selected.includes(account.id)}
                  last={selected.length === 1 && selected[0] === account.id}
                  onToggle={() => onChange(toggleAccount(selected, account.id, available))}
                />
              ))}
            </ul>
          </fieldset>
          <div className="flex justify-end border-t border-slate-200 p-2 dark:border-slate-700">
            <Popover.Close className={buttonClasses('normal', 'sm')}>Done</Popover.Close>
          </div>
        </Popover.Content>
      </Popover.Portal>
    </Popover.Root>
  );
}

function AccountItem({
  account,
  checked,
  last,
  onToggle,
}: {
  account: AccountInfo;
  checked: boolean;
  last: boolean;
  onToggle: () => void;
}) {
  const errorId = useId();
  return (
    <li className="rounded px-1 py-1 hover:bg-slate-100 dark:hover:bg-slate-800">
      <label className="flex cursor-pointer items-start gap-2 text-sm" title={last ? 'At least one account stays shown' : undefined}>
        <input
          type="checkbox"
          className="mt-0.5 size-4 shrink-0 accent-blue-700"
          checked={checked}
          // The last account cannot be unticked: something must be shown.
          disabled={last}
          onChange={onToggle}
          aria-describedby={account.error ? errorId : undefined}
        />
        <span className="min-w-0 flex-1">
          <span className="block break-words">{accountName(account)}</span>
          <span className="block text-xs text-slate-600 dark:text-slate-400">{SOURCE_WORDS[account.source](account)}</span>
          {account.error && (
            <span id={errorId} className="mt-0.5 flex items-start gap-1 text-xs text-red-800 dark:text-red-300">
              <StatusIcon name="error" className="mt-0.5 shrink-0" />
              <span className="break-words">Could not be used: {account.error}</span>
            </span>
          )}
        </span>
      </label>
    </li>
  );
}
