// @vitest-environment happy-dom
/** The region picker: console names, search, chosen regions first, keyboard, and the last region kept. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RegionPicker } from './RegionPicker';

const AVAILABLE = ['ap-south-1', 'eu-central-1', 'eu-west-1', 'us-east-1', 'us-west-2'];

function Harness({ initial }: { initial: string[] }) {
  const [regions, setRegions] = useState(initial);
  return (
    <>
      <RegionPicker selected={regions} available={AVAILABLE} onChange={setRegions} />
      <output data-testid="shown">{regions.join(',')}</output>
    </>
  );
}

const open = async () => {
  // The popover's code arrives lazily; the first import in a test run can take a second or two.
  fireEvent.click(await screen.findByRole('button', { name: /^Regions:/ }));
  return screen.findByRole('dialog', { name: 'Regions to show' }, { timeout: 5000 });
};
const headings = (dialog: HTMLElement) => [...dialog.querySelectorAll('[cmdk-group-heading]')].map((h) => h.textContent);

beforeAll(() => {
  // cmdk scrolls the highlighted item into view; happy-dom has no layout.
  Element.prototype.scrollIntoView ??= () => undefined;
});
afterEach(cleanup);

describe('RegionPicker', () => {
  it('lists the chosen regions first, then the rest by geography, with the console names', async () => {
    render(<Harness initial={['us-west-2', 'eu-west-1']} />);
    const dialog = await open();
    expect(headings(dialog)).toEqual(['Selected', 'United States', 'Asia Pacific', 'Europe']);
    const options = within(dialog).getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual([
      'Europe (Ireland)eu-west-1',
      'US West (Oregon)us-west-2',
      'US East (N. Virginia)us-east-1',
      'Asia Pacific (Mumbai)ap-south-1',
      'Europe (Frankfurt)eu-central-1',
    ]);
    expect(options.slice(0, 2).map((o) => o.getAttribute('aria-checked'))).toEqual(['true', 'true']);
    expect(options[2]?.getAttribute('aria-checked')).toBe('false');
  });

  it('finds a region by its name or code and ticks it with Enter', async () => {
    render(<Harness initial={['us-east-1']} />);
    const dialog = await open();
    const search = within(dialog).getByRole('combobox', { name: 'Search regions' });
    fireEvent.change(search, { target: { value: 'Frankfurt' } });
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Europe (Frankfurt)eu-central-1']);
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(screen.getByTestId('shown').textContent).toBe('eu-central-1,us-east-1');

    fireEvent.change(search, { target: { value: 'nowhere' } });
    expect(within(dialog).queryAllByRole('option')).toEqual([]);
    expect(dialog.textContent).toContain('No region matches “nowhere”.');
  });

  it('unticks a chosen region on click, but never the last one', async () => {
    render(<Harness initial={['us-east-1', 'eu-west-1']} />);
    const dialog = await open();
    fireEvent.click(within(dialog).getByRole('option', { name: /Europe \(Ireland\)/ }));
    expect(screen.getByTestId('shown').textContent).toBe('us-east-1');
    const last = within(dialog).getByRole('option', { name: /US East \(N. Virginia\)/ });
    expect(last.getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(last);
    expect(screen.getByTestId('shown').textContent).toBe('us-east-1');
  });
});
