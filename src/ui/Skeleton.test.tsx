// @vitest-environment happy-dom
/** Skeletons are invisible to assistive tech, appear only when a load is slow, and take the content's shape. */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Skeleton, SkeletonList, SkeletonRows, SkeletonText } from './Skeleton';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  cleanup();
});

const bones = (root: ParentNode) => [...root.querySelectorAll('[data-slot="skeleton"]')];
const shown = (el: Element) => el.className.includes('opacity-100');

describe('Skeleton', () => {
  it('shows nothing for a fast load, then fades in after 100 ms, keeping its size all along', () => {
    const { container } = render(<Skeleton className="h-4 w-32" />);
    const [bone] = bones(container);
    expect(bone!.className).toContain('h-4 w-32');
    expect(shown(bone!)).toBe(false);
    act(() => vi.advanceTimersByTime(99));
    expect(shown(bone!)).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(shown(bone!)).toBe(true);
  });

  it('is hidden from assistive tech, and pulses only where motion is welcome', () => {
    const { container } = render(<Skeleton />);
    expect(container.firstElementChild!.getAttribute('aria-hidden')).toBe('true');
    expect(bones(container)[0]!.className).toContain('motion-safe:animate-pulse');
    expect(bones(container)[0]!.className).not.toMatch(/(^|\s)animate-pulse/);
  });

  it('draws text lines, the last one shorter', () => {
    const { container } = render(<SkeletonText lines={3} />);
    expect(bones(container)).toHaveLength(3);
    expect(bones(container)[2]!.className).toContain('w-3/5');
  });

  it('draws table rows with the table’s columns, inside its tbody, while the region says it is busy', () => {
    render(
      <table aria-busy="true" aria-label="Clusters">
        <thead>
          <tr>
            <th>Name</th>
            <th>State</th>
            <th>HSMs</th>
          </tr>
        </thead>
        <tbody>
          <SkeletonRows rows={4} columns={3} />
        </tbody>
      </table>,
    );
    const table = screen.getByRole('table', { name: 'Clusters' });
    expect(table.getAttribute('aria-busy')).toBe('true');
    const rows = table.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(4);
    expect(rows[0]!.querySelectorAll('td')).toHaveLength(3);
    // Assistive tech sees only the header row.
    expect(screen.getAllByRole('row')).toHaveLength(1);
  });

  it('draws list rows for content that is not a table', () => {
    const { container } = render(<SkeletonList rows={2} columns={3} />);
    expect(container.querySelectorAll('[data-slot="skeleton-row"]')).toHaveLength(2);
    expect(bones(container)).toHaveLength(6);
  });
});
