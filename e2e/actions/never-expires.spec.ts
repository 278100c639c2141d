/**
 * NeverExpires on and off (issue 5): a switch on the backup's page, with the clear label, through
 * ModifyBackupAttributes; the API shows NeverExpires true, then false. Keyboard only for the second change.
 *
 * Resources: the 19th newest READY daily backup of the demo cluster "pki-root-ca" in us-east-1 (copy-backup
 * uses the 11th to 14th, delete-restore the 16th, bulk-backups the NeverExpires snapshots).
 */

import { expect, test } from '@playwright/test';
import { describeBackups, eventually, pkiBackup } from './support';

const REGION = 'us-east-1';

const neverExpires = async (backupId: string) => (await describeBackups(REGION, { backupIds: [backupId] }))[0]?.NeverExpires === true;

test('never expires on, then off (by keyboard); the API follows', async ({ page }) => {
  const backupId = await pkiBackup(18);
  expect(await neverExpires(backupId)).toBe(false);
  await page.goto(`/backups/${REGION}/${backupId}`);
  const toggle = page.getByRole('switch', { name: "Never expires (exempt from the cluster's retention policy)" });
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('field-NeverExpires')).toHaveText(/No$/);

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('never-expires-success')).toContainText(`${backupId} never expires now`);
  await expect(page.getByTestId('field-NeverExpires')).toContainText('Yes');
  await eventually(
    () => neverExpires(backupId),
    (on) => on,
  );

  await toggle.focus();
  await page.keyboard.press('Space');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(page.getByTestId('never-expires-success')).toContainText(`${backupId} is under the retention policy again`);
  // One result at a time: the first change's message is gone, not stacked above the second's.
  await expect(page.getByTestId('backup-action-result').getByRole('status')).toHaveCount(1);
  await expect(page.getByTestId('backup-actions')).not.toContainText('never expires now');
  await expect(page.getByTestId('field-NeverExpires')).toHaveText(/No$/);
  await eventually(
    () => neverExpires(backupId),
    (on) => !on,
  );
  await expect(toggle).toBeFocused();
});
