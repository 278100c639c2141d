/**
 * Orphaned backups on the Recovery view (issue 14): the scan finds the backups the decommissioned demo cluster
 * "card-issuing" left in us-east-1 (the cluster itself is gone), the group says how many, how old, and that its
 * cluster no longer exists; at a phone's width in dark mode it is a card that fits; "Delete N backups…" asks
 * for the former cluster id (a wrong one keeps the delete off), deletes them with progress and a result per
 * backup, and the group leaves the section. Checked through the API as well.
 *
 * Resources: every backup of the deleted cluster "card-issuing" (us-east-1; its newest carries the Name tag
 * card-issuing-v1-final). No other action spec touches them. At --speed 600 the demo's hsm-poc cluster
 * finishes deleting early, so its backups may show as a second group (eu-west-1, "Cluster DELETED"): this spec
 * only reads that one.
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../axe';
import { describeBackups, eventually } from './support';

const REGION = 'us-east-1';

/** The deleted cluster's id (random per seed), read off its final backup's Name tag. */
async function cardIssuingCluster(): Promise<string> {
  const ready = await describeBackups(REGION, { states: ['READY'] });
  const final = ready.find((b) => b.TagList?.some((t) => t.Key === 'Name' && t.Value === 'card-issuing-v1-final'));
  if (!final?.ClusterId) throw new Error('no backup named card-issuing-v1-final in us-east-1');
  return final.ClusterId;
}

const readyOf = async (clusterId: string) => describeBackups(REGION, { clusterIds: [clusterId], states: ['READY'] });

/** The section, once its scan has read every region. */
async function orphanSection(page: Page) {
  await page.goto('/recovery');
  const section = page.getByRole('region', { name: /Orphaned backups/ });
  await expect(section).toBeVisible();
  await expect(section.getByTestId('orphan-scan-progress')).toContainText(/^Scanned all [\d,]+ READY backups in /, { timeout: 30_000 });
  return section;
}

test('at 390 px in dark mode the deleted cluster’s group is a card that fits, and axe finds nothing serious', async ({ page }) => {
  const clusterId = await cardIssuingCluster();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  const section = await orphanSection(page);
  const card = section.getByTestId('orphan-group').filter({ hasText: clusterId });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Cluster no longer exists');
  const box = (await card.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the deleted cluster’s backups are listed and deleted with the typed id, each with its result', async ({ page }) => {
  const clusterId = await cardIssuingCluster();
  const section = await orphanSection(page);
  await expect(section.getByRole('table', { name: /Orphaned/ })).toBeVisible();
  const group = section.getByTestId('orphan-group').filter({ hasText: clusterId });
  await expect(group).toContainText('Cluster no longer exists');
  await expect(group).toContainText(REGION);
  await expect(group).toContainText('A backup is named “card-issuing-v1-final”');
  // The group counts what the API lists. (At --speed 600 the retention policy may purge the oldest one every
  // 2.4 minutes once the server has run ~26 minutes: the count is read from the page, then checked.)
  const n = Number((await group.getByTestId('orphan-count').textContent())?.match(/^(\d+) backups$/)?.[1]);
  expect(n).toBeGreaterThan(1);
  expect([n, n - 1]).toContain((await readyOf(clusterId)).length);
  await expect(group.getByTestId('orphan-age')).toContainText(/^The oldest is \d+ days old; together they span \d+ days\.$/);

  // By keyboard: focus the group's button and press Enter.
  const open = group.getByRole('button', { name: `Delete ${n} backups… of ${clusterId} in ${REGION}` });
  await open.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('PENDING_DELETION and stays restorable for 7 days');
  await expect(dialog.getByTestId('orphan-delete-list').locator('li')).toHaveCount(n);
  const confirm = dialog.getByTestId('bulk-delete-confirm');
  await expect(confirm).toHaveText(`Delete ${n} backups`);
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');

  // A near miss keeps it off; clicking does nothing.
  const input = dialog.getByLabel(`Type ${clusterId} to confirm`);
  await input.fill(clusterId.slice(0, -1));
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  // Playwright counts aria-disabled as not enabled: force the press, which must do nothing.
  await confirm.click({ force: true });
  await expect(dialog.getByTestId('bulk-progress')).toHaveCount(0);
  expect((await readyOf(clusterId)).length).toBeGreaterThan(0);

  await input.fill(clusterId);
  await expect(confirm).not.toHaveAttribute('aria-disabled', 'true');
  await confirm.click();
  await expect(dialog.getByTestId('bulk-succeeded')).toContainText(`${n} backups now PENDING_DELETION (restorable for 7 days)`, {
    timeout: 30_000,
  });
  await expect(dialog.getByTestId('bulk-failure')).toHaveCount(0);
  await eventually(
    () => readyOf(clusterId),
    (ready) => ready.length === 0,
  );

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByTestId('orphan-group').filter({ hasText: clusterId })).toHaveCount(0);
  // Focus stays in the section (the group's button is gone). Read as document.activeElement: toBeFocused also
  // needs the page to have the OS focus, which one of two browsers side by side may not.
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('orphaned-backups-heading');
});
