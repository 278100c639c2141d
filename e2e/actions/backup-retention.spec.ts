/**
 * Change a cluster's backup retention (ModifyCluster) from its page, checked through the API.
 * Resources: a cluster this spec creates in eu-central-1 (no demo data there, no other spec uses it), and the
 * demo cluster "payments-dr" in us-west-2 with its 44 daily backups (its retention is lowered here, which
 * purges most of them; no other action spec uses payments-dr or its backups — bulk-backups tags a us-west-2
 * copy of payments-prod, which belongs to no us-west-2 cluster and has no retention).
 */
import { CreateClusterCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test } from '@playwright/test';
import { api, describeBackups, describeCluster, eventually, networkOf } from './support';

const REGION = 'eu-central-1';

test('change backup retention: bad values are explained, a good one is saved and shown', async ({ page }) => {
  const info = await networkOf(REGION);
  const subnet = info.subnets[0]!;
  const created = await api(REGION).send(
    new CreateClusterCommand({
      HsmType: 'hsm2m.medium',
      SubnetIds: [subnet.SubnetId],
      BackupRetentionPolicy: { Type: 'DAYS', Value: '30' },
    }),
  );
  const clusterId = created.Cluster!.ClusterId!;
  await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.State === 'UNINITIALIZED',
  );

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

test('lowering the retention says how many backups it deletes, asks to confirm, and the count matches the API', async ({ page }) => {
  const REGION_DR = 'us-west-2';
  const clusters = (await api(REGION_DR).send(new DescribeClustersCommand({}))).Clusters ?? [];
  const dr = clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === 'payments-dr'));
  if (!dr?.ClusterId) throw new Error('no payments-dr cluster in us-west-2');
  const clusterId = dr.ClusterId;
  expect(dr.BackupRetentionPolicy?.Value).toBe('90');
  const pending = async () => (await describeBackups(REGION_DR, { clusterIds: [clusterId], states: ['PENDING_DELETION'] })).length;
  const pendingBefore = await pending();

  await page.goto(`/clusters/${REGION_DR}/${clusterId}`);
  const open = page.getByRole('button', { name: 'Change backup retention' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'Change backup retention' });
  const days = dialog.getByLabel('Keep backups for (days)');
  const impact = dialog.getByTestId('retention-impact');

  // Raising it deletes nothing and needs no confirmation.
  await days.fill('120');
  await expect(impact).toHaveText('No backup of this cluster is old enough to be deleted by this retention.');
  await expect(dialog.getByRole('checkbox')).toHaveCount(0);

  await days.fill('7');
  await expect(impact).toContainText(/^\d+ backups are older than 7 days and will be deleted \(restorable for 7 days\)\.$/);
  // A warning, said by its icon's name as well as its words.
  await expect(impact.getByRole('img', { name: 'Warning' })).toBeVisible();
  const warned = Number(/(\d+) backups/.exec((await impact.textContent()) ?? '')![1]);
  expect(warned).toBeGreaterThan(20);
  // The warning is part of the field's description.
  expect((await days.getAttribute('aria-describedby'))?.split(' ')).toContain(await impact.getAttribute('id'));
  const understood = dialog.getByRole('checkbox', { name: `I understand ${warned} backups will be deleted` });
  await expect(understood).not.toBeChecked();

  // Saving without the confirmation changes nothing and says why.
  await dialog.getByRole('button', { name: 'Save retention' }).click();
  await expect(dialog.getByTestId('retention-confirm-error')).toContainText('Tick the box to confirm');
  await expect(understood).toBeFocused();
  await expect(understood).toHaveAttribute('aria-invalid', 'true');
  expect((await describeCluster(REGION_DR, clusterId))?.BackupRetentionPolicy?.Value).toBe('90');
  expect(await pending()).toBe(pendingBefore);

  await understood.check();
  await dialog.getByRole('button', { name: 'Save retention' }).click();
  await expect(dialog).toHaveCount(0, { timeout: 15_000 });
  const purged = page.getByTestId('retention-purged');
  await expect(purged).toContainText(`${warned} backups went to pending deletion (PENDING_DELETION, restorable for 7 days)`);
  expect((await describeCluster(REGION_DR, clusterId))?.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '7' });
  expect((await pending()) - pendingBefore).toBe(warned);

  // The link opens the backup list filtered to this cluster's backups pending deletion.
  await purged.getByRole('link', { name: 'see them in the backup list' }).click();
  await expect(page).toHaveURL(/\/backups\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get('cluster')).toBe(clusterId);
  expect(url.searchParams.get('state')).toBe('PENDING_DELETION');
  expect(url.searchParams.get('region')).toBe(REGION_DR);
});
