// @vitest-environment happy-dom
/**
 * The backup list on a phone (below the sm breakpoint): each backup is a card of a fixed height (so the list
 * stays virtualised) showing its id, cluster, region, state, when it was created and when it expires, with its
 * checkbox and copy control; no part of it is wider than the screen. On a desktop: the table, as before.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createCloudHsmClients, sessionKey, type BackupWithExtras } from '../../../aws';
import { NARROW_QUERY } from '../../../ui';
import { providers, testQueryClient } from '../../testing/render';
import type { RetentionIndex } from '../expiry/expiryWords';
import { BackupList } from './BackupList';
import { CARD_HEIGHT, ROW_HEIGHT } from './columns';

// happy-dom lays nothing out: give the list's scroller a phone's viewport so the virtualiser draws rows.
const clientHeight = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
const clientWidth = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
beforeAll(() => {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 448 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 390 });
});
afterAll(() => {
  if (clientHeight) Object.defineProperty(HTMLElement.prototype, 'clientHeight', clientHeight);
  if (clientWidth) Object.defineProperty(HTMLElement.prototype, 'clientWidth', clientWidth);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const DAY = 86_400_000;
const CLUSTER = 'cluster-aaaaaaaaaaa';
const backups: BackupWithExtras[] = [0, 1, 2].map((i) => ({
  BackupId: `backup-aaaaaaaaaa${'abc'[i]}`,
  ClusterId: CLUSTER,
  BackupState: 'READY',
  CreateTimestamp: new Date(Date.now() - (i + 1) * DAY),
}));
const retention: RetentionIndex = {
  byId: new Map([[CLUSTER, { name: 'payments-prod', policy: { Type: 'DAYS', Value: '90' } }]]),
  failed: new Map(),
  loading: false,
};

function renderList(phone: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    media: query,
    matches: phone && query === NARROW_QUERY,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
  const queryClient = testQueryClient();
  queryClient.setQueryData(sessionKey, {
    mode: 'emulator',
    regions: ['us-east-1', 'us-west-2'],
    availableRegions: ['us-east-1', 'us-west-2'],
    readOnly: false,
  });
  const Providers = providers(queryClient, createCloudHsmClients({ baseUrl: 'http://127.0.0.1:9', maxAttempts: 1 }));
  const selection = { checked: new Set<string>(), onCheck: () => undefined, onCheckAll: () => undefined };
  return render(
    <Providers>
      <MemoryRouter>
        <BackupList
          rows={backups.map((backup) => ({ region: 'us-east-1', backup }))}
          clusterNames={new Map([[CLUSTER, 'payments-prod']])}
          selectedId={null}
          onSelect={() => undefined}
          selection={selection}
          retention={retention}
        />
      </MemoryRouter>
    </Providers>,
  );
}

describe('BackupList', () => {
  it('on a phone: stacked cards of one fixed height with id, cluster, region, state, created and expires; nothing sized wider than the screen', () => {
    const { container } = renderList(true);
    const cards = screen.getAllByTestId('backup-row');
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(card.style.height).toBe(`${CARD_HEIGHT}px`);
    const card = within(cards[0]!);
    expect(card.getByRole('link', { name: 'backup-aaaaaaaaaaa' })).toBeTruthy();
    expect(cards[0]!.textContent).toContain('payments-prod');
    expect(cards[0]!.textContent).toContain('us-east-1');
    expect(card.getByTestId('backup-state').textContent).toBe('Ready');
    expect(cards[0]!.textContent).toMatch(/created\d{4}-\d\d-\d\d/);
    expect(card.getByTestId('backup-expires').textContent).toMatch(/^expires\d{4}-\d\d-\d\d/);
    // Selection and actions stay reachable on the card.
    expect(card.getByRole('checkbox', { name: 'Select backup-aaaaaaaaaaa in us-east-1' })).toBeTruthy();
    expect(card.getByRole('button', { name: 'Show backup-aaaaaaaaaaa on the timeline' })).toBeTruthy();
    expect(card.getAllByRole('button', { name: /Copy/ }).length).toBeGreaterThan(0);
    expect(screen.getByRole('checkbox', { name: /Select all 3 shown backups/ })).toBeTruthy();
    // No minimum width, and no sideways scroller.
    expect(container.innerHTML).not.toMatch(/min-w-\[76rem\]|overflow-x-auto/);
  });

  it('on a desktop: the table, rows of the table height', () => {
    const { container } = renderList(false);
    for (const row of screen.getAllByTestId('backup-row')) expect(row.style.height).toBe(`${ROW_HEIGHT}px`);
    expect(screen.getByRole('columnheader', { name: 'Expires' }).className).not.toMatch(/sr-only/);
    expect(container.innerHTML).toMatch(/min-w-\[76rem\]/);
  });
});
