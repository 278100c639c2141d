/**
 * Create cluster from a backup, from the backup's page (issue 14): the form opens prefilled with what the
 * source cluster had (HSM type, retention, tags, and in its region its VPC and subnets), says where the values
 * came from and that the new cluster starts ACTIVE with the source's certificate and users; created, the
 * cluster is ACTIVE and the API shows the prefilled values.
 * Resources: reads payments-prod's newest READY us-east-1 backup (not a copy: no other action spec changes
 * payments-prod's us-east-1 backups; the newest never reaches its 180-day retention during a run at speed 600).
 * Creates its own cluster in us-east-1 (tagged Name=e2e-from-backup-…) and deletes it at the end, so views of
 * us-east-1 in other specs see it only briefly.
 */
import { DeleteClusterCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test } from '@playwright/test';
import { api, describeBackups, describeCluster, eventually, listTags } from './support';
import { seriousViolations } from '../axe';

const REGION = 'us-east-1';

let createdId: string | undefined;
test.afterEach(async () => {
  if (createdId) await api(REGION).send(new DeleteClusterCommand({ ClusterId: createdId }));
  createdId = undefined;
});

test('create a cluster from a payments-prod backup: prefilled from payments-prod, it starts ACTIVE with the same settings', async ({
  page,
}) => {
  const clusters = (await api(REGION).send(new DescribeClustersCommand({}))).Clusters ?? [];
  const payments = clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === 'payments-prod'));
  if (!payments?.ClusterId || !payments.VpcId) throw new Error(`no payments-prod cluster in ${REGION}`);
  const ready = (await describeBackups(REGION, { clusterIds: [payments.ClusterId], states: ['READY'] })).filter((b) => !b.SourceRegion);
  const backup = ready.sort((x, y) => (y.CreateTimestamp?.getTime() ?? 0) - (x.CreateTimestamp?.getTime() ?? 0))[0];
  if (!backup?.BackupId) throw new Error('payments-prod has no READY backup');
  const subnetIds = Object.values(payments.SubnetMapping ?? {}).sort();
  const sourceTags = (await listTags(REGION, payments.ClusterId)).filter((t) => t.Key !== 'Name');
  const name = `e2e-from-backup-${Date.now()}`;

  await page.goto(`/backups/${REGION}/${backup.BackupId}?regions=${REGION}`);
  await page.getByRole('link', { name: 'Create cluster from this backup' }).click();
  await expect(page).toHaveURL(/\/clusters\/new\?/);
  await expect(page.getByLabel('Create from a backup (optional)')).toHaveValue(backup.BackupId);

  // Where the values came from, once the source cluster is read.
  const note = page.getByTestId('prefill-note');
  await expect(note).toContainText('Prefilled from payments-prod', { timeout: 15_000 });
  await expect(note).toContainText(payments.ClusterId);
  await expect(page.getByTestId('restore-active-note')).toContainText('starts ACTIVE with the source cluster’s certificate and users');

  // What payments-prod had.
  await expect(page.getByRole('radio', { name: payments.HsmType ?? 'hsm2m.medium', exact: true })).toBeChecked();
  await expect(page.getByLabel('Backup retention (days)')).toHaveValue(payments.BackupRetentionPolicy?.Value ?? '');
  await expect(page.getByLabel('VPC', { exact: true })).toHaveValue(payments.VpcId);
  for (const [zone, subnetId] of Object.entries(payments.SubnetMapping ?? {})) {
    await expect(page.getByLabel(`Subnet in ${zone}`)).toHaveValue(subnetId);
  }
  for (const [i, tag] of sourceTags.entries()) {
    await expect(page.getByLabel(`Key, row ${i + 1}`)).toHaveValue(tag.Key ?? '');
    await expect(page.getByLabel(`Value, row ${i + 1}`)).toHaveValue(tag.Value ?? '');
  }
  const cli = page.getByTestId('cli-command');
  await expect(cli).toContainText(`--source-backup-id ${backup.BackupId}`);
  await expect(cli).toContainText(`--backup-retention-policy Type=DAYS,Value=${payments.BackupRetentionPolicy?.Value}`);
  expect(await seriousViolations(page)).toEqual([]);

  // The new cluster's own name (the source's Name is not copied).
  await page.getByRole('button', { name: 'Add tag' }).click();
  const row = sourceTags.length + 1;
  await page.getByLabel(`Key, row ${row}`).fill('Name');
  await page.getByLabel(`Value, row ${row}`).fill(name);

  await page.getByRole('button', { name: 'Create cluster' }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${REGION}/cluster-[a-z2-7]+`), { timeout: 15_000 });
  createdId = /\/(cluster-[a-z2-7]+)/.exec(page.url())![1]!;
  await expect(page.getByRole('status').filter({ hasText: 'was created' })).toContainText(`from backup ${backup.BackupId}`);
  await expect(page.getByTestId('field-state')).toContainText('Active', { timeout: 20_000 });

  const cluster = await eventually(
    () => describeCluster(REGION, createdId!),
    (c) => c?.State === 'ACTIVE',
  );
  expect(cluster?.SourceBackupId).toBe(backup.BackupId);
  expect(cluster?.HsmType).toBe(payments.HsmType);
  expect(cluster?.BackupRetentionPolicy).toEqual(payments.BackupRetentionPolicy);
  expect(cluster?.VpcId).toBe(payments.VpcId);
  expect(Object.values(cluster?.SubnetMapping ?? {}).sort()).toEqual(subnetIds);
  // The source's certificate: no initialization needed.
  expect(cluster?.Certificates?.ClusterCertificate).toBe(payments.Certificates?.ClusterCertificate);
  const tags = await listTags(REGION, createdId);
  const byKey = (a: { Key?: string }, b: { Key?: string }) => (a.Key ?? '').localeCompare(b.Key ?? '');
  expect([...tags].sort(byKey)).toEqual([...sourceTags, { Key: 'Name', Value: name }].sort(byKey));
});
