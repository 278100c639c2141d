/**
 * How the four main pages look and read, at a desktop width (1440 px) and a phone's (390 px), in light and
 * dark: nothing scrolls sideways, axe finds no serious or critical violation, and each matches its reference
 * screenshot within a tolerance, so a visual regression fails the suite. What moves with the emulator's clock
 * (dates, "updated … ago", the timeline's drawing) is masked. References are per platform: where none exist
 * yet for this browser and OS (a laptop with Playwright's own Chromium), the first run writes them (the
 * config's updateSnapshots: 'missing').
 */
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';

// Each test only reads: they may run on both workers at once (the rest of the suite keeps file order).
test.describe.configure({ mode: 'parallel' });

const WIDTHS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const THEMES = ['light', 'dark'] as const;

/** The four pages, each opened the way a person gets there, and what says it has loaded. */
const PAGES: { name: string; open: (page: Page) => Promise<void> }[] = [
  {
    name: 'cluster-list',
    open: async (page) => {
      await page.goto('/clusters');
      await expect(page.getByTestId('cluster-row').first()).toBeVisible();
    },
  },
  {
    // The demo's degraded cluster: its trouble must show at the top of its page.
    name: 'cluster-page',
    open: async (page) => {
      await page.goto('/clusters');
      const row = page.getByTestId('cluster-row').filter({ hasText: 'identity-eu-prod' });
      await page.goto((await row.getByRole('link').first().getAttribute('href'))!);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
      await expect(page.getByText(/degraded/i).first()).toBeVisible();
    },
  },
  {
    name: 'backups',
    open: async (page) => {
      await page.goto('/backups');
      await expect(page.getByTestId('backup-row').first()).toBeVisible();
    },
  },
  {
    name: 'backup-page',
    open: async (page) => {
      await page.goto('/backups');
      const link = page
        .getByTestId('backup-row')
        .first()
        .getByRole('link', { name: /^backup-/ })
        .first();
      await page.goto((await link.getAttribute('href'))!);
      await expect(page.getByRole('heading', { name: /^Backup backup-/ })).toBeVisible();
      await expect(page.getByText('Expires', { exact: true }).first()).toBeVisible();
    },
  },
];

/** What changes from one run to the next without being a regression. */
const moving = (page: Page) => [
  page.locator('time'),
  page.getByTestId('updated-ago'),
  page.getByTestId('backup-timeline'),
  page.getByTestId('purge-countdown'),
];

for (const size of WIDTHS) {
  for (const theme of THEMES) {
    test(`${size.name} ${theme}: the main pages fit, pass axe and look as they did`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize({ width: size.width, height: size.height });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      for (const { name, open } of PAGES) {
        await test.step(name, async () => {
          await open(page);
          await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark)/);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, `${name} scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
          expect(await seriousViolations(page), `${name}: serious or critical axe violations`).toEqual([]);
          await expect(page).toHaveScreenshot(`${name}-${size.name}-${theme}.png`, {
            mask: moving(page),
            maxDiffPixelRatio: 0.02,
            animations: 'disabled',
            caret: 'hide',
          });
        });
      }
    });
  }
}
