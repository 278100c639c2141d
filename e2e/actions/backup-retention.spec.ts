/**
 * Change a cluster's backup retention (ModifyCluster) from its page, checked through the API.
 * Resources: a cluster this spec creates in eu-central-1 (no demo data there, no other spec uses it).
 */
import { CreateClusterCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test } from '@playwright/test';
import { api, describeCluster, eventually, networkOf } from './support';

const REGION = 'eu-central-1';

test('change backup retention: bad values are explained, a good one is saved and shown', async ({ page }) => {
  const info = await networkOf(REGION);
  const subnet = info.subnets[0]!;
  const created = await api(REGION).send(
    new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: [subnet.SubnetId], BackupRetentionPolicy: { Type: 'DAYS', Value: '30' } }),
  );
  const clusterId = created.Cluster!.ClusterId!;
  await eventually(() => describeCluster(REGION, clusterId), (c) => c?.State === 'UNINITIALIZED');

  await page.goto(`/clusters/${REGION}/${clusterId}`);
  await expect(page.getByTestId('field-backup-retention')).toContainText('30 days');
  const open = page.getByRole('button', { name: 'Change backup retention' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Change backup retention' });
  await expect(dialog).toContainText('Currently 30 days');
  const days = dialog.getByLabel('Keep backups for (days)');
  await expect(days).toHaveValue('30');
  await expect(days).toBeFocused();
  const save = dialog.getByRole('button', { name: 'Save retention' });
  await expect(save).toBeDisabled();

  for (const [text, message] of [
    ['6', 'Backup retention must be between 7 and 379 days; 6 is too short.'],
    ['380', 'Backup retention must be between 7 and 379 days; 380 is too long.'],
    ['12.5', 'Backup retention must be a whole number of days (7–379); “12.5” is not.'],
  ] as const) {
    await days.fill(text);
    await expect(dialog.getByTestId('retention-error')).toHaveText(message);
    await expect(days).toHaveAttribute('aria-invalid', 'true');
    await save.click();
    await expect(dialog).toBeVisible();
  }
  expect((await describeCluster(REGION, clusterId))?.BackupRetentionPolicy?.Value).toBe('30');

  await days.fill('200');
  await expect(dialog.getByTestId('retention-error')).toHaveCount(0);
  await save.click();
  await expect(dialog).toHaveCount(0);
  await expect(open).toBeFocused();
  const notice = page.getByRole('status').filter({ hasText: 'are now kept for' });
  await expect(notice).toContainText(`Backups of cluster ${clusterId} are now kept for 200 days.`);
  await expect(page.getByTestId('field-backup-retention')).toContainText('200 days');
  expect((await describeCluster(REGION, clusterId))?.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '200' });

  // Escape closes the dialog without changing anything.
  await open.click();
  await page.getByRole('dialog', { name: 'Change backup retention' }).getByLabel('Keep backups for (days)').fill('100');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect((await describeCluster(REGION, clusterId))?.BackupRetentionPolicy?.Value).toBe('200');
});
