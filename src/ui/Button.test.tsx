// @vitest-environment happy-dom
/** Buttons: a button that is off stays reachable, says why (description + tooltip on hover and focus), and does nothing. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Button } from './Button';
import { BUTTON_VARIANTS, buttonClass, type ButtonVariant } from './buttons';

afterEach(cleanup);

const tooltip = () => document.querySelector('[data-slot="tooltip"]');
const description = (el: HTMLElement) =>
  (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent)
    .join(' ');

describe('Button', () => {
  it('runs its action when it can', () => {
    const onClick = vi.fn();
    render(<Button onClick={onClick}>Refresh</Button>);
    const button = screen.getByRole('button', { name: 'Refresh' });
    expect(button.getAttribute('aria-disabled')).toBeNull();
    expect(button.getAttribute('type')).toBe('button');
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('with a reason: stays focusable, is described by the reason, and a click does nothing', () => {
    const onClick = vi.fn();
    render(
      <Button variant="danger" onClick={onClick} disabledReason="Delete its 2 HSMs first.">
        Delete cluster
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Delete cluster' });
    expect(button.getAttribute('aria-disabled')).toBe('true');
    expect(button.hasAttribute('disabled')).toBe(false);
    button.focus();
    expect(document.activeElement).toBe(button);
    expect(description(button)).toBe('Delete its 2 HSMs first.');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('an off submit button does not submit its form', () => {
    const onSubmit = vi.fn((event: { preventDefault: () => void }) => event.preventDefault());
    render(
      <form onSubmit={onSubmit}>
        <Button type="submit" variant="primary" disabledReason="Nothing to save">
          Save
        </Button>
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the reason in a tooltip on keyboard focus, and Escape hides it', () => {
    render(<Button disabledReason="The dashboard is read-only.">Edit tags</Button>);
    const button = screen.getByRole('button', { name: 'Edit tags' });
    expect(tooltip()).toBeNull();
    fireEvent.focus(button);
    expect(tooltip()?.textContent).toBe('The dashboard is read-only.');
    fireEvent.keyDown(button, { key: 'Escape' });
    expect(tooltip()).toBeNull();
    fireEvent.blur(button);
    fireEvent.focus(button);
    expect(tooltip()).not.toBeNull();
    fireEvent.blur(button);
    expect(tooltip()).toBeNull();
  });

  it('keeps the tooltip when focus scrolls the page to the button', () => {
    render(<Button disabledReason="The dashboard is read-only.">Edit tags</Button>);
    fireEvent.focus(screen.getByRole('button', { name: 'Edit tags' }));
    fireEvent.scroll(window);
    expect(tooltip()?.textContent).toBe('The dashboard is read-only.');
  });

  it('shows the reason in a tooltip on hover', async () => {
    render(<Button disabledReason="Only READY backups can be copied">Copy</Button>);
    const button = screen.getByRole('button', { name: 'Copy' });
    fireEvent.pointerEnter(button);
    expect(tooltip()?.textContent).toBe('Only READY backups can be copied');
    fireEvent.pointerLeave(button);
    await vi.waitFor(() => expect(tooltip()).toBeNull());
  });

  it('can show the reason as text beside the button instead', () => {
    render(
      <Button disabledReason="At most 50 tags per resource" reasonDisplay="inline">
        Add tag
      </Button>,
    );
    const reason = screen.getByTestId('disabled-reason');
    expect(reason.textContent).toBe('At most 50 tags per resource');
    expect(reason.className).not.toContain('sr-only');
    fireEvent.focus(screen.getByRole('button', { name: 'Add tag' }));
    expect(tooltip()).toBeNull();
  });

  it('keeps the caller’s own description next to the reason', () => {
    render(
      <>
        <p id="hint">Takes a minute.</p>
        <Button aria-describedby="hint" disabledReason="Read-only session.">
          Create
        </Button>
      </>,
    );
    expect(description(screen.getByRole('button', { name: 'Create' }))).toBe('Read-only session. Takes a minute.');
  });

  it('while loading says so, is busy, and ignores clicks', () => {
    const onClick = vi.fn();
    render(
      <Button loading loadingText="Deleting…" onClick={onClick}>
        Delete
      </Button>,
    );
    const button = screen.getByRole('button', { name: 'Deleting…' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(button);
    expect(onClick).not.toHaveBeenCalled();
  });

  it('an icon-only button is named by its aria-label, and the ref reaches the button', () => {
    const ref = createRef<HTMLButtonElement>();
    render(
      <Button ref={ref} variant="icon" aria-label="Remove tag Owner">
        ×
      </Button>,
    );
    expect(screen.getByRole('button', { name: 'Remove tag Owner' })).toBe(ref.current);
  });
});

describe('one off look', () => {
  it('every variant looks the same when disabled or aria-disabled, in both themes', () => {
    const offClasses = (classes: string, prefix: string) =>
      classes
        .split(/\s+/)
        .filter((c) => c.startsWith(prefix) || c.startsWith(`dark:${prefix}`))
        .map((c) => c.replace(prefix, ''))
        .sort();
    const boxes: ButtonVariant[] = ['primary', 'normal', 'danger', 'icon'];
    const reference = offClasses(BUTTON_VARIANTS.primary, 'aria-disabled:');
    expect(reference).toContain('bg-slate-100');
    expect(reference).toContain('dark:bg-slate-800');
    for (const variant of boxes) {
      expect(offClasses(BUTTON_VARIANTS[variant], 'aria-disabled:')).toEqual(reference);
      expect(offClasses(BUTTON_VARIANTS[variant], 'disabled:')).toEqual(reference);
    }
    expect(offClasses(BUTTON_VARIANTS.link, 'aria-disabled:')).toEqual(offClasses(BUTTON_VARIANTS.link, 'disabled:'));
    expect(buttonClass.secondary).toBe(buttonClass.normal);
  });
});
