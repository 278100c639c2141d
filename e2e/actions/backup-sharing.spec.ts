/**
 * Backup sharing (issue 15) on the single-account demo server: share a backup with another account from its
 * page, see it listed and in the API's policy, remove it after the confirmation (the policy goes); a bad id
 * is refused on the field with nothing sent; the section at 390 px in dark mode fits and axe finds nothing
 * serious in it; "Shared with me" says how an owner shares a backup (nothing is shared with the demo's account).
 *
 * Resources: the 21st newest READY, expiring daily backup of the demo cluster "pki-root-ca" in us-east-1
 * (copy-backup uses the 11th to 14th, delete-restore the 16th, never-expires the 19th). Only its resource
 * policy changes; the spec leaves it without one.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { GetResourcePolicyCommand, sendResourcePolicyCommand } from '../../src/aws/extensions/resourcePolicyCommands';
import { api, eventually, pkiBackup } from './support';

const REGION = 'us-east-1';
const OTHER = '444455556666';
const ACCOUNT = '123456789012'; // the demo server's account (the emulator's default)

const sharedAccounts = async (backupId: string): Promise<string[]> => {
  const out = await sendResourcePolicyCommand(
    api(REGION),
    new GetResourcePolicyCommand({ ResourceArn: `arn:aws:cloudhsm:${REGION}:${ACCOUNT}:backup/${backupId}` }),
  );
  return principalAccounts(out.Policy);
};

/** The accounts a policy's Allow statements name as principals, read here independently of the page's code. */
function principalAccounts(policy: string | undefined): string[] {
  const document = JSON.parse(policy ?? '{}') as { Statement?: { Effect?: string; Principal?: { AWS?: string | string[] } }[] };
  return (document.Statement ?? [])
    .filter((statement) => statement.Effect === 'Allow')
    .flatMap((statement) => [statement.Principal?.AWS ?? []].flat())
    .map((principal) => /^(?:arn:aws:iam::)?(\d{12})(?::root)?$/.exec(principal)?.[1] ?? principal);
}

async function sharingSection(page: Page, backupId: string) {
  await page.goto(`/backups/${REGION}/${backupId}`);
  const section = page.getByRole('region', { name: 'Sharing' });
  await expect(section).toBeVisible();
  await expect(section.getByTestId('sharing-empty')).toContainText('Not shared with any account');
  return section;
}

test('share a backup with an account, see it listed, then remove it after confirming; the API follows', async ({ page }) => {
  const backupId = await pkiBackup(20);
  expect(await sharedAccounts(backupId)).toEqual([]);
  const section = await sharingSection(page, backupId);

  // A bad id: the field says why and nothing is sent.
  const field = section.getByRole('textbox', { name: /Share with account/ });
  await field.fill('4444-5555');
  await section.getByRole('button', { name: 'Share' }).click();
  await expect(section).toContainText('An AWS account ID is 12 digits (for example 444455556666); “4444-5555” is not.');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(await sharedAccounts(backupId)).toEqual([]);

  // By keyboard: type the id and press Enter.
  await field.fill(OTHER);
  await field.press('Enter');
  await expect(section.getByTestId('share-success')).toContainText(`Shared with ${OTHER}`);
  const list = section.getByRole('list', { name: 'Accounts this backup is shared with' });
  await expect(list.getByRole('listitem')).toHaveText([`${OTHER}Remove`]);
  await eventually(
    () => sharedAccounts(backupId),
    (accounts) => accounts.join() === OTHER,
  );
  await expect(section.getByTestId('promote-command')).toHaveText(
    'aws ram promote-resource-share-created-from-policy --resource-share-arn <resource-share-arn>',
  );

  await section.getByRole('button', { name: `Stop sharing with ${OTHER}` }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('the backup’s resource policy is deleted');
  await dialog.getByRole('button', { name: 'Stop sharing' }).click();
  await expect(dialog).toBeHidden();
  await expect(section.getByTestId('sharing-empty')).toBeVisible();
  await expect(section.getByRole('heading', { name: 'Sharing' })).toBeFocused();
  await eventually(
    () => sharedAccounts(backupId),
    (accounts) => accounts.length === 0,
  );
});

test('at 390 px in dark mode the Sharing section fits and axe finds nothing serious in it', async ({ page }) => {
  const backupId = await pkiBackup(20);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  const section = await sharingSection(page, backupId);
  await expect(page.locator('html')).toHaveClass(/dark/);
  // An error showing too: its colours are checked as well.
  await section.getByRole('textbox', { name: /Share with account/ }).fill('12345');
  await section.getByRole('button', { name: 'Share' }).click();
  await expect(section).toContainText('An AWS account ID is 12 digits');
  const box = (await section.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).include('[data-testid="backup-sharing"]').analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
  expect(await sharedAccounts(backupId)).toEqual([]);
});

test('"Shared with me" on a single account says how another account shares a backup', async ({ page }) => {
  await page.goto('/backups');
  await page.getByRole('navigation', { name: 'Backups views' }).getByRole('link', { name: 'Shared with me' }).click();
  await expect(page).toHaveURL(/[?&]view=shared/);
  await expect(page.getByRole('heading', { name: 'Backups shared with me' })).toBeVisible();
  await expect(page.getByTestId('shared-empty')).toContainText('No backups are shared with this account');
  await expect(page.getByRole('link', { name: 'Shared with me' })).toHaveAttribute('aria-current', 'page');
});
