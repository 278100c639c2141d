// @vitest-environment happy-dom
/** The header's phone menu: a disclosure over the tools that Escape and a change of view close. */
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionInfo } from '../../aws';
import { sessionKey } from '../../aws/session';
import { testQueryClient } from '../../aws/testing/render';
import { Header } from './Header';

const SESSION: SessionInfo = { mode: 'emulator', regions: ['us-east-1'], readOnly: false, availableRegions: ['us-east-1', 'eu-west-1'] };

function renderHeader() {
  const client = testQueryClient();
  client.setQueryData(sessionKey, SESSION);
  render(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={['/clusters']}>
        <Header session={SESSION} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
  const menu = screen.getByRole('button', { name: 'Menu' });
  const tools = document.getElementById(menu.getAttribute('aria-controls') ?? '')!;
  return { menu, tools };
}

afterEach(cleanup);

describe('Header menu', () => {
  it('opens and closes the tools it controls', () => {
    const { menu, tools } = renderHeader();
    expect(tools.dataset.testid).toBe('header-tools');
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(tools.className).toMatch(/(^| )hidden( |$)/);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    expect(tools.className).not.toMatch(/(^| )hidden( |$)/);
    fireEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });

  it('Escape closes it and gives focus back to the Menu button', () => {
    const { menu } = renderHeader();
    fireEvent.click(menu);
    screen.getByRole('button', { name: 'Refresh' }).focus();
    act(() => void document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(menu.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(menu);
  });

  it('going to another view closes it', () => {
    const { menu } = renderHeader();
    fireEvent.click(menu);
    fireEvent.click(screen.getByRole('link', { name: 'Backups' }));
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });
});
