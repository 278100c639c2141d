/**
 * Confirmation for destructive or lasting changes. With `confirmText`, the person types it (an id) before the
 * confirm button works, as the AWS console does for deletes. The dialog stays open while the work runs and
 * shows the AWS error in place if it fails.
 */
import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { RequestErrorLike } from '../AwsErrorMessage';
import { buttonClass, inputClass } from '../buttons';
import { ActionError } from './ActionResult';
import { Dialog, DialogActions } from './Dialog';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: ReactNode;
  description: ReactNode;
  children?: ReactNode;
  confirmLabel: string;
  pendingLabel?: string;
  /** Text that must be typed exactly to enable the confirm button. */
  confirmText?: string;
  danger?: boolean;
  pending: boolean;
  error: RequestErrorLike | null;
  errorWhat: string;
  onConfirm: () => void;
  /** Why the change is no longer possible (the resource changed while the dialog was open): shown, and confirming is off. */
  blockedReason?: string | null;
  testId?: string;
}

export function ConfirmDialog(props: ConfirmDialogProps) {
  const {
    open,
    onOpenChange,
    title,
    description,
    children,
    confirmLabel,
    pendingLabel,
    confirmText,
    danger = false,
    pending,
    error,
    errorWhat,
    onConfirm,
    blockedReason = null,
    testId,
  } = props;
  const [typed, setTyped] = useState('');
  // Set when the person tried to confirm without the right text: only then is the mismatch an error.
  const [tried, setTried] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const mismatchId = useId();
  const matches = confirmText === undefined || typed.trim() === confirmText;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (pending || blockedReason) return;
    if (!matches) {
      setTried(true);
      input.current?.focus();
      return;
    }
    onConfirm();
  };
  const change = (next: boolean) => {
    if (!next) {
      setTyped('');
      setTried(false);
    }
    onOpenChange(next);
  };
  const showMismatch = tried && !matches && confirmText !== undefined;
  return (
    <Dialog open={open} onOpenChange={change} title={title} description={description} busy={pending} testId={testId}>
      <form onSubmit={submit} className="flex flex-col gap-3">
        {children}
        {confirmText !== undefined && (
          <div className="flex flex-col gap-1">
            <label htmlFor={inputId} className="text-sm">
              Type <span className="font-mono font-semibold">{confirmText}</span> to confirm
            </label>
            <input
              ref={input}
              id={inputId}
              className={`${inputClass} font-mono`}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              disabled={pending}
              aria-invalid={showMismatch || undefined}
              aria-describedby={showMismatch ? mismatchId : undefined}
            />
            {showMismatch && (
              <p id={mismatchId} className="text-sm text-red-700 dark:text-red-300" data-testid="confirm-mismatch">
                {typed.trim() === '' ? 'Type' : `“${typed.trim()}” does not match: type`} <span className="font-mono">{confirmText}</span>{' '}
                exactly to confirm.
              </p>
            )}
          </div>
        )}
        {error && <ActionError error={error} what={errorWhat} />}
        {blockedReason && (
          <p role="status" className="text-sm font-medium" data-testid="confirm-blocked">
            {blockedReason}
          </p>
        )}
        <DialogActions busy={pending}>
          {/* aria-disabled, not disabled, until the text matches: Enter still submits and says what is wrong. */}
          <button
            type="submit"
            className={danger ? buttonClass.danger : buttonClass.primary}
            disabled={pending}
            aria-disabled={!matches || blockedReason !== null || undefined}
            aria-busy={pending || undefined}
          >
            {pending ? (pendingLabel ?? `${confirmLabel}…`) : confirmLabel}
          </button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
