/**
 * Bulk actions on the backups selected in the list (issue 5): the selection (row checkboxes, the header's
 * select-all with its mixed state, "N selected"), "Delete selected" with the count and the 7-day note,
 * progress, per-backup failures with their AWS code, skipping what cannot be deleted; "Tag selected" on
 * backups of two regions, each called in its own region. Every outcome is checked through the API.
 *
 * Resources: the two NeverExpires snapshots of the demo cluster "pki-root-ca" in us-east-1 (deleted here; the
 * other action specs use pki-root-ca's daily backups), and a weekly DR copy of "payments-prod" in us-west-2
 * with its source in us-east-1 (tagged here; no other action spec touches payments-prod backups).
 */
import { DescribeClustersCommand, TagResourceCommand, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test, type Page } from '@playwright/test';
import { api, describeBackups, eventually, listTags } from './support';
import { seriousViolations } from '../axe';

const asMap = (tags: readonly Tag[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

async function clusterNamed(region: string, name: string): Promise<string> {
  const out = await api(region).send(new DescribeClustersCommand({}));
  const cluster = out.Clusters?.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === name));
  if (!cluster?.ClusterId) throw new Error(`no cluster named ${name} in ${region}`);
  return cluster.ClusterId;
}

const stateOf = async (region: string, backupId: string) => (await describeBackups(region, { backupIds: [backupId] }))[0]?.BackupState;
const rowOf = (page: Page, backupId: string) => page.getByTestId('backup-row').filter({ hasText: backupId });

test('select, bulk delete with progress and per-backup failures, then skip what is no longer deletable', async ({ page }) => {
  const pki = await clusterNamed('us-east-1', 'pki-root-ca');
  const kept = await describeBackups('us-east-1', { clusterIds: [pki], neverExpires: ['true'], states: ['READY'] });
  expect(kept).toHaveLength(2);
  const [first, second] = kept.map((b) => b.BackupId!) as [string, string];

  await page.goto(`/backups?cluster=${pki}&never=yes`);
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  const all = page.getByRole('checkbox', { name: 'Select all 2 shown backups' });
  const count = page.getByTestId('selection-count');
  await expect(count).toHaveText('0 selected');
  await expect(page.getByRole('button', { name: 'Delete selected' })).toHaveAttribute('aria-disabled', 'true');

  // One row: the header is mixed; the header then selects every row shown.
  await rowOf(page, first)
    .getByRole('checkbox', { name: `Select ${first} in us-east-1` })
    .check();
  await expect(count).toHaveText('1 selected');
  expect(await all.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
  await all.check();
  await expect(count).toHaveText('2 selected');
  expect(await all.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(false);
  expect(await seriousViolations(page)).toEqual([]);
  // The selection survives a filter that hides its rows. (Filters change the URL in a transition: click, then
  // wait for the new state.)
  await page.getByRole('checkbox', { name: 'Pending deletion', exact: true }).click();
  await expect(page).toHaveURL(/state=PENDING_DELETION/);
  await expect(count).toHaveText('2 selected, 2 of them hidden by the filters');
  await page.getByRole('checkbox', { name: 'Pending deletion', exact: true }).click();
  await expect(page).not.toHaveURL(/state=/);
  await expect(count).toHaveText('2 selected');

  // AWS refuses one of the two: the report names it with its code; the other is deleted.
  await page.route(/\/aws\/us-east-1\/?$/, (route) =>
    route.request().headers()['x-amz-target'] === 'BaldrApiService.DeleteBackup' && route.request().postData()?.includes(second)
      ? route.fulfill({
          status: 400,
          contentType: 'application/x-amz-json-1.1',
          headers: { 'x-amzn-RequestId': 'req-bulk-1' },
          body: JSON.stringify({ __type: 'CloudHsmInternalFailureException', message: 'Try again later' }),
        })
      : route.continue(),
  );
  const deleteSelected = page.getByRole('button', { name: 'Delete selected' });
  await deleteSelected.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete 2 backups?');
  await expect(dialog).toContainText('Each becomes PENDING_DELETION and can be restored for 7 days; after that it is purged.');
  await expect(dialog.getByTestId('bulk-delete-list')).toContainText(first);
  await expect(dialog.getByTestId('bulk-delete-list')).toContainText(second);
  await dialog.getByRole('button', { name: 'Delete 2 backups' }).click();
  await expect(dialog.getByTestId('bulk-progress')).toContainText('Deleting: 2 of 2, 1 failed');
  await expect(dialog.getByTestId('bulk-succeeded')).toContainText('1 backup now PENDING_DELETION (restorable for 7 days)');
  await expect(dialog.getByTestId('bulk-succeeded')).toContainText(first);
  const failure = dialog.getByTestId('bulk-failure');
  await expect(failure).toContainText(second);
  await expect(failure).toContainText('CloudHsmInternalFailureException: Try again later (request req-bulk-1)');
  expect(await stateOf('us-east-1', first)).toBe('PENDING_DELETION');
  expect(await stateOf('us-east-1', second)).toBe('READY');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(deleteSelected).toBeFocused();
  // What was deleted leaves the selection; what failed stays, ready for another try.
  await expect(count).toHaveText('1 selected');
  await page.unroute(/\/aws\/us-east-1\/?$/);

  await deleteSelected.click();
  await dialog.getByRole('button', { name: 'Delete 1 backup' }).click();
  await expect(dialog.getByTestId('bulk-succeeded')).toContainText(second);
  await eventually(
    () => stateOf('us-east-1', second),
    (state) => state === 'PENDING_DELETION',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('backup-row').getByTestId('backup-state').filter({ hasText: 'Pending deletion' })).toHaveCount(2);
  await expect(page.getByTestId('backup-row').locator('[data-testid="backup-state"][data-state="PENDING_DELETION"]')).toHaveCount(2);

  // Both are PENDING_DELETION now: a bulk delete skips them and says why.
  await all.check();
  await deleteSelected.click();
  await expect(dialog.getByTestId('bulk-skipped')).toContainText('2 skipped');
  await expect(dialog.getByTestId('bulk-skipped')).toContainText('already PENDING_DELETION');
  await expect(dialog.getByRole('button', { name: 'Delete 0 backups' })).toHaveAttribute('aria-disabled', 'true');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('bulk tag backups of two regions: tags added and a key removed on each, in its own region', async ({ page }) => {
  const westCopies = (await describeBackups('us-west-2', {})).filter((b) => b.SourceRegion === 'us-east-1' && b.BackupState === 'READY');
  const euSources = new Set((await describeBackups('eu-west-1', {})).map((b) => b.SourceBackup));
  const copy = westCopies.find((b) => b.SourceBackup && !euSources.has(b.SourceBackup));
  if (!copy?.BackupId || !copy.SourceBackup) throw new Error('no payments-prod copy in us-west-2 without one in eu-west-1');
  const source = copy.SourceBackup;
  expect(asMap(await listTags('us-east-1', source))).toMatchObject({ Owner: 'payments-platform', Replication: 'cross-region-dr' });

  await page.goto(`/backups?source=${source}`);
  await expect(page.getByTestId('backup-row')).toHaveCount(2);
  await rowOf(page, source)
    .getByRole('checkbox', { name: `Select ${source} in us-east-1` })
    .check();
  await rowOf(page, copy.BackupId)
    .getByRole('checkbox', { name: `Select ${copy.BackupId} in us-west-2` })
    .check();
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');

  await page.getByRole('button', { name: 'Tag selected' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Tag 2 backups');
  const confirm = dialog.getByRole('button', { name: 'Tag 2 backups' });
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await expect(confirm).toHaveAccessibleDescription('Add at least one tag, or name a key to remove');

  // No empty row to start with: focus is on "Add tag", and the row it adds is row 1.
  const addTag = dialog.getByRole('button', { name: 'Add tag' });
  await expect(addTag).toBeFocused();
  await expect(dialog.getByTestId('tag-row')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('tag-row')).toHaveCount(1);
  await expect(dialog.getByLabel('Key, row 1')).toBeFocused();
  await dialog.getByLabel('Value, row 1').fill('x');
  await expect(dialog.getByTestId('tag-problem')).toHaveCount(1);
  await expect(confirm).toHaveAccessibleDescription(/^Row 1: /);
  await dialog.getByLabel('Key, row 1').fill('BulkTag');
  await dialog.getByLabel('Value, row 1').fill('e2e run');
  const remove = dialog.getByLabel('Keys to remove');
  await remove.fill('aws:owner');
  await expect(remove).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('bulk-tag-problems')).toContainText('keys starting with aws: are reserved');
  await expect(confirm).toHaveAttribute('aria-disabled', 'true');
  await remove.fill('Owner');
  await expect(remove).not.toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('Will add or overwrite 1 tag and remove 1 key on 2 backups.');
  expect(await seriousViolations(page)).toEqual([]);
  await confirm.click();

  await expect(dialog.getByTestId('bulk-progress')).toContainText('Tagging: 2 of 2');
  await expect(dialog.getByTestId('bulk-succeeded')).toContainText('2 backups tagged');
  for (const [region, id] of [
    ['us-east-1', source],
    ['us-west-2', copy.BackupId],
  ] as const) {
    const tags = asMap(await listTags(region, id));
    expect(tags).toMatchObject({ BulkTag: 'e2e run', Replication: 'cross-region-dr' });
    expect(tags).not.toHaveProperty('Owner');
  }
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Tag selected' })).toBeFocused();
  // Tagging keeps the selection (another change can follow).
  await expect(page.getByTestId('selection-count')).toHaveText('2 selected');

  // The copy gets 50 tags (the most a resource can have): adding one more to it would be refused, so the
  // dialog skips it, says why, and tags only the source.
  const filler = Array.from({ length: 50 - (await listTags('us-west-2', copy.BackupId)).length }, (_, i) => ({
    Key: `Fill${i}`,
    Value: 'x',
  }));
  await api('us-west-2').send(new TagResourceCommand({ ResourceId: copy.BackupId, TagList: filler }));
  expect(await listTags('us-west-2', copy.BackupId)).toHaveLength(50);
  await page.reload();
  await rowOf(page, source)
    .getByRole('checkbox', { name: `Select ${source} in us-east-1` })
    .check();
  await rowOf(page, copy.BackupId)
    .getByRole('checkbox', { name: `Select ${copy.BackupId} in us-west-2` })
    .check();
  await page.getByRole('button', { name: 'Tag selected' }).click();
  await expect(addTag).toBeFocused();
  await page.keyboard.press('Enter');
  await dialog.getByLabel('Key, row 1').fill('OneMore');
  const skipped = dialog.getByTestId('bulk-skipped');
  await expect(skipped).toContainText(copy.BackupId);
  await expect(skipped).toContainText('it has 50 tags; this change would make 51, over the limit of 50 per backup');
  await dialog.getByRole('button', { name: 'Tag 1 backup' }).click();
  await expect(dialog.getByTestId('bulk-succeeded')).toContainText('1 backup tagged');
  expect(asMap(await listTags('us-east-1', source))).toHaveProperty('OneMore');
  const copyTags = await listTags('us-west-2', copy.BackupId);
  expect(copyTags).toHaveLength(50);
  expect(asMap(copyTags)).not.toHaveProperty('OneMore');
});
