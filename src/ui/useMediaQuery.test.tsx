// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NARROW_QUERY, useMediaQuery } from './useMediaQuery';

function Probe() {
  return <output data-testid="narrow">{String(useMediaQuery(NARROW_QUERY))}</output>;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('useMediaQuery', () => {
  it('follows the media query as it changes', () => {
    const listeners = new Set<() => void>();
    let matches = true;
    vi.stubGlobal('matchMedia', (query: string) => ({
      media: query,
      get matches() {
        return matches;
      },
      addEventListener: (_: string, listener: () => void) => listeners.add(listener),
      removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
    }));
    render(<Probe />);
    expect(screen.getByTestId('narrow').textContent).toBe('true');
    act(() => {
      matches = false;
      for (const listener of listeners) listener();
    });
    expect(screen.getByTestId('narrow').textContent).toBe('false');
    cleanup();
    expect(listeners.size).toBe(0);
  });

  it('reports the wide layout where matchMedia is missing', () => {
    vi.stubGlobal('matchMedia', undefined);
    render(<Probe />);
    expect(screen.getByTestId('narrow').textContent).toBe('false');
  });
});
