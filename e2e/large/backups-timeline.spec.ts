// The backups timeline on a large account (the `large` project's server: 300 clusters over four regions, 75 a
// region): it fits one screen, draws only the lanes in view, opens a region on request, finds a cluster, and
// the keyboard still reaches every mark of an open region.
import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from '../axe';

const scroller = (page: Page) => page.getByTestId('timeline-scroller');
const lanes = (page: Page) => page.getByTestId('timeline-lane');
const regionRows = (page: Page) => page.getByTestId('timeline-group');
const regionButton = (page: Page, region: string) => page.getByRole('button', { name: new RegExp(`^${region}: [\\d,]+ backups? in `) });
const focusedMark = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-mark-id') ?? null);
/** Lane keys drawn, top to bottom. */
const drawnLanes = (page: Page) => lanes(page).evaluateAll((els) => els.map((el) => el.getAttribute('data-lane')));
/** The element is inside the scrolling box's visible part, below the sticky axis. */
const inView = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const box = document.querySelector('[data-testid="timeline-scroller"]');
    if (!el || !box) return false;
    const r = el.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    return r.top >= b.top + 20 && r.bottom <= b.bottom + 1;
  }, selector);

// A large account takes longer to load and to draw than the demo: more time per test, no timed assertion.
test.describe.configure({ timeout: 120_000 });

async function openBackups(page: Page) {
  await page.goto('/backups');
  await expect(regionRows(page)).toHaveCount(4, { timeout: 30_000 });
}

test('hundreds of clusters: regions start collapsed with a density summary, the timeline fits the screen', async ({ page }) => {
  await openBackups(page);
  for (const region of ['ap-southeast-1', 'eu-west-1', 'us-east-1', 'us-west-2']) {
    // The summary in words: backups in the window and clusters (the strip draws the same per day).
    await expect(regionButton(page, region)).toHaveAttribute('aria-expanded', 'false');
    await expect(regionButton(page, region)).toHaveAccessibleName(
      /^[a-z0-9-]+: [\d,]+ backups in 30 days, \d+ clusters, at most \d+ in a day$/,
    );
  }
  await expect(page.getByTestId('density-strip')).toHaveCount(4);
  await expect(lanes(page)).toHaveCount(0);
  const total = Number((await page.getByTestId('timeline-cluster-count').innerText()).match(/^(\d+) clusters$/)![1]);
  // Hundreds: more than 50 in every region.
  expect(total).toBeGreaterThan(200);

  // Opening every region draws only the lanes in view, in a box no taller than the screen.
  await page.getByRole('button', { name: 'Show all clusters' }).click();
  await expect(regionButton(page, 'ap-southeast-1')).toHaveAttribute('aria-expanded', 'true');
  // The next regions' rows are far below, not drawn until scrolled to.
  await expect(regionButton(page, 'us-east-1')).toHaveCount(0);
  await expect(lanes(page).first()).toBeVisible();
  expect(await lanes(page).count()).toBeLessThan(60);
  const viewport = page.viewportSize()!;
  const box = (await scroller(page).boundingBox())!;
  expect(box.height).toBeLessThanOrEqual(Math.min(viewport.height, 640) + 2);
  const { scrollHeight, clientHeight } = await scroller(page).evaluate((el) => ({
    scrollHeight: el.scrollHeight,
    clientHeight: el.clientHeight,
  }));
  expect(scrollHeight).toBeGreaterThan(clientHeight * 10);

  // Scrolled to the end: other lanes, still a bounded number, and the axis stays on top.
  const firstDrawn = await drawnLanes(page);
  await scroller(page).evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect.poll(async () => (await drawnLanes(page)).at(-1)).not.toBe(firstDrawn.at(-1));
  expect(await lanes(page).count()).toBeLessThan(60);
  const axis = await page.getByTestId('timeline-axis').boundingBox();
  expect(axis!.y).toBeCloseTo(box.y + 1, -1);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a collapsed region opens on click; the filter box finds one cluster by name', async ({ page }) => {
  await openBackups(page);
  await regionButton(page, 'eu-west-1').click();
  await expect(regionButton(page, 'eu-west-1')).toHaveAttribute('aria-expanded', 'true');
  await expect(lanes(page).first()).toBeVisible();
  const keys = await drawnLanes(page);
  expect(keys.length).toBeLessThan(60);
  expect(keys.every((key) => key?.startsWith('eu-west-1/'))).toBe(true);
  // A name from the large seed (`team-app-environment-0042`), as the lane shows it.
  const name = (await lanes(page).nth(3).textContent())!;
  expect(name).toMatch(/^[a-z-]+-\d{4}$/);
  await regionButton(page, 'eu-west-1').click();
  await expect(lanes(page)).toHaveCount(0);

  await page.getByLabel('Find a cluster on the timeline').fill(name);
  await expect(page.getByTestId('timeline-cluster-count')).toHaveText(/^1 of \d+ clusters match$/);
  await expect(lanes(page)).toHaveCount(1);
  await expect(lanes(page).first()).toHaveText(name);
  // Only the matching region stays; the summary says how many of its clusters are shown.
  await expect(regionRows(page)).toHaveCount(1);
  await expect(regionButton(page, 'eu-west-1')).toHaveAccessibleName(/, 1 of \d+ clusters shown/);

  await page.getByLabel('Find a cluster on the timeline').fill('no-such-cluster');
  await expect(page.getByTestId('timeline-no-match')).toBeVisible();
  await page.getByRole('button', { name: "Clear the timeline's filter" }).click();
  await expect(regionRows(page)).toHaveCount(4);
});

test('keyboard: arrows move focus down an open region, scrolling the lanes into view', async ({ page }) => {
  await openBackups(page);
  await regionButton(page, 'ap-southeast-1').click();
  await regionButton(page, 'ap-southeast-1').focus();
  await page.keyboard.press('Tab');
  const first = await focusedMark(page);
  expect(first).toMatch(/^ap-southeast-1\//);

  const top = await scroller(page).evaluate((el) => el.scrollTop);
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const far = await focusedMark(page);
  expect(far).toMatch(/^ap-southeast-1\//);
  expect(far).not.toBe(first);
  // The lane of the focused mark is the 41st of the region, far below the first screen: scrolled to, drawn, seen.
  const laneOfFar = await page.evaluate(() => document.activeElement?.closest('[data-testid="timeline-lane"]')?.getAttribute('data-lane'));
  expect((await drawnLanes(page)).indexOf(laneOfFar!)).toBeGreaterThanOrEqual(0);
  expect(await scroller(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(top + 500);
  expect(await inView(page, `[data-mark-id="${far}"]`)).toBe(true);
  expect(await lanes(page).count()).toBeLessThan(60);
  // Still one tab stop.
  expect(await page.getByTestId('timeline-mark').evaluateAll((els) => els.filter((el) => el.getAttribute('tabindex') === '0').length)).toBe(
    1,
  );

  // Down past the region's last lane: the closed regions below are skipped, so focus stays in its last lane.
  for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
  const last = await focusedMark(page);
  expect(last?.split('/')[0]).toBe('ap-southeast-1');
  await expect(regionButton(page, 'eu-west-1')).toHaveAttribute('aria-expanded', 'false');
  expect(await inView(page, `[data-mark-id="${last}"]`)).toBe(true);

  // And back up to the first lane.
  for (let i = 0; i < 80; i++) await page.keyboard.press('ArrowUp');
  const back = await focusedMark(page);
  expect(back?.split('/')[0]).toBe('ap-southeast-1');
  expect(await inView(page, `[data-mark-id="${back}"]`)).toBe(true);
  expect(await scroller(page).evaluate((el) => el.scrollTop)).toBeLessThan(100);
});

test('selecting a backup in the list opens its region on the timeline and shows its mark', async ({ page }) => {
  await openBackups(page);
  const row = page.getByTestId('backup-row').first();
  await expect(row).toBeVisible();
  const region = (await row.getAttribute('data-region'))!;
  const id = `${region}/${await row.getAttribute('data-backup-id')}`;
  await expect(regionButton(page, region)).toHaveAttribute('aria-expanded', 'false');
  await row.getByRole('button', { name: /on the timeline/ }).click();
  const mark = page.locator(`[data-testid="timeline-mark"][data-mark-id="${id}"]`);
  await expect(mark).toHaveAttribute('data-selected', 'true');
  const selector = `[data-testid="timeline-mark"][data-mark-id="${id}"]`;
  await expect.poll(() => inView(page, selector)).toBe(true);
  await expect(mark.locator('xpath=ancestor::*[@data-testid="timeline-lane"]')).toHaveAttribute('data-lane', new RegExp(`^${region}/`));
  expect(await lanes(page).count()).toBeLessThan(60);
  // Its region was opened (its summary row is above, scrolled out of the box).
  await scroller(page).evaluate((el) => el.scrollTo(0, 0));
  await expect(regionButton(page, region)).toHaveAttribute('aria-expanded', 'true');
});

test('at 390 px in dark mode the timeline stays within the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  // On a phone the timeline waits behind "Show timeline" (the list of cards is the fallback).
  await page.goto('/backups');
  const show = page.getByRole('button', { name: 'Show timeline' });
  await expect(show).toBeVisible({ timeout: 30_000 });
  await show.click();
  await expect(regionRows(page)).toHaveCount(4, { timeout: 30_000 });
  await regionButton(page, 'us-west-2').click();
  await expect(lanes(page).first()).toBeVisible();
  const box = (await scroller(page).boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  expect(box.height).toBeLessThanOrEqual(844 * 0.7 + 2);
  // Every mark in a drawn lane lies inside the box (none hidden under the scrollbar or past the edge).
  const outside = await page
    .getByTestId('timeline-mark')
    .evaluateAll((els, right) => els.filter((el) => el.getBoundingClientRect().right > right + 8).length, box.x + box.width);
  expect(outside).toBe(0);
});
