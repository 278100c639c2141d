/**
 * Every other page at a phone's width (390 px), in light and dark: the cluster page's tabs, the create form,
 * the initialize flow and a dialog. Nothing scrolls sideways, a dialog fits the screen, and axe finds no
 * serious or critical violation. (The four main pages are checked, with screenshots, in looks.spec.ts.)
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';

// Each test only reads: they may run on both workers at once (the rest of the suite keeps file order).
test.describe.configure({ mode: 'parallel' });

/** The demo cluster with this Name tag (ids differ per seed run). */
async function clusterId(page: Page, region: string, name: string): Promise<string> {
  const response = await page.request.post(`/aws/${region}`, {
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'BaldrApiService.DescribeClusters' },
    data: '{}',
  });
  const body = (await response.json()) as { Clusters: { ClusterId: string; TagList?: { Key: string; Value: string }[] }[] };
  const cluster = body.Clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === name));
  if (!cluster) throw new Error(`no cluster named ${name} in ${region}`);
  return cluster.ClusterId;
}

async function expectFitsAndPassesAxe(page: Page, what: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${what} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page), `${what}: serious or critical axe violations`).toEqual([]);
}

for (const theme of ['light', 'dark'] as const) {
  test(`phone ${theme}: the cluster tabs, the create form, the initialize flow and a dialog fit and pass axe`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
    const degraded = await clusterId(page, 'eu-west-1', 'identity-eu-prod');
    for (const tab of ['hsms', 'certificates', 'tags', 'backups']) {
      await test.step(`cluster ${tab} tab`, async () => {
        await page.goto(`/clusters/eu-west-1/${degraded}?tab=${tab}`);
        await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('aria-controls', /./);
        await expect(page.getByRole('tabpanel')).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await expectFitsAndPassesAxe(page, `${tab} tab`);
      });
    }
    await test.step('a dialog fits the screen', async () => {
      await page.goto(`/clusters/eu-west-1/${degraded}`);
      await page.getByRole('button', { name: 'Change backup retention' }).click();
      const dialog = page.getByRole('dialog');
      await expect(dialog).toBeVisible();
      const box = (await dialog.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      await expectFitsAndPassesAxe(page, 'retention dialog');
      await page.keyboard.press('Escape');
    });
    await test.step('create cluster form', async () => {
      await page.goto('/clusters/new');
      await expect(page.getByRole('heading', { name: /create cluster/i }).first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectFitsAndPassesAxe(page, 'create form');
    });
    await test.step('initialize flow', async () => {
      const uninitialized = await clusterId(page, 'us-east-1', 'tokenization-staging');
      await page.goto(`/clusters/us-east-1/${uninitialized}/initialize`);
      await expect(page.getByRole('heading', { name: /initialize/i }).first()).toBeVisible();
      await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
      await expectFitsAndPassesAxe(page, 'initialize flow');
    });
  });
}
