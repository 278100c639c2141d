// @vitest-environment happy-dom
/** The shared action controls: read-only and state reasons on ActionButton, type-the-id ConfirmDialog. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { ActionButton } from './ActionButton';
import { ConfirmDialog } from './ConfirmDialog';
import { Dialog, DialogClose } from './Dialog';
import { READ_ONLY_REASON, ReadOnlyReasonProvider } from './readOnly';

afterEach(cleanup);

function wrapper(readOnly: boolean) {
  return function ReadOnly({ children }: { children: ReactNode }) {
    return <ReadOnlyReasonProvider reason={readOnly ? READ_ONLY_REASON : null}>{children}</ReadOnlyReasonProvider>;
  };
}

/** Renders an ActionButton named `name` (in a read-only session or not) and clicks it; what its action saw. */
function clickActionButton(name: string, props: { local?: boolean }, readOnly: boolean) {
  const onClick = vi.fn();
  render(
    <ActionButton {...props} onClick={onClick}>
      {name}
    </ActionButton>,
    { wrapper: wrapper(readOnly) },
  );
  const button = screen.getByRole('button', { name });
  const ariaDisabled = button.getAttribute('aria-disabled');
  fireEvent.click(button);
  return { button, ariaDisabled, onClick };
}

describe('ActionButton', () => {
  it('runs its action when allowed', () => {
    const { ariaDisabled, onClick } = clickActionButton('Delete', {}, false);
    expect(ariaDisabled).toBeNull();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('in a read-only session stays focusable, says why, and does nothing', () => {
    const { button, ariaDisabled, onClick } = clickActionButton('Delete', {}, true);
    expect(ariaDisabled).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
    const describedBy = button.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(describedBy)?.textContent).toBe(READ_ONLY_REASON);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('in a read-only session a visible reason is left to the page banner: description and tooltip only', () => {
    render(
      <>
        <ActionButton disabledReason="Delete its 2 HSMs first." showReason>
          Delete cluster
        </ActionButton>
        <ActionButton showReason>Edit tags</ActionButton>
      </>,
      { wrapper: wrapper(true) },
    );
    for (const name of ['Delete cluster', 'Edit tags']) {
      const button = screen.getByRole('button', { name });
      expect(document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent).toBe(READ_ONLY_REASON);
    }
    // Said nowhere as visible text (the description is sr-only; the tooltip shows on focus or hover).
    expect(screen.queryAllByText(READ_ONLY_REASON).every((el) => el.className.includes('sr-only'))).toBe(true);
    expect(screen.queryByText('Delete its 2 HSMs first.')).toBeNull();
  });

  it('a local control (it changes nothing on the server, e.g. adding a form row) still works in a read-only session', () => {
    const { ariaDisabled, onClick } = clickActionButton('Add tag', { local: true }, true);
    expect(ariaDisabled).toBeNull();
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('gives a state reason, and ignores clicks while pending', () => {
    const onClick = vi.fn();
    const { rerender } = render(
      <ActionButton onClick={onClick} disabledReason="Delete its 2 HSMs first." showReason>
        Delete cluster
      </ActionButton>,
      { wrapper: wrapper(false) },
    );
    expect(screen.getByText('Delete its 2 HSMs first.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Delete cluster' }));
    rerender(
      <ActionButton onClick={onClick} pending pendingLabel="Deleting…">
        Delete cluster
      </ActionButton>,
    );
    const pending = screen.getByRole('button', { name: 'Deleting…' });
    expect(pending.getAttribute('aria-busy')).toBe('true');
    fireEvent.click(pending);
    expect(onClick).not.toHaveBeenCalled();
  });
});

describe('ConfirmDialog', () => {
  // The shape of the data layer's AwsRequestError, as the kit takes it (it knows nothing of src/aws).
  const error = Object.assign(new Error('DeleteCluster in us-east-1 failed'), {
    info: {
      code: 'CloudHsmInvalidRequestException',
      message: 'The cluster has HSMs.',
      requestId: 'req-1',
      operation: 'DeleteCluster',
      region: 'us-east-1',
      title: 'The request was refused',
    },
  });

  it('needs the id typed exactly before it confirms, and shows the AWS error in place', () => {
    const onConfirm = vi.fn();
    const deleteDialog = (shown: typeof error | null) => (
      <ConfirmDialog
        open
        onOpenChange={() => undefined}
        title="Delete cluster"
        description="This cannot be undone."
        confirmLabel="Delete"
        confirmText="cluster-abc"
        danger
        pending={false}
        error={shown}
        errorWhat="Could not delete"
        onConfirm={onConfirm}
      />
    );
    const { rerender } = render(deleteDialog(null), { wrapper: wrapper(false) });
    const dialog = screen.getByRole('dialog', { name: 'Delete cluster' });
    expect(dialog.textContent).toContain('This cannot be undone.');
    const confirm = screen.getByRole('button', { name: 'Delete' }) as HTMLButtonElement;
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    const typed = screen.getByLabelText(/Type cluster-abc to confirm/);
    fireEvent.change(typed, { target: { value: 'cluster-ab' } });
    expect(screen.queryByTestId('confirm-mismatch')).toBeNull();
    // Enter (a submit) with the wrong text says so, on the field, and confirms nothing.
    fireEvent.submit(confirm.closest('form')!);
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByTestId('confirm-mismatch').textContent).toContain('“cluster-ab” does not match: type cluster-abc exactly');
    expect(typed.getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.change(typed, { target: { value: 'cluster-abc' } });
    expect(confirm.getAttribute('aria-disabled')).toBeNull();
    expect(screen.queryByTestId('confirm-mismatch')).toBeNull();
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
    rerender(deleteDialog(error));
    expect(screen.getByRole('alert').textContent).toMatch(/nothing was changed.*CloudHsmInvalidRequestException: The cluster has HSMs\./s);
  });
});

describe('ConfirmDialog when the resource changed under it', () => {
  it('says why it can no longer confirm, and does not', () => {
    const onConfirm = vi.fn();
    render(
      <ConfirmDialog
        open
        onOpenChange={() => undefined}
        title="Delete backup"
        description="Restorable for 7 days."
        confirmLabel="Delete backup"
        pending={false}
        error={null}
        errorWhat="Could not delete"
        onConfirm={onConfirm}
        blockedReason="This backup is already PENDING_DELETION"
      />,
      { wrapper: wrapper(false) },
    );
    expect(screen.getByTestId('confirm-blocked').textContent).toBe('This backup is already PENDING_DELETION');
    const confirm = screen.getByRole('button', { name: 'Delete backup' });
    expect(confirm.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(confirm);
    expect(onConfirm).not.toHaveBeenCalled();
  });
});

describe('Dialog', () => {
  function Opener() {
    const [open, setOpen] = useState(false);
    return (
      <>
        <ActionButton onClick={() => setOpen(true)}>Change retention</ActionButton>
        <Dialog open={open} onOpenChange={setOpen} title="Change retention" description="Keep backups for 7 to 379 days.">
          <input aria-label="Days" />
          <DialogClose>Cancel</DialogClose>
        </Dialog>
      </>
    );
  }

  it('moves focus into the dialog and gives it back to the button that opened it', async () => {
    render(<Opener />, { wrapper: wrapper(false) });
    const opener = screen.getByRole('button', { name: 'Change retention' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Change retention' });
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });
});
