import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';

const marks = (page: Page) => page.getByTestId('timeline-mark');
const rows = (page: Page) => page.getByTestId('backup-row');

async function openBackups(page: Page, query = '') {
  await page.goto(`/backups${query}`);
  await expect(marks(page).first()).toBeVisible();
  await expect(rows(page).first()).toBeVisible();
}

test('the timeline shows lanes grouped by region, marks, and links from a source to its copies', async ({ page }) => {
  await openBackups(page);
  const groups = page.getByTestId('timeline-group');
  await expect(groups).toHaveCount(3);
  expect(new Set(await groups.evaluateAll((els) => els.map((el) => el.getAttribute('data-region'))))).toEqual(
    new Set(['us-east-1', 'us-west-2', 'eu-west-1']),
  );
  // Lanes carry cluster names from the clusters' Name tags.
  await expect(page.getByTestId('timeline-lane').filter({ hasText: 'payments-prod' }).first()).toBeVisible();
  expect(await page.getByTestId('timeline-lane').count()).toBeGreaterThanOrEqual(5);
  expect(await marks(page).count()).toBeGreaterThan(20);

  // Copies of payments-prod in us-west-2 are linked to their source in us-east-1.
  const links = page.getByTestId('timeline-link');
  expect(await links.count()).toBeGreaterThan(0);
  const pairs = await links.evaluateAll((els) => els.map((el) => [el.getAttribute('data-source'), el.getAttribute('data-target')]));
  expect(pairs.some(([s, t]) => s?.startsWith('us-east-1/') && t?.startsWith('us-west-2/'))).toBe(true);

  // The pending-deletion backup shows as such, and when it will be purged; never-expires marks are marked.
  await page.getByRole('button', { name: '90 days' }).click();
  const pending = page.locator('[data-testid="timeline-mark"][data-state="PENDING_DELETION"]');
  await expect(pending).toHaveCount(1);
  // The state in the status model's words, as in the list and on the backup's page.
  await expect(pending).toHaveAttribute('aria-label', /^backup-[a-z2-7]{11} Pending deletion, .*will be purged \d{4}-\d\d-\d\d/);
  await pending.hover();
  await expect(page.getByTestId('timeline-tooltip')).toContainText('Will be purged');
  await expect(page.locator('[data-testid="timeline-mark"][data-never-expires="true"]').first()).toHaveAttribute(
    'aria-label',
    /never expires/,
  );
});

test('zoom buttons change the URL and the visible marks; pan moves the window', async ({ page }) => {
  await openBackups(page);
  const at30 = await marks(page).count();
  await page.getByRole('button', { name: '7 days' }).click();
  await expect(page).toHaveURL(/zoom=7d/);
  await expect.poll(() => marks(page).count()).toBeLessThan(at30);
  await page.getByRole('button', { name: '1 year' }).click();
  await expect(page).toHaveURL(/zoom=1y/);
  await expect(page.getByRole('button', { name: '1 year' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: '30 days' }).click();
  await expect(page).not.toHaveURL(/zoom=/);
  await page.getByRole('button', { name: '← Earlier' }).click();
  await expect(page).toHaveURL(/end=\d{4}-/);
  await page.getByRole('button', { name: 'Now', exact: true }).click();
  await expect(page).not.toHaveURL(/end=/);
});

test('keyboard: Tab into the timeline, arrows move between marks, Enter opens the backup', async ({ page }) => {
  await openBackups(page);
  // The first region's summary button (its name says the region and its backups), then the marks' one tab stop.
  const firstRegion = page.getByRole('button', { name: /^eu-west-1: \d+ backups in 30 days, \d+ clusters?/ });
  await expect(firstRegion).toHaveAttribute('aria-expanded', 'true');
  await firstRegion.focus();
  await page.keyboard.press('Tab');
  const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-mark-id') ?? null);
  const first = await focusedId();
  expect(first).toMatch(/^eu-west-1\/backup-/);
  expect(await marks(page).evaluateAll((els) => els.filter((el) => el.getAttribute('tabindex') === '0').length)).toBe(1);
  await expect(page.getByTestId('timeline-tooltip')).toBeVisible();
  // One tab stop for all the marks: the next Tab leaves eu-west-1's lanes for the next region's button.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^us-east-1: / })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  expect(await focusedId()).toBe(first);

  // Home and End go to the oldest and newest mark in time, whatever its lane.
  const xOf = (id: string | null) =>
    page
      .locator(`[data-mark-id="${id}"]`)
      .first()
      .evaluate((el) => el.getBoundingClientRect().x);
  const allX = await marks(page).evaluateAll((els) => els.map((el) => el.getBoundingClientRect().x));
  await page.keyboard.press('End');
  expect(await xOf(await focusedId())).toBeCloseTo(Math.max(...allX), 0);
  await page.keyboard.press('Home');
  const oldest = await focusedId();
  expect(await xOf(oldest)).toBeCloseTo(Math.min(...allX), 0);
  await page.keyboard.press('ArrowRight');
  const second = await focusedId();
  expect(second).not.toBe(oldest);
  expect(second).toMatch(/\/backup-/);

  await page.keyboard.press('Enter');
  const [region, backupId] = second!.split('/');
  await expect(page).toHaveURL(new RegExp(`/backups/${region}/${backupId}`));
  await expect(page.getByTestId('field-BackupId')).toContainText(backupId!);
});

test('list filters live in the URL: pending deletion with its purge date, never expires; selection syncs with the timeline', async ({
  page,
}) => {
  await openBackups(page);
  // The URL changes in a navigation (a React transition): click, then wait for the new state.
  // The filter reads as the state reads everywhere; the URL keeps the API's name.
  await page.getByRole('checkbox', { name: 'Pending deletion', exact: true }).click();
  await expect(page).toHaveURL(/state=PENDING_DELETION/);
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page).first().getByTestId('backup-state')).toHaveText('Pending deletion');
  await expect(rows(page).first().getByTestId('backup-state')).toHaveAttribute('data-state', 'PENDING_DELETION');
  await expect(rows(page).first()).toContainText('eu-west-1');
  await expect(rows(page).first().getByTestId('purge-at')).toContainText(/purge \d{4}-\d\d-\d\d/);

  await page.reload();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByRole('checkbox', { name: 'Pending deletion', exact: true })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Pending deletion', exact: true }).click();
  await expect(page).not.toHaveURL(/state=/);

  await page.getByLabel('Never expires', { exact: true }).selectOption('yes');
  await expect(page).toHaveURL(/never=yes/);
  await expect(rows(page)).toHaveCount(3);
  for (const row of await rows(page).all()) await expect(row.getByTestId('never-expires')).toBeVisible();

  // Ascending order in the URL.
  await page.getByLabel('Order').selectOption('asc');
  await expect(page).toHaveURL(/order=asc/);

  // Selecting a row selects (and brings into view) its mark on the timeline.
  const row = rows(page).first();
  const id = `${await row.getAttribute('data-region')}/${await row.getAttribute('data-backup-id')}`;
  await row.getByRole('button', { name: /on the timeline/ }).click();
  await expect(page).toHaveURL(/sel=/);
  await expect(page.locator(`[data-testid="timeline-mark"][data-mark-id="${id}"]`)).toHaveAttribute('data-selected', 'true');
  await expect(row).toHaveAttribute('aria-current', 'true');
});

test('a copy in us-west-2 shows its source in us-east-1, linked, with copies and tags; deep links survive a reload', async ({ page }) => {
  await openBackups(page, '?region=us-west-2&source=any');
  await expect(page).toHaveURL(/source=any/);
  // The list's Source cell is a link whose name carries the whole id (the cell may be cut short).
  const sourceLink = rows(page)
    .first()
    .getByRole('link', { name: /^Source backup backup-[2-7a-z]+ \(us-east-1\)$/ });
  await expect(sourceLink).toHaveAttribute('href', /^\/backups\/us-east-1\/backup-/);
  const copyRow = rows(page).first();
  const copyId = (await copyRow.getAttribute('data-backup-id'))!;
  await copyRow.getByRole('link', { name: copyId }).click();
  await expect(page).toHaveURL(new RegExp(`/backups/us-west-2/${copyId}$`));
  for (const field of [
    'BackupId',
    'BackupArn',
    'BackupState',
    'ClusterId',
    'CreateTimestamp',
    'CopyTimestamp',
    'NeverExpires',
    'HsmType',
    'Mode',
    'SourceRegion',
    'SourceBackup',
    'SourceCluster',
  ]) {
    await expect(page.getByTestId(`field-${field}`)).toBeVisible();
  }
  await expect(page.getByTestId('field-SourceRegion')).toContainText('us-east-1');
  await expect(page.getByTestId('field-BackupArn')).toContainText('arn:aws');
  await expect(page.getByTestId('copy-of')).toContainText('us-east-1');
  await expect(page.getByTestId('tag-chip').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.reload();
  await expect(page.getByTestId('field-BackupId')).toContainText(copyId);

  const source = page.getByTestId('source-backup-link');
  const sourceId = (await source.innerText()).trim();
  await source.click();
  await expect(page).toHaveURL(new RegExp(`/backups/us-east-1/${sourceId}$`));
  await expect(page.getByTestId('field-SourceBackup')).toContainText('—');
  // The source lists its copies, including the one we came from.
  await expect(page.getByTestId('copy-item').filter({ hasText: copyId })).toContainText('us-west-2');
  // Copies are looked for in the other shown regions only (never in the backup's own): the heading says which.
  await expect(page.getByTestId('copies-heading')).toContainText('Copies in the other shown regions (');
  await expect(page.getByTestId('copies-heading')).toContainText('us-west-2');
  await expect(page.getByTestId('copies-heading')).not.toContainText('us-east-1');
});

// axe on /backups runs in looks.spec.ts, at 1440 and 390 px in both themes.
test('a backup that does not exist says so', async ({ page }) => {
  await page.goto('/backups/us-east-1/backup-aaaaaaaaaaa');
  await expect(page.getByTestId('backup-not-found').or(page.getByTestId('aws-error'))).toBeVisible();
});

const isDescribeBackups = (target: string | undefined) => target === 'BaldrApiService.DescribeBackups';

test('a region that fails names the operation, region and AWS error code; the others still show', async ({ page }) => {
  await page.route(/\/aws\/us-west-2\/?$/, (route) =>
    isDescribeBackups(route.request().headers()['x-amz-target'])
      ? route.fulfill({
          status: 400,
          contentType: 'application/x-amz-json-1.1',
          headers: { 'x-amzn-RequestId': 'req-backups-1' },
          body: JSON.stringify({ __type: 'CloudHsmAccessDeniedException', message: 'User is not authorized' }),
        })
      : route.continue(),
  );
  await openBackups(page);
  const alert = page.getByTestId('aws-error');
  await expect(alert).toContainText('DescribeBackups in us-west-2 failed');
  await expect(alert).toContainText('CloudHsmAccessDeniedException');
  await expect(alert).toContainText('req-backups-1');
  const groups = await page.getByTestId('timeline-group').evaluateAll((els) => els.map((el) => el.getAttribute('data-region')));
  expect(new Set(groups)).toEqual(new Set(['us-east-1', 'eu-west-1']));
});

test('no backups at all shows an empty state', async ({ page }) => {
  await page.route(/\/aws\/[a-z0-9-]+\/?$/, (route) =>
    isDescribeBackups(route.request().headers()['x-amz-target'])
      ? route.fulfill({ status: 200, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({ Backups: [] }) })
      : route.continue(),
  );
  await page.goto('/backups');
  await expect(page.getByTestId('backups-empty')).toBeVisible();
  await expect(marks(page)).toHaveCount(0);
});

test('thousands of backups: the list renders only the rows in view', async ({ page }) => {
  const count = 5000;
  const t0 = Math.floor(Date.now() / 1000) - count * 600;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  const idOf = (i: number) => `backup-${Array.from({ length: 11 }, (_, k) => alphabet[Math.floor(i / 32 ** k) % 32]).join('')}`;
  const backups = Array.from({ length: count }, (_, i) => ({
    BackupId: idOf(i),
    ClusterId: 'cluster-aaaaaaaaaaa',
    BackupState: 'READY',
    CreateTimestamp: t0 + i * 600,
    NeverExpires: false,
  }));
  await page.route(/\/aws\/us-east-1\/?$/, (route) =>
    isDescribeBackups(route.request().headers()['x-amz-target'])
      ? route.fulfill({ status: 200, contentType: 'application/x-amz-json-1.1', body: JSON.stringify({ Backups: backups }) })
      : route.continue(),
  );
  await openBackups(page, '?regions=us-east-1&order=asc');
  await expect(page.getByTestId('backup-count')).toContainText(`${count} of ${count}`);
  expect(await rows(page).count()).toBeLessThan(60);
  await expect(rows(page).first()).toHaveAttribute('data-backup-id', idOf(0));
  await page.getByTestId('backup-list-scroller').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(rows(page).last()).toHaveAttribute('data-backup-id', idOf(count - 1));
});
