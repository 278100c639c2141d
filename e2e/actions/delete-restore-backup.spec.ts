/**
 * Deleting and restoring a backup (issue 5): the confirmation says what happens (PENDING_DELETION, restorable
 * for 7 days, then purged); a refused delete shows the AWS error and changes nothing; a delete makes the
 * backup PENDING_DELETION with the purge countdown (page and list); Restore makes it READY again. Checked
 * through the API as well.
 *
 * Resources: the 16th newest READY daily backup of the demo cluster "pki-root-ca" in us-east-1 (copy-backup
 * uses the 11th to 14th, never-expires the 19th, bulk-backups the NeverExpires snapshots).
 */

import { expect, test } from '@playwright/test';
import { formatPurgeCountdown } from '../../src/features/backups/actions/lifecycle/countdown';
import { describeBackups, eventually, pkiBackup } from './support';

const REGION = 'us-east-1';

const backupNow = async (backupId: string) => (await describeBackups(REGION, { backupIds: [backupId] }))[0];

/** The countdown the page should show for a purge time, now or a minute later (the page rounds down to minutes). */
const countdowns = (deleteAt: Date) => {
  const now = Date.now();
  return new RegExp(`(${formatPurgeCountdown(deleteAt, new Date(now))}|${formatPurgeCountdown(deleteAt, new Date(now + 60_000))})`);
};

test('delete → PENDING_DELETION with the purge countdown → restore → READY; a refused delete changes nothing', async ({ page }) => {
  const backupId = await pkiBackup(15);
  await page.goto(`/backups/${REGION}/${backupId}`);
  // The state reads in the status model's words; the sentences below quote the API's state on purpose.
  await expect(page.getByTestId('field-BackupState')).toContainText('Ready');
  await expect(page.getByTestId('field-BackupState').locator('[data-state]')).toHaveAttribute('data-state', 'READY');
  const restore = page.getByRole('button', { name: 'Restore backup' });
  await expect(restore).toHaveAttribute('aria-disabled', 'true');
  await expect(restore).toHaveAccessibleDescription('Only PENDING_DELETION backups can be restored; this one is READY');

  // First the service refuses: the dialog shows the AWS code and message, and nothing changes.
  await page.route(/\/aws\/us-east-1\/?$/, (route) =>
    route.request().headers()['x-amz-target'] === 'BaldrApiService.DeleteBackup'
      ? route.fulfill({
          status: 400,
          contentType: 'application/x-amz-json-1.1',
          headers: { 'x-amzn-RequestId': 'req-delete-1' },
          body: JSON.stringify({ __type: 'CloudHsmAccessDeniedException', message: 'Not allowed to delete backups' }),
        })
      : route.continue(),
  );
  const deleteButton = page.getByRole('button', { name: 'Delete backup' });
  await deleteButton.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Delete backup ${backupId}?`);
  await expect(dialog).toContainText('It becomes PENDING_DELETION and can be restored for 7 days; after that it is purged.');
  await dialog.getByRole('button', { name: 'Delete backup' }).click();
  const error = dialog.getByTestId('aws-error');
  await expect(error).toContainText(`Could not delete ${backupId} (nothing was changed)`);
  await expect(error).toContainText('DeleteBackup in us-east-1 failed: CloudHsmAccessDeniedException: Not allowed to delete backups');
  await expect(error).toContainText('req-delete-1');
  expect((await backupNow(backupId))?.BackupState).toBe('READY');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(deleteButton).toBeFocused();
  await page.unroute(/\/aws\/us-east-1\/?$/);

  // Now for real.
  await deleteButton.click();
  await dialog.getByRole('button', { name: 'Delete backup' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('field-BackupState')).toContainText('Pending deletion');
  await expect(page.getByTestId('field-BackupState').locator('[data-state]')).toHaveAttribute('data-state', 'PENDING_DELETION');
  const deleted = await eventually(
    () => backupNow(backupId),
    (b) => b?.BackupState === 'PENDING_DELETION',
  );
  const deleteAt = deleted!.DeleteTimestamp!;
  // AWS keeps it restorable for 7 days.
  expect(Math.abs(deleteAt.getTime() - Date.now() - 7 * 86_400_000)).toBeLessThan(5 * 60_000);
  await expect(page.getByTestId('delete-success')).toContainText(countdowns(deleteAt));
  await expect(page.getByTestId('delete-success')).toContainText(`${backupId} is PENDING_DELETION`);
  await expect(page.getByTestId('field-DeleteTimestamp')).toContainText(countdowns(deleteAt));
  await expect(deleteButton).toHaveAttribute('aria-disabled', 'true');
  await expect(deleteButton).toBeFocused();
  // Why it is off is visible beside it (as for Copy), not only in its description.
  await expect(
    page.getByTestId('backup-actions').getByText('This backup is already PENDING_DELETION; restore it to keep it'),
  ).toBeVisible();

  // The list says it too, with the countdown.
  await page.goto(`/backups?source=${backupId}&regions=${REGION}`);
  const row = page.getByTestId('backup-row').filter({ hasText: backupId });
  await expect(row.getByTestId('backup-state')).toHaveText('Pending deletion');
  await expect(row.getByTestId('backup-state')).toHaveAttribute('data-state', 'PENDING_DELETION');
  await expect(row.getByTestId('purge-countdown')).toHaveText(countdowns(deleteAt));

  // Restore.
  await row.getByRole('link', { name: backupId }).click();
  await page.getByRole('button', { name: 'Restore backup' }).click();
  await expect(page.getByTestId('restore-success')).toContainText(`${backupId} is READY again`);
  await expect(page.getByTestId('field-BackupState')).toContainText('Ready');
  const restored = await backupNow(backupId);
  expect(restored?.BackupState).toBe('READY');
  expect(restored?.DeleteTimestamp).toBeUndefined();
  await expect(page.getByRole('button', { name: 'Delete backup' })).not.toHaveAttribute('aria-disabled', 'true');
});
