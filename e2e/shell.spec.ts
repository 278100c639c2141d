import { expect, test, type Page } from '@playwright/test';

const describeCalls = (page: Page): string[] => {
  const calls: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['x-amz-target'] === 'BaldrApiService.DescribeClusters')
      calls.push(new URL(request.url()).pathname.replace(/\/$/, ''));
  });
  return calls;
};

test('the region picker narrows the list, lives in the URL and survives a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/clusters/);
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  const regionsOf = async () => new Set((await page.getByTestId('cluster-row').allInnerTexts()).map((t) => t.split('\t')[2]));
  expect(await regionsOf()).toEqual(new Set(['us-east-1', 'us-west-2', 'eu-west-1']));

  await page.getByRole('button', { name: /^Regions:/ }).click();
  const picker = page.getByRole('dialog', { name: 'Regions to show' });
  // Chosen regions come first, under their console names; a search finds a region by name.
  await expect(picker.getByRole('option').first()).toHaveAttribute('aria-checked', 'true');
  await picker.getByRole('combobox', { name: 'Search regions' }).fill('Frankfurt');
  await expect(picker.getByRole('option')).toHaveText(['Europe (Frankfurt)eu-central-1']);
  await picker.getByRole('combobox', { name: 'Search regions' }).fill('');
  // The URL changes in a navigation (a React transition): click, then wait for the new state.
  for (const name of ['US West (Oregon)', 'Europe (Ireland)']) {
    const option = picker.getByRole('option', { name: new RegExp(name.replace(/[()]/g, '\\$&')) });
    await option.click();
    await expect(option).toHaveAttribute('aria-checked', 'false');
  }
  await expect(page).toHaveURL(/regions=us-east-1(&|$)/);
  await expect.poll(regionsOf).toEqual(new Set(['us-east-1']));
  // The last region cannot be unticked.
  await expect(picker.getByRole('option', { name: /N\. Virginia/ })).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Escape');
  await expect(picker).toBeHidden();

  const calls = describeCalls(page);
  await page.reload();
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  expect(await regionsOf()).toEqual(new Set(['us-east-1']));
  expect(new Set(calls)).toEqual(new Set(['/aws/us-east-1']));

  // Back goes to the previous selection; forward returns.
  await page.goBack();
  await expect(page).toHaveURL(/regions=eu-west-1%2Cus-east-1|regions=eu-west-1,us-east-1/);
  await expect.poll(regionsOf).toEqual(new Set(['us-east-1', 'eu-west-1']));
  await page.goForward();
  await expect.poll(regionsOf).toEqual(new Set(['us-east-1']));
});

test('refresh asks the API again and says when the data was updated', async ({ page }) => {
  await page.goto('/clusters');
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  await expect(page.getByTestId('updated-ago')).toContainText(/updated/);
  const calls = describeCalls(page);
  await page.getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => calls.length).toBeGreaterThanOrEqual(3);
});

// axe in both themes runs in looks.spec.ts (every main page, at 1440 and 390 px).
test('the theme toggle switches light and dark, remembered across reloads', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/clusters');
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  const html = page.locator('html');
  await expect(html).not.toHaveClass(/dark/);

  const toggle = page.getByRole('button', { name: /change theme/ });
  await toggle.click(); // system → light
  await toggle.click(); // light → dark
  await expect(html).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/dark/);
});

test('an unknown address says so and links back to the list', async ({ page }) => {
  await page.goto('/nowhere');
  await expect(page.getByRole('alert')).toContainText('There is no page at this address');
  await page.getByRole('link', { name: 'cluster list' }).click();
  await expect(page).toHaveURL(/\/clusters/);
});

test('the first Tab stop skips the header to the main content', async ({ page }) => {
  await page.goto('/clusters');
  await expect(page.getByTestId('cluster-row').first()).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
});
