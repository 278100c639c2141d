/**
 * A --read-only session (its own server, E2E_PORT+2): every control that would change something is off and
 * says why, nothing opens when it is pressed, and the server refuses the call anyway if a page sends it.
 */
import { DescribeBackupsCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { createCloudHsmClients } from '../../src/aws/clients';

const BASE = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8399) + 2}`;
const REGION = 'us-east-1';
const api = createCloudHsmClients({ baseUrl: BASE, maxAttempts: 1 }).forRegion(REGION);

/** Buttons whose names say they change something. */
const MUTATING =
  /^(Create cluster|Add HSM|Delete|Change backup retention|Edit tags|Copy to|More copy destinations|Restore|Never expires|Initialize cluster|Delete selected|Tag selected|Test restore|Copy newest)/;

async function expectAllOff(page: Page, scope: Locator = page.locator('main')): Promise<number> {
  const controls = scope.getByRole('button', { name: MUTATING }).or(scope.getByRole('switch', { name: MUTATING }));
  await expect(controls.first()).toBeVisible();
  const all = await controls.all();
  for (const control of all) {
    const name = (await control.getAttribute('aria-label')) ?? (await control.innerText()).trim();
    await expect(control, name).toHaveAttribute('aria-disabled', 'true');
    await expect(control, name).toHaveAttribute('title', /--read-only/);
  }
  // The reason is said once, by the page's banner, not as a grey line under each control.
  await expect(page.getByTestId('read-only-banner')).toHaveCount(1);
  await expect(page.getByTestId('read-only-banner')).toBeVisible();
  // Descriptions for screen readers (sr-only, 1 px) are not visible text.
  const shown = await scope
    .getByText(/--read-only/)
    .evaluateAll((els) => els.filter((el) => el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1).length);
  expect(shown, 'visible mentions of --read-only').toBe(1);
  return all.length;
}

test('every mutating control is off with the reason, on every view, and pressing one opens nothing', async ({ page }) => {
  const clusters = (await api.send(new DescribeClustersCommand({}))).Clusters ?? [];
  const active = clusters.find((c) => c.State === 'ACTIVE' && (c.Hsms?.length ?? 0) > 0)!;
  const backups = (await api.send(new DescribeBackupsCommand({ Filters: { states: ['READY'] } }))).Backups ?? [];
  const backup = backups[0]!;

  await page.goto(`${BASE}/clusters`);
  await expect(page.getByTestId('session')).toContainText('read-only');
  await expect(page.getByRole('button', { name: 'Create cluster' })).toHaveAttribute('aria-disabled', 'true');
  expect(await expectAllOff(page)).toBeGreaterThan(0);

  await page.goto(`${BASE}/clusters/${REGION}/${active.ClusterId}?tab=hsms`);
  await expect(page.getByRole('button', { name: 'Add HSM' })).toBeVisible();
  expect(await expectAllOff(page)).toBeGreaterThanOrEqual(4);
  // aria-disabled controls stay focusable and clickable; a forced click must still do nothing.
  await page.getByRole('button', { name: 'Delete cluster' }).click({ force: true });
  await page.getByRole('button', { name: 'Add HSM' }).click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto(`${BASE}/clusters/${REGION}/${active.ClusterId}?tab=tags`);
  await expect(page.getByRole('button', { name: 'Edit tags' })).toBeVisible();
  await page.getByRole('button', { name: 'Edit tags' }).click({ force: true });
  await expect(page.getByRole('textbox')).toHaveCount(0);
  expect(await expectAllOff(page)).toBeGreaterThan(0);

  await page.goto(`${BASE}/backups/${REGION}/${backup.BackupId}`);
  await expect(page.getByTestId('delete-backup')).toBeVisible();
  expect(await expectAllOff(page)).toBeGreaterThanOrEqual(3);
  await page.getByTestId('delete-backup').click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto(`${BASE}/backups`);
  await expect(page.getByTestId('copy-backup').first()).toBeVisible();
  expect(await expectAllOff(page)).toBeGreaterThan(0);

  // The Recovery view: copy newest, test restore, and deleting an orphaned group (the demo's card-issuing).
  await page.goto(`${BASE}/recovery`);
  await expect(page.getByRole('button', { name: 'Test restore payments-prod', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Delete \d+ backups/ }).first()).toBeVisible();
  expect(await expectAllOff(page)).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Test restore payments-prod', exact: true }).click({ force: true });
  await page
    .getByRole('button', { name: /^Delete \d+ backups/ })
    .first()
    .click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.goto(`${BASE}/clusters/new`);
  await expect(page.getByRole('button', { name: 'Create cluster' })).toHaveAttribute('aria-disabled', 'true');
});

test('the server refuses a mutating call a page sends anyway, and nothing changes', async ({ page }) => {
  const backup = ((await api.send(new DescribeBackupsCommand({ Filters: { states: ['READY'] } }))).Backups ?? [])[0]!;
  await page.goto(`${BASE}/clusters`);
  const answer = await page.evaluate(
    async ({ region, backupId }) => {
      const response = await fetch(`/aws/${region}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'BaldrApiService.DeleteBackup' },
        body: JSON.stringify({ BackupId: backupId }),
      });
      return { status: response.status, body: (await response.json()) as { __type?: string; message?: string } };
    },
    { region: REGION, backupId: backup.BackupId! },
  );
  expect(answer.body.__type).toMatch(/AccessDenied/);
  expect(answer.body.message).toMatch(/--read-only/);
  const after = (await api.send(new DescribeBackupsCommand({ Filters: { backupIds: [backup.BackupId!] } }))).Backups?.[0];
  expect(after?.BackupState).toBe('READY');
});
