/**
 * The header's account picker (issue 15), drawn only when the server was started with several accounts. Like
 * the region picker, the trigger is drawn at once and the popover (Radix Popover) is fetched after the first
 * render; the list is short, so it is plain checkboxes (Tab and Space), no search.
 */
import { forwardRef, lazy, Suspense, useEffect, useState, type ComponentPropsWithoutRef } from 'react';
import type { AccountInfo } from '../../../aws';
import { buttonClasses } from '../../../ui/buttons';
import { StatusIcon } from '../../../ui/icons';

const loadPopover = () => import('./AccountPickerPopover');
const AccountPickerPopover = lazy(() =>
  loadPopover().catch(() => ({
    default: ({ selected, available }: { selected: string[]; available: AccountInfo[] }) => (
      <AccountTrigger
        selected={selected}
        available={available}
        aria-disabled="true"
        title="The account picker could not load: reload the page"
      />
    ),
  })),
);

/** The trigger's words: up to two labels, else a count; and how many of them failed. */
export function accountSummary(selected: readonly string[], available: readonly AccountInfo[]): { text: string; failed: number } {
  const shown = available.filter((a) => selected.includes(a.id));
  const text = shown.length <= 2 ? shown.map((a) => a.label).join(', ') : `${shown.length} accounts`;
  return { text, failed: shown.filter((a) => a.error).length };
}

interface AccountPickerProps {
  selected: string[];
  available: AccountInfo[];
  onChange: (ids: string[]) => void;
}

const AccountTrigger = forwardRef<HTMLButtonElement, ComponentPropsWithoutRef<'button'> & { selected: string[]; available: AccountInfo[] }>(
  function AccountTrigger({ selected, available, ...props }, ref) {
    const { text, failed } = accountSummary(selected, available);
    const failedWords = failed > 0 ? `, ${failed} could not be used` : '';
    return (
      <button
        ref={ref}
        type="button"
        aria-haspopup="dialog"
        {...props}
        aria-label={`Accounts: ${text}${failedWords}`}
        className={`${buttonClasses('normal', 'sm')} max-w-full`}
        data-testid="account-picker"
      >
        {failed > 0 && <StatusIcon name="error" className="shrink-0 text-red-700 dark:text-red-400" />}
        <span className="truncate">Accounts: {text}</span>
        <span aria-hidden="true">▾</span>
      </button>
    );
  },
);

export function AccountPicker({ selected, available, onChange }: AccountPickerProps) {
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    void loadPopover();
  }, []);
  const placeholder = <AccountTrigger selected={selected} available={available} aria-expanded={false} onClick={() => setWanted(true)} />;
  return (
    <Suspense fallback={placeholder}>
      <AccountPickerPopover
        selected={selected}
        available={available}
        onChange={onChange}
        defaultOpen={wanted}
        trigger={<AccountTrigger selected={selected} available={available} />}
      />
    </Suspense>
  );
}
