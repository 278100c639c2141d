/**
 * The Recovery view, read-only checks on the untouched demo seed (browse project): reached from the header,
 * one row per cluster that is not deleted, payments-prod's week-old us-west-2 copy behind its 24 h DR target
 * and its eu-west-1 copy in flight (or landed: the server runs at --speed 600), the status filter in the URL, the targets kept across a reload (in this
 * browser only: nothing is sent to AWS), usable at 390 px with the cluster's name in view, and no serious
 * axe finding in light and dark.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';

const table = (page: Page) => page.getByRole('table', { name: /Recovery/ });
const rowOf = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name, exact: true }) });
const summary = (page: Page) => page.getByTestId('recovery-summary');

async function openRecovery(page: Page, query = '') {
  await page.goto(`/recovery${query}`);
  await expect(table(page)).toBeVisible();
  // Settled: the summary counts every cluster (no region still loading, no cluster still being checked).
  await expect(summary(page)).toHaveText(
    /^\d+ on target, \d+ behind, \d+ without a backup(, \d+ not initialized \(nothing to back up\))?(; [^;]*DR copy behind)?$/,
  );
}

test('the header leads to the Recovery view, keeping the regions shown', async ({ page }) => {
  await page.goto('/clusters?regions=us-east-1,us-west-2,eu-west-1');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Recovery' }).click();
  await expect(page).toHaveURL(/\/recovery\?regions=us-east-1(%2C|,)us-west-2(%2C|,)eu-west-1/);
  await expect(table(page)).toBeVisible();
});

test('every cluster but the deleted one, with its newest backup, DR copies and status', async ({ page }) => {
  await openRecovery(page);
  // The server runs at --speed 600: hsm-poc (DELETE_IN_PROGRESS) may be gone already, the others stay.
  for (const name of [
    'payments-prod',
    'pki-root-ca',
    'tokenization-staging',
    'payments-dr',
    'analytics-dev',
    'payments-canary',
    'identity-eu-prod',
    'code-signing-staging',
  ])
    await expect(rowOf(page, name)).toHaveCount(1);
  const payments = rowOf(page, 'payments-prod');
  await expect(payments).toHaveAttribute('data-status', 'on-target');
  await expect(payments.getByTestId('recovery-newest')).toContainText(/backup-[a-z2-7]+/);
  const west = payments.locator('[data-testid="recovery-dr"][data-region="us-west-2"]');
  await expect(west).toHaveAttribute('data-status', 'behind');
  await expect(west).toContainText('7 days old');
  await expect(west).toContainText('Behind');
  const eu = payments.locator('[data-testid="recovery-dr"][data-region="eu-west-1"]');
  // In flight at seed time; at --speed 600 it may have landed already (then it is the newest copy, on target).
  await expect(eu).toContainText(/copying|On target/);
  await expect(rowOf(page, 'tokenization-staging').getByTestId('recovery-status')).toContainText('Nothing to back up');
  await expect(rowOf(page, 'code-signing-staging').getByTestId('recovery-status')).toContainText('No backup');
  await expect(page.getByRole('checkbox', { name: 'Select payments-prod' })).toBeVisible();
  await expect(summary(page)).toContainText('1 cluster with a DR copy behind');

  // The copy's link opens that backup (the page was opened on the default regions, so none are in the URL).
  await west.getByRole('link').click();
  await expect(page).toHaveURL(/\/backups\/us-west-2\/backup-[a-z2-7]+$/);
});

test('filters and sorts by status in the URL; at desktop width in dark mode axe finds nothing serious', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openRecovery(page, '?status=dr-behind');
  expect(await seriousViolations(page)).toEqual([]);
  await expect(table(page).getByTestId('recovery-row')).toHaveCount(1);
  await expect(rowOf(page, 'payments-prod')).toBeVisible();
  // The box follows the URL, which the router updates a moment after the click (not within it).
  await page.getByRole('checkbox', { name: 'DR copy behind' }).click();
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByRole('checkbox', { name: 'DR copy behind' })).not.toBeChecked();
  await page.getByRole('button', { name: /^Status/ }).click();
  await expect(page).toHaveURL(/sort=status%3Aasc|sort=status:asc/);
});

test("a cluster's targets are kept across a reload, in this browser only", async ({ page }) => {
  await openRecovery(page);
  await page.getByRole('button', { name: 'Edit the recovery targets of payments-prod' }).click();
  const dialog = page.getByRole('dialog', { name: 'Recovery targets of payments-prod' });
  await dialog.getByLabel(/Newest DR copy within/).fill('400');
  await dialog.getByRole('button', { name: 'Save for payments-prod' }).click();
  await expect(dialog).toBeHidden();
  const dr = rowOf(page, 'payments-prod').getByTestId('recovery-dr');
  await expect(dr.first()).toHaveAttribute('data-status', 'on-target');
  await page.reload();
  await expect(table(page)).toBeVisible();
  await expect(page.getByTestId('recovery-default-targets')).toContainText('1 cluster has its own');
  await expect(rowOf(page, 'payments-prod').locator('[data-testid="recovery-dr"][data-region="us-west-2"]')).toHaveAttribute(
    'data-status',
    'on-target',
  );
  // Leave the browser as found (the context is per test, but say so plainly).
  await page.evaluate(() => localStorage.removeItem('cloudhsm-dashboard:recovery-targets'));
});

test('at 390 px the table scrolls sideways inside its box with the cluster name in view; no serious axe finding', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openRecovery(page);
  // The page itself does not scroll sideways: the table's box does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const scroller = page.getByTestId('recovery-table-scroll');
  await scroller.evaluate((el) => el.scrollBy({ left: 600 }));
  const name = rowOf(page, 'payments-prod').getByRole('link', { name: 'payments-prod', exact: true });
  const box = (await name.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    expect(await seriousViolations(page)).toEqual([]);
  }
});
