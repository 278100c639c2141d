/**
 * Migrate a cluster from hsm1.medium to hsm2m.medium from its page (ModifyCluster with HsmType), follow it,
 * see the rollback countdown, roll back, and check each step through the API.
 * Resources: the demo cluster "pki-root-ca" in us-east-1 (the demo's only hsm1.medium cluster); no other
 * action spec changes the cluster itself. Others use some of its READY backups by index (pkiBackup: the list
 * is oldest first); the migration and the rollback each add one newer backup, so those indexes stay the same.
 * At --speed 600 each of its two HSMs takes 3 s to migrate (30 min each at speed 1), so about 6 s each way.
 */
import { DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test } from '@playwright/test';
import { seriousViolations } from '../axe';
import { api, describeCluster, eventually } from './support';

const REGION = 'us-east-1';
// SDK 3.332's Hsm type lacks HsmType (2025-01), though the member reaches the output intact.
const hsmTypeOf = (hsm: object): string | undefined => (hsm as { HsmType?: string }).HsmType;

async function pkiRootCa(): Promise<string> {
  const clusters = (await api(REGION).send(new DescribeClustersCommand({}))).Clusters ?? [];
  const pki = clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === 'pki-root-ca'));
  if (!pki?.ClusterId) throw new Error('no pki-root-ca cluster in us-east-1');
  return pki.ClusterId;
}

test('migrate pki-root-ca to hsm2m.medium, see the rollback countdown, and roll back to hsm1.medium', async ({ page }) => {
  test.setTimeout(120_000);
  const clusterId = await pkiRootCa();
  expect((await describeCluster(REGION, clusterId))?.HsmType).toBe('hsm1.medium');

  await page.goto(`/clusters/${REGION}/${clusterId}`);
  const migration = page.getByTestId('migration');
  await expect(migration).toContainText('HSM type: hsm1.medium');
  await expect(migration).toContainText('which has reached end of support');
  await migration.getByRole('button', { name: 'Migrate to hsm2m.medium' }).click();

  const dialog = page.getByRole('dialog', { name: 'Migrate to hsm2m.medium' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('check-cluster-active')).toHaveAttribute('data-status', 'passed');
  await expect(dialog.getByTestId('check-hsms-active')).toContainText('All 2 HSMs are ACTIVE.');
  await expect(dialog).toContainText('Client SDK 5.9.0 or later');
  await expect(dialog).toContainText('Limited-write mode during the migration');
  const submit = dialog.getByTestId('migrate-submit');
  await expect(submit).toHaveAttribute('aria-disabled', 'true');

  // The dialog at a phone's width in dark mode: it fits and axe finds nothing serious.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'light' });

  // A press before confirming changes nothing; the confirmations by keyboard (Space), then the migration.
  // (aria-disabled keeps it focusable, so it can say why; Playwright will not click it, a key press will try.)
  await submit.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  expect((await describeCluster(REGION, clusterId))?.State).toBe('ACTIVE');
  const sdk = dialog.getByRole('checkbox', { name: /every client uses Client SDK 5\.9\.0 or later/ });
  await sdk.focus();
  await page.keyboard.press('Space');
  await expect(sdk).toBeChecked();
  await dialog.getByRole('checkbox', { name: /no AWS KMS key store uses this cluster/ }).check();
  await expect(submit).not.toHaveAttribute('aria-disabled', 'true');
  await submit.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText(`Migration of ${clusterId} to hsm2m.medium started`);
  await expect(page.getByTestId('notice')).toBeFocused();

  // The page follows: in progress (limited-write), then migrated with the rollback window open.
  await expect(migration).toHaveAttribute('data-kind', /in-progress|rollback-available/);
  await expect(migration).toHaveAttribute('data-kind', 'rollback-available', { timeout: 30_000 });
  await expect(migration).toContainText('HSM type: hsm2m.medium');
  await expect(page.getByTestId('rollback-countdown')).toContainText(
    /Rollback to hsm1\.medium possible for (23 h \d+ min|24 h( \d+ min)?), until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC/,
  );
  const migrated = await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.State === 'ACTIVE' && c.HsmType === 'hsm2m.medium' && (c.Hsms ?? []).every((h) => hsmTypeOf(h) === 'hsm2m.medium'),
  );
  expect(migrated?.Hsms).toHaveLength(2);

  await migration.getByRole('button', { name: 'Roll back to hsm1.medium' }).click();
  const confirm = page.getByRole('dialog', { name: 'Roll back to hsm1.medium' });
  await expect(confirm).toContainText(/possible for (23 h \d+ min|24 h( \d+ min)?)/);
  await confirm.getByRole('button', { name: 'Roll back to hsm1.medium' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('notice')).toContainText(`Rollback of ${clusterId} to hsm1.medium started`);

  await expect(migration).toHaveAttribute('data-kind', 'possible', { timeout: 30_000 });
  await expect(migration).toContainText('HSM type: hsm1.medium');
  const back = await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.State === 'ACTIVE' && c.HsmType === 'hsm1.medium',
  );
  expect(back?.Hsms?.map(hsmTypeOf)).toEqual(['hsm1.medium', 'hsm1.medium']);
});
