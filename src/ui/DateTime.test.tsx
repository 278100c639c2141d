// @vitest-environment happy-dom
/** Dates read in UTC, with the relative time on hover and on keyboard focus (and to screen readers); no date shows a dash. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from './DateTime';

afterEach(cleanup);

const now = Date.UTC(2026, 10, 23, 14, 3, 5);
const created = new Date(Date.UTC(2026, 10, 20, 14, 3, 5));
const tooltip = () => document.querySelector('[data-slot="tooltip"]');
const description = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;

describe('DateTime', () => {
  it('writes the UTC date and time in a machine-readable <time>', () => {
    render(<DateTime value={created} now={now} data-testid="d" />);
    const time = screen.getByTestId('d');
    expect(time.tagName).toBe('TIME');
    expect(time.textContent).toBe('2026-11-20 14:03:05 UTC');
    expect(time.getAttribute('datetime')).toBe('2026-11-20T14:03:05.000Z');
  });

  it('gives keyboard users the relative time: focusable, described by it, and shown in a tooltip on focus', () => {
    render(<DateTime value={created} now={now} data-testid="d" />);
    const time = screen.getByTestId('d');
    expect(time.tabIndex).toBe(0);
    expect(description(time)).toBe('3 days ago');
    fireEvent.focus(time);
    expect(tooltip()?.textContent).toBe('3 days ago');
    fireEvent.keyDown(time, { key: 'Escape' });
    expect(tooltip()).toBeNull();
  });

  it('shows the relative time on hover too', () => {
    render(<DateTime value={created} now={now} data-testid="d" />);
    fireEvent.pointerEnter(screen.getByTestId('d'));
    expect(tooltip()?.textContent).toBe('3 days ago');
  });

  it('writes the day only, or the relative time with the UTC time as its second reading', () => {
    render(
      <>
        <DateTime value={created.getTime()} format="date" now={now} data-testid="date" />
        <DateTime value={created.toISOString()} format="relative" now={now} data-testid="relative" />
      </>,
    );
    expect(screen.getByTestId('date').textContent).toBe('2026-11-20');
    expect(screen.getByTestId('relative').textContent).toBe('3 days ago');
    expect(description(screen.getByTestId('relative'))).toBe('2026-11-20 14:03:05 UTC');
  });

  it('in a dense table it can stay out of the tab order and still says both readings', () => {
    const { container } = render(<DateTime value={created} now={now} focusable={false} data-testid="d" />);
    expect(screen.getByTestId('d').hasAttribute('tabindex')).toBe(false);
    expect(container.textContent).toBe('2026-11-20 14:03:05 UTC (3 days ago)');
  });

  it('shows a dash, and nothing to focus, for a missing or unreadable date', () => {
    for (const value of [undefined, null, 'soon', Number.NaN]) {
      const { container, unmount } = render(<DateTime value={value} />);
      expect(container.textContent).toBe('—');
      expect(container.querySelector('time, [tabindex]')).toBeNull();
      unmount();
    }
  });
});
