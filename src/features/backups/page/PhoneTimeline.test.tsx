// @vitest-environment happy-dom
/** On a phone the timeline waits behind "Show timeline" (the list is the fallback); on a desktop it is always there. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NARROW_QUERY } from '../../../ui';
import { PhoneTimeline } from './PhoneTimeline';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const screenIs = (phone: boolean) =>
  vi.stubGlobal('matchMedia', (query: string) => ({
    media: query,
    matches: phone && query === NARROW_QUERY,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));

describe('PhoneTimeline', () => {
  it('on a phone: hidden behind a disclosure button that shows and hides it', () => {
    screenIs(true);
    render(
      <PhoneTimeline>
        <div data-testid="timeline">timeline</div>
      </PhoneTimeline>,
    );
    const toggle = screen.getByRole('button', { name: 'Show timeline' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByTestId('timeline')).toBeNull();
    expect(screen.getByText('The list below shows the same backups.')).toBeTruthy();
    fireEvent.click(toggle);
    expect(screen.getByTestId('timeline')).toBeTruthy();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(toggle.getAttribute('aria-controls')!)?.contains(screen.getByTestId('timeline'))).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Hide timeline' }));
    expect(screen.queryByTestId('timeline')).toBeNull();
  });

  it('on a desktop: the timeline, no button', () => {
    screenIs(false);
    render(
      <PhoneTimeline>
        <div data-testid="timeline">timeline</div>
      </PhoneTimeline>,
    );
    expect(screen.getByTestId('timeline')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
