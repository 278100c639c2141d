// @vitest-environment happy-dom
/** A short text with its explanation on hover and on keyboard focus (and to screen readers); without one, plain text. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Hint } from './Hint';

afterEach(cleanup);

const tooltip = () => document.querySelector('[data-slot="tooltip"]');
const description = (el: HTMLElement) => document.getElementById(el.getAttribute('aria-describedby') ?? '')?.textContent;
const WHY = 'The clusters of us-east-1 could not be loaded.';

describe('Hint', () => {
  it('shows the explanation on hover and on focus; Escape hides it; screen readers hear it as the description', () => {
    render(
      <Hint hint={WHY} data-testid="h">
        unknown
      </Hint>,
    );
    const text = screen.getByTestId('h');
    expect(text.textContent).toBe('unknown');
    expect(description(text)).toBe(WHY);
    fireEvent.pointerEnter(text);
    expect(tooltip()?.textContent).toBe(WHY);
    fireEvent.pointerLeave(text);
    fireEvent.focus(text);
    expect(tooltip()?.textContent).toBe(WHY);
    fireEvent.keyDown(text, { key: 'Escape' });
    expect(tooltip()).toBeNull();
  });

  it('in a dense table it stays out of the tab order and still reads the explanation in order', () => {
    const { container } = render(
      <Hint hint={WHY} focusable={false} data-testid="h">
        unknown
      </Hint>,
    );
    expect(screen.getByTestId('h').hasAttribute('tabindex')).toBe(false);
    expect(container.textContent).toBe(`unknown (${WHY})`);
    fireEvent.pointerEnter(screen.getByTestId('h'));
    expect(tooltip()?.textContent).toBe(WHY);
  });

  it('without an explanation it is plain text: nothing to focus, no tooltip', () => {
    const { container } = render(<Hint data-testid="h">never</Hint>);
    expect(container.textContent).toBe('never');
    expect(container.querySelector('[tabindex]')).toBeNull();
    fireEvent.pointerEnter(screen.getByTestId('h'));
    expect(tooltip()).toBeNull();
  });
});
