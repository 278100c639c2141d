/**
 * The one modal dialog of the app, on Radix Dialog: it traps focus, closes on Escape, restores focus to the
 * control that opened it, and labels itself with its title and description.
 */
import * as RadixDialog from '@radix-ui/react-dialog';
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { buttonClass } from '../buttons';

export interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  /** One sentence saying what the dialog does (read out when it opens). */
  description: ReactNode;
  children: ReactNode;
  /** While work is pending the dialog cannot be dismissed (Escape and outside clicks are ignored). */
  busy?: boolean;
  wide?: boolean;
  testId?: string;
}

export function Dialog({ open, onOpenChange, title, description, children, busy = false, wide = false, testId }: DialogProps) {
  // Radix returns focus only to its own Dialog.Trigger; ours are opened by ActionButtons and menu items, so
  // remember what had focus when the dialog opened (layout effects run before Radix moves focus in).
  const returnTo = useRef<HTMLElement | null>(null);
  useLayoutEffect(() => {
    if (!open) return;
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement && active !== document.body ? active : null;
  }, [open]);
  const restoreFocus = (event: Event) => {
    const target = returnTo.current;
    if (target?.isConnected) {
      event.preventDefault();
      target.focus();
    }
  };
  return (
    <RadixDialog.Root open={open} onOpenChange={(next) => (busy && !next ? undefined : onOpenChange(next))}>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-slate-900/50" />
        <RadixDialog.Content
          data-testid={testId}
          onCloseAutoFocus={restoreFocus}
          className={`fixed top-1/2 left-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg border border-slate-300 bg-white p-5 text-slate-900 shadow-xl dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 ${wide ? 'max-w-3xl' : 'max-w-lg'}`}
        >
          <RadixDialog.Title className="mb-1 text-lg font-semibold">{title}</RadixDialog.Title>
          <RadixDialog.Description className="mb-4 text-sm text-slate-700 dark:text-slate-300">{description}</RadixDialog.Description>
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** A button that closes the surrounding dialog (Cancel). */
export const DialogClose = RadixDialog.Close;

/**
 * The row of buttons at the end of a dialog: the one that closes it (Cancel, or Close once the work is done),
 * then the dialog's own (`children`, e.g. its submit button). Closing is off while work runs (`busy`).
 */
export function DialogActions({
  busy,
  children,
  closeLabel = 'Cancel',
  closeVariant = 'secondary',
}: {
  busy: boolean;
  children?: ReactNode;
  closeLabel?: string;
  closeVariant?: 'primary' | 'secondary';
}) {
  return (
    <div className="mt-2 flex justify-end gap-2">
      <DialogClose asChild>
        <button type="button" className={buttonClass[closeVariant]} disabled={busy}>
          {closeLabel}
        </button>
      </DialogClose>
      {children}
    </div>
  );
}
