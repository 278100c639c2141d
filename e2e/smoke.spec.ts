import { expect, test } from '@playwright/test';

test('the first page lists the demo clusters from the embedded emulator through the SDK', async ({ page }) => {
  const calls: string[] = [];
  page.on('request', (request) => {
    const target = request.headers()['x-amz-target'];
    if (target) calls.push(`${new URL(request.url()).pathname.replace(/\/$/, '')} ${target}`);
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'CloudHSM Dashboard' })).toBeVisible();
  // The header says what the server told /api/session: the embedded emulator and its account.
  await expect(page.getByTestId('session')).toContainText('Emulator');
  await expect(page.getByTestId('session')).toContainText('account 123456789012');
  const rows = page.getByTestId('cluster-row');
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeGreaterThanOrEqual(3);
  // Every row shows a real cluster id and a state from the API's enum.
  // (The state cell shows words such as "Active"; the row carries the API's value in data-state.)
  for (const text of await rows.allInnerTexts()) expect(text).toMatch(/cluster-[a-z2-7]{11}/);
  for (const state of await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-state') ?? ''))) {
    expect(state).toMatch(
      /^(CREATE_IN_PROGRESS|UNINITIALIZED|INITIALIZE_IN_PROGRESS|INITIALIZED|ACTIVE|DELETE_IN_PROGRESS|DELETED|DEGRADED|MODIFY_IN_PROGRESS)$/,
    );
  }
  // Cluster.Mode, which SDK 3.332 drops, came back through the data layer's extension (browser fetch bodies).
  const modes = await page.getByTestId('cluster-mode').allInnerTexts();
  expect(modes).toHaveLength(await rows.count());
  for (const mode of modes) expect(mode).toMatch(/^(FIPS|NON_FIPS)$/);
  // Timestamps came through as epoch seconds: no 1970 dates.
  await expect(page.getByText('1970-01-01')).toHaveCount(0);
  expect(calls).toContain('/aws/us-east-1 BaldrApiService.DescribeClusters');
  expect(calls).toContain('/aws/eu-west-1 BaldrApiService.DescribeClusters');
});

test('an API error is shown to the user, not swallowed', async ({ page }) => {
  await page.route(/\/aws\/us-west-2\/?$/, (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/x-amz-json-1.1',
      headers: { 'x-amzn-RequestId': 'test-request' },
      body: JSON.stringify({ __type: 'CloudHsmAccessDeniedException', message: 'User is not authorized' }),
    }),
  );
  await page.goto('/');
  await expect(page.getByRole('alert')).toContainText('DescribeClusters in us-west-2 failed');
  await expect(page.getByRole('alert')).toContainText('CloudHsmAccessDeniedException');
});
