import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// Columns of a cluster row (see src/features/clusters/list/ClusterTable.tsx).
const COL = { id: 0, name: 1, region: 2, state: 3, created: 9 } as const;

const rows = (page: Page) => page.getByTestId('cluster-row');
const column = async (page: Page, index: number): Promise<string[]> =>
  (
    await rows(page)
      .locator(`td:nth-child(${index + 1})`)
      .allInnerTexts()
  ).map((t) => t.trim());
const statesShown = (page: Page) => rows(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-state')));

async function openList(page: Page, search = ''): Promise<void> {
  await page.goto(`/clusters${search}`);
  await expect(rows(page).first()).toBeVisible();
}

test('filtering by state from the UI updates the URL and the rows, survives a reload, and back/forward work', async ({ page }) => {
  await openList(page);
  const total = await rows(page).count();
  expect(total).toBeGreaterThanOrEqual(8);

  await page.getByLabel('State', { exact: true }).selectOption('ACTIVE');
  await expect(page).toHaveURL(/[?&]state=ACTIVE(&|$)/);
  await expect.poll(() => statesShown(page)).toEqual(['ACTIVE', 'ACTIVE', 'ACTIVE', 'ACTIVE']);
  await expect(page.getByTestId('cluster-count')).toContainText(`Showing 4 of`);

  await page.reload();
  await expect(rows(page).first()).toBeVisible();
  await expect(page.getByLabel('State', { exact: true })).toHaveValue('ACTIVE');
  expect(new Set(await statesShown(page))).toEqual(new Set(['ACTIVE']));

  await page.goBack();
  await expect(page).not.toHaveURL(/state=/);
  await expect.poll(() => rows(page).count()).toBeGreaterThan(4);
  await expect(page.getByLabel('State', { exact: true })).toHaveValue('');
  await page.goForward();
  await expect(page).toHaveURL(/state=ACTIVE/);
  await expect.poll(() => rows(page).count()).toBe(4);
});

test('sorting by created toggles the order, and the header says so', async ({ page }) => {
  await openList(page);
  const header = page.getByRole('columnheader', { name: /Created/ });
  await expect(header).toHaveAttribute('aria-sort', 'none');
  await page.getByRole('button', { name: 'Created' }).click();
  await expect(page).toHaveURL(/sort=created%3Aasc|sort=created:asc/);
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await column(page, COL.created);
  expect(ascending.length).toBeGreaterThanOrEqual(8);
  expect([...ascending].sort()).toEqual(ascending);

  await page.getByRole('button', { name: 'Created' }).click();
  await expect(page).toHaveURL(/sort=created%3Adesc|sort=created:desc/);
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const descending = await column(page, COL.created);
  expect(descending).toEqual([...descending].sort().reverse());
  expect(descending[0]).toBe(ascending[ascending.length - 1]);
});

test('the text filter narrows the rows and lives in the URL', async ({ page }) => {
  await openList(page);
  await page.getByLabel('Search').fill('payments');
  await expect(page).toHaveURL(/[?&]q=payments/);
  await expect.poll(async () => (await column(page, COL.name)).sort()).toEqual(['payments-canary', 'payments-dr', 'payments-prod']);
  await page.getByLabel('Search').fill('payments us-west-2');
  await expect.poll(async () => (await column(page, COL.name)).sort()).toEqual(['payments-canary', 'payments-dr']);
  await page.getByLabel('Search').fill('no-such-cluster-anywhere');
  await expect(page.getByTestId('cluster-list-no-match')).toBeVisible();
  await expect(rows(page)).toHaveCount(0);
});

test('the tag filter Environment=production shows the production clusters only', async ({ page }) => {
  await openList(page);
  await page.getByLabel('Tag (key=value)').fill('Environment=production');
  await page.getByLabel('Tag (key=value)').press('Enter');
  await expect(page).toHaveURL(/[?&]tag=Environment%3Dproduction/);
  await expect
    .poll(async () => (await column(page, COL.name)).sort())
    .toEqual(['identity-eu-prod', 'payments-dr', 'payments-prod', 'pki-root-ca']);
  // A deep link carries the filter.
  await openList(page, '?tag=Environment%3Dstaging&sort=name:asc');
  await expect(page.getByLabel('Tag (key=value)')).toHaveValue('Environment=staging');
  expect(await column(page, COL.name)).toEqual(['code-signing-staging', 'payments-canary', 'tokenization-staging']);
});

test('CSV export downloads exactly the rows shown, in order', async ({ page }) => {
  await openList(page, '?tag=Environment%3Dproduction&sort=created:desc');
  await expect.poll(() => rows(page).count()).toBe(4);
  const ids = await column(page, COL.id);
  const regions = await column(page, COL.region);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^clusters-.*\.csv$/);
  const text = await readFile((await download.path())!, 'utf8');
  const lines = text.trimEnd().split('\r\n');
  expect(lines[0]).toMatch(/^Cluster ID,Name,Region,State,/);
  const records = lines.slice(1).map((line) => line.split(','));
  expect(records.map((r) => r[0])).toEqual(ids);
  expect(records.map((r) => r[2])).toEqual(regions);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
  const data = JSON.parse(await readFile((await json.path())!, 'utf8')) as { clusterId: string }[];
  expect(data.map((d) => d.clusterId)).toEqual(ids);
});

test('each cluster id links to its detail page; states read as words with their message', async ({ page }) => {
  await openList(page, '?state=INITIALIZED');
  await expect.poll(() => rows(page).count()).toBe(1);
  const link = rows(page).first().getByRole('link');
  const id = (await link.innerText()).trim();
  expect(await link.getAttribute('href')).toMatch(new RegExp(`^/clusters/eu-west-1/${id}(\\?|$)`));
  const state = rows(page).first().getByTestId('cluster-state');
  await expect(state).toContainText('Initialized');
  // The StateMessage is in the title (hover) and in a description read on focus.
  expect(await state.getAttribute('title')).toBeTruthy();
  await state.focus();
  await expect(state).toBeFocused();
});

test('no HA warning on the demo (every ACTIVE cluster spans two AZs or more); the logic is unit-tested', async ({ page }) => {
  await openList(page);
  await expect(page.getByTestId('ha-warning')).toHaveCount(0);
  await expect(rows(page).filter({ hasText: 'identity-eu-prod' })).toContainText('in 3 AZs');
});

test('the list has no serious or critical accessibility violation, filtered or not', async ({ page }) => {
  await openList(page);
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(await serious()).toEqual([]);
  await openList(page, '?state=ACTIVE&sort=name:desc');
  expect(await serious()).toEqual([]);
});

test('a region that fails names the operation, region and AWS error code, and the others still show', async ({ page }) => {
  await page.route(/\/aws\/eu-west-1\/?$/, (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/x-amz-json-1.1',
      headers: { 'x-amzn-RequestId': 'req-123' },
      body: JSON.stringify({ __type: 'CloudHsmAccessDeniedException', message: 'User is not authorized' }),
    }),
  );
  await openList(page);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('DescribeClusters in eu-west-1 failed');
  await expect(alert).toContainText('CloudHsmAccessDeniedException');
  await expect(alert).toContainText('req-123');
  expect(new Set(await column(page, COL.region))).toEqual(new Set(['us-east-1', 'us-west-2']));
});

test('thousands of clusters: only the rows in view are in the page, the header stays, the end is reachable', async ({ page }) => {
  const count = 3000;
  const clusters = Array.from({ length: count }, (_, i) => ({
    ClusterId: `cluster-${String(i).padStart(11, 'a')}`,
    State: i % 10 === 0 ? 'UNINITIALIZED' : 'ACTIVE',
    HsmType: 'hsm2m.medium',
    VpcId: 'vpc-0123456789abcdef0',
    CreateTimestamp: 1_760_000_000 + i * 60,
    Hsms: [
      { HsmId: `hsm-a${i}`, AvailabilityZone: 'us-east-1a', State: 'ACTIVE' },
      { HsmId: `hsm-b${i}`, AvailabilityZone: 'us-east-1b', State: 'ACTIVE' },
    ],
    TagList: [{ Key: 'Name', Value: `bulk-${String(i).padStart(4, '0')}` }],
  }));
  await page.route(/\/aws\/us-east-1\/?$/, (route) =>
    route.request().headers()['x-amz-target'] === 'BaldrApiService.DescribeClusters'
      ? route.fulfill({ status: 200, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({ Clusters: clusters }) })
      : route.continue(),
  );
  await openList(page, '?regions=us-east-1&sort=name:asc');
  await expect(page.getByRole('table')).toHaveAttribute('aria-rowcount', String(count + 1));
  expect(await rows(page).count()).toBeLessThan(100);
  await expect(rows(page).first()).toContainText('bulk-0000');
  // Scroll again until the end shows: the virtualiser's code loads lazily, and a scroll made while the
  // first rows stand in for it only reaches their end.
  await expect(async () => {
    await page.getByTestId('cluster-table-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(rows(page).last()).toContainText('bulk-2999', { timeout: 1_000 });
  }).toPass();
  await expect(rows(page).last()).toHaveAttribute('aria-rowindex', String(count + 1));
  await expect(page.getByRole('button', { name: 'Created' })).toBeInViewport();
  expect(await rows(page).count()).toBeLessThan(100);
});
