// @vitest-environment happy-dom
/** Empty states say what is (not) there and offer the next step. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmptyState } from './EmptyState';

afterEach(cleanup);

describe('EmptyState', () => {
  it('says there is nothing yet and offers to make one', () => {
    render(
      <EmptyState
        title="No clusters"
        description="No clusters in us-east-1. Pick other regions, or create a cluster."
        action={<a href="/clusters/new">Create cluster</a>}
        data-testid="empty"
      />,
    );
    expect(screen.getByTestId('empty').textContent).toBe(
      'No clusters' + 'No clusters in us-east-1. Pick other regions, or create a cluster.' + 'Create cluster',
    );
    expect(screen.getByRole('link', { name: 'Create cluster' })).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('when filters hide everything, offers to clear them', () => {
    const clear = vi.fn();
    render(
      <EmptyState variant="no-match" title="No clusters match these filters" action={<button onClick={clear}>Clear filters</button>} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(clear).toHaveBeenCalledTimes(1);
  });

  it('an error says "Error" through its icon, and can be a section heading', () => {
    render(<EmptyState variant="error" title="Backups could not be loaded" headingLevel={3} />);
    expect(screen.getByRole('img', { name: 'Error' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Backups could not be loaded' })).toBeTruthy();
    // Not an alert: the failure itself is reported once, by an Alert or the status line.
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
