/**
 * Safe copies (issue 14): the first copy of a cluster's backups to a region asks first (the copy puts the
 * cluster's key material there and never expires); Cancel copies nothing; once the cluster has a copy there,
 * copying is one click again. A backup tagged data-residency=eu is not copied to us-east-1 unless the person
 * ticks the override in the "Data residency" dialog. Every outcome is checked through the API.
 *
 * Resources: the demo cluster "identity-eu-prod" in eu-west-1, its 3rd to 5th newest READY backups (no other
 * action spec copies or tags them: create-cluster restores from the newest eu-west-1 backup, read only;
 * edit-tags tags an eu-west-1 copy of payments-prod). Copies go to eu-north-1 (no demo data, no other spec) and
 * to us-east-1, where identity-eu-prod has no backups and the other specs count only pki-root-ca's.
 */
import { DescribeClustersCommand, TagResourceCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test } from '@playwright/test';
import { api, describeBackups, eventually } from './support';

const SOURCE = 'eu-west-1';

async function identity(): Promise<{ clusterId: string; backups: string[] }> {
  const clusters = (await api(SOURCE).send(new DescribeClustersCommand({}))).Clusters ?? [];
  const cluster = clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === 'identity-eu-prod'));
  if (!cluster?.ClusterId) throw new Error('no identity-eu-prod cluster in eu-west-1');
  const ready = await describeBackups(SOURCE, { clusterIds: [cluster.ClusterId], states: ['READY'] });
  return { clusterId: cluster.ClusterId, backups: ready.filter((b) => !b.SourceBackup).map((b) => b.BackupId ?? '') };
}

test('the first copy of a cluster to a new region asks; Cancel copies nothing; confirming copies; the next one is one click', async ({
  page,
}) => {
  const DEST = 'eu-north-1';
  const { clusterId, backups } = await identity();
  const [first, second] = [backups[2]!, backups[3]!];
  expect(await describeBackups(DEST, { clusterIds: [clusterId] })).toEqual([]);

  await page.goto(`/backups/${SOURCE}/${first}?regions=${SOURCE},${DEST}`);
  const copyButton = page.getByTestId('backup-actions').getByRole('button', { name: `Copy to ${DEST}` });
  await copyButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`First copy of identity-eu-prod (${clusterId}) to ${DEST}`);
  await expect(dialog).toContainText(`key material (encrypted) in ${DEST}`);
  await expect(dialog).toContainText('never expires');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(copyButton).toBeFocused();
  await expect(page.getByTestId('copy-tracker')).toHaveCount(0);
  expect(await describeBackups(DEST, { clusterIds: [clusterId] })).toEqual([]);

  await copyButton.click();
  await dialog.getByRole('button', { name: `Copy to ${DEST}` }).click();
  await expect(dialog).toHaveCount(0);
  const copies = await eventually(
    () => describeBackups(DEST, { sourceBackupIds: [first] }),
    (list) => list.length === 1,
  );
  expect(copies[0]?.ClusterId).toBe(clusterId);

  // The cluster has a copy there now: another of its backups goes in one click.
  await page.goto(`/backups/${SOURCE}/${second}?regions=${SOURCE},${DEST}`);
  await page
    .getByTestId('backup-actions')
    .getByRole('button', { name: `Copy to ${DEST}` })
    .click();
  await expect(page.getByTestId('copy-tracker').filter({ hasText: second })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await eventually(
    () => describeBackups(DEST, { sourceBackupIds: [second] }),
    (list) => list.length === 1,
  );
});

test('a backup tagged data-residency=eu is not copied to us-east-1 without the override', async ({ page }) => {
  const DEST = 'us-east-1';
  const { backups } = await identity();
  const source = backups[4]!;
  await api(SOURCE).send(new TagResourceCommand({ ResourceId: source, TagList: [{ Key: 'data-residency', Value: 'eu' }] }));

  await page.goto(`/backups/${SOURCE}/${source}?regions=${SOURCE},${DEST}`);
  const copyButton = page.getByTestId('backup-actions').getByRole('button', { name: `Copy to ${DEST}` });
  await copyButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Data residency');
  await expect(dialog).toContainText('data-residency=eu');
  await expect(dialog).toContainText(`${DEST} is outside`);
  const anyway = dialog.getByRole('button', { name: 'Copy anyway' });
  await expect(anyway).toHaveAttribute('aria-disabled', 'true');
  await anyway.click({ force: true });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await describeBackups(DEST, { sourceBackupIds: [source] })).toEqual([]);

  await copyButton.click();
  await dialog.getByRole('checkbox', { name: /I understand/ }).check();
  await expect(anyway).not.toHaveAttribute('aria-disabled', 'true');
  await anyway.click();
  await expect(dialog).toHaveCount(0);
  await eventually(
    () => describeBackups(DEST, { sourceBackupIds: [source] }),
    (list) => list.length === 1,
  );
});

test('Recovery: copy the newest backup of each selected cluster to a region, with the first-copy question, a cluster with nothing to copy stops it', async ({
  page,
}) => {
  // payments-dr (us-west-2) has no copies in eu-west-1; tokenization-staging has no backup to copy.
  const DEST = 'eu-west-1';
  const clusters = (await api('us-west-2').send(new DescribeClustersCommand({}))).Clusters ?? [];
  const dr = clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === 'payments-dr'))!;
  const newest = (await describeBackups('us-west-2', { clusterIds: [dr.ClusterId!], states: ['READY'] }))
    .filter((b) => !b.SourceBackup)
    .sort((a, b) => (b.CreateTimestamp?.getTime() ?? 0) - (a.CreateTimestamp?.getTime() ?? 0))[0]!;

  await page.goto('/recovery?regions=us-east-1,us-west-2,eu-west-1');
  await page.getByRole('checkbox', { name: 'Select payments-dr' }).check();
  await page.getByRole('checkbox', { name: 'Select tokenization-staging' }).check();
  const copyNewest = page.getByRole('button', { name: /^Copy newest/ });
  // A selected cluster with nothing to copy: off, saying which.
  await expect(copyNewest).toHaveAttribute('aria-disabled', 'true');
  await expect(copyNewest).toHaveAttribute('title', 'No known newest READY backup for tokenization-staging');
  await page.getByRole('checkbox', { name: 'Select tokenization-staging' }).uncheck();
  await copyNewest.click();
  const dialog = page.getByTestId('copy-newest-dialog');
  await dialog.getByLabel('Destination region').selectOption(DEST);
  await expect(dialog.getByTestId('copy-newest-list')).toContainText(newest.BackupId!);
  await dialog.getByTestId('copy-newest-confirm').click();

  // The first copy of payments-dr to eu-west-1: asked first, naming what it means.
  const guard = page.getByTestId('copy-guard-dialog');
  await expect(guard).toContainText('payments-dr');
  await expect(guard).toContainText('never expires');
  await guard.getByRole('button', { name: /^Copy to / }).click();
  await expect(dialog).toContainText(/copy to eu-west-1 started/);
  const copies = await eventually(
    () => describeBackups(DEST, { sourceBackupIds: [newest.BackupId!] }),
    (found) => found.length === 1,
  );
  expect(copies[0]!.SourceCluster).toBe(dr.ClusterId);
});
