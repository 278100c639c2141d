/**
 * Copying a backup to another region (issue 5): one click copies to the default (then last-used)
 * destination; the page follows the copy in the destination (DescribeBackups with sourceBackupIds) until it is
 * READY, links to it, and it appears on the timeline. "Copy with different tags…" sends exactly the edited
 * tags. A backup that is not READY cannot be copied, and the control says why. Every outcome is checked
 * through the API as well.
 *
 * Resources: daily backups of the demo cluster "pki-root-ca" in us-east-1, the 11th to 14th newest READY ones
 * (other action specs use other pki-root-ca backups: delete-restore the 16th, never-expires the 19th, bulk the
 * two NeverExpires snapshots). Copies go to us-west-2 and af-south-1, where no other action spec counts
 * backups.
 */
import { DeleteBackupCommand, TagResourceCommand, UntagResourceCommand, type Backup, type Tag } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test, type Page } from '@playwright/test';
import { api, describeBackups, eventually, listTags, pkiBackup } from './support';
import { seriousViolations } from '../axe';

const SOURCE_REGION = 'us-east-1';
const DEST = 'us-west-2';
const SHOWN = `?regions=${SOURCE_REGION},${DEST}`;

const asMap = (tags: readonly Tag[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

/** Exactly these tags on the backup, set through the API. */
async function given(backupId: string, tags: Record<string, string>): Promise<void> {
  const old = await listTags(SOURCE_REGION, backupId);
  if (old.length > 0)
    await api(SOURCE_REGION).send(new UntagResourceCommand({ ResourceId: backupId, TagKeyList: old.map((t) => t.Key ?? '') }));
  await api(SOURCE_REGION).send(
    new TagResourceCommand({ ResourceId: backupId, TagList: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
  );
}

const copiesOf = (backupId: string) => describeBackups(DEST, { sourceBackupIds: [backupId] });

async function readyCopy(backupId: string): Promise<Backup> {
  const copies = await eventually(
    () => copiesOf(backupId),
    (list) => list.length === 1 && list[0]?.BackupState === 'READY',
  );
  return copies[0]!;
}

async function expectTrackerReady(page: Page, backupId: string): Promise<string> {
  const tracker = page.getByTestId('copy-tracker').filter({ hasText: backupId });
  await expect(tracker).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(tracker).toContainText(`in ${DEST} is READY: a copy of ${backupId} from ${SOURCE_REGION}`);
  return (await tracker.getAttribute('data-copy-id'))!;
}

test('one click copies to the default destination; the page follows the copy to READY, links to it, and the timeline shows it', async ({
  page,
}) => {
  const source = await pkiBackup(10);
  await given(source, { Purpose: 'copy-e2e', Owner: 'security-pki' });
  expect(await copiesOf(source)).toEqual([]);

  await page.goto(`/backups/${SOURCE_REGION}/${source}${SHOWN}`);
  const actions = page.getByTestId('backup-actions');
  // No destination used yet: the first shown region that is not the source.
  const copyButton = actions.getByRole('button', { name: `Copy to ${DEST}` });
  await expect(copyButton).toBeVisible();
  await copyButton.click();

  // pki-root-ca has no backups in us-west-2 yet: its first copy there asks first (safe-copies.spec.ts covers it).
  const first = page.getByRole('dialog');
  await expect(first).toContainText('pki-root-ca');
  await first.getByRole('button', { name: `Copy to ${DEST}` }).click();
  // The tracker says what it waits for, then names the copy.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  const copyId = await expectTrackerReady(page, source);
  expect(copyId).toMatch(/^backup-[a-z2-7]{11}$/);

  // Through the API: one copy, of this source, READY, with the source's tags (TagList was left out).
  const copy = await readyCopy(source);
  expect(copy.BackupId).toBe(copyId);
  expect(copy.SourceBackup).toBe(source);
  expect(copy.SourceRegion).toBe(SOURCE_REGION);
  expect(asMap(await listTags(DEST, copyId))).toEqual({ Purpose: 'copy-e2e', Owner: 'security-pki' });
  // The source's own region is never a destination: nothing new in us-east-1 copies this backup.
  expect(await describeBackups(SOURCE_REGION, { sourceBackupIds: [source] })).toEqual([]);

  // The tracker links to the copy; its page says where it came from.
  const tracker = page.getByTestId('copy-tracker').filter({ hasText: source });
  await expect(tracker.getByTestId('copy-link')).toHaveAttribute('href', new RegExp(`/backups/${DEST}/${copyId}`));
  await tracker.getByRole('link', { name: 'Show it on the timeline' }).click();
  await expect(page).toHaveURL(new RegExp(`/backups\\?.*sel=${DEST}%2F${copyId}`));
  const mark = page.locator(`[data-testid="timeline-mark"][data-mark-id="${DEST}/${copyId}"]`);
  await expect(mark).toBeVisible();
  await expect(mark).toHaveAttribute('data-state', 'READY');
  await expect(
    page.locator(`[data-testid="timeline-link"][data-source="${SOURCE_REGION}/${source}"][data-target="${DEST}/${copyId}"]`),
  ).toBeAttached();
  // The tracker is still there after the navigation, with the copy READY.
  await expect(page.getByTestId('copy-tracker').filter({ hasText: source })).toHaveAttribute('data-state', 'ready');

  await page.getByTestId('copy-link').first().click();
  await expect(page).toHaveURL(new RegExp(`/backups/${DEST}/${copyId}`));
  await expect(page.getByTestId('field-SourceBackup')).toContainText(source);
  await expect(page.getByTestId('field-SourceRegion')).toContainText(SOURCE_REGION);
});

test('the menu copies with edited tags: exactly those tags, never to the source region; the last destination is remembered', async ({
  page,
}) => {
  const source = await pkiBackup(11);
  await given(source, { Purpose: 'copy-e2e-edit', Ticket: 'SEC-1' });

  await page.goto(`/backups${SHOWN}&source=${source}`);
  const row = page.getByTestId('backup-row').filter({ hasText: source });
  await expect(row).toHaveCount(1);

  // Keyboard: open the menu on its trigger, then Home/End move between items.
  const trigger = row.getByRole('button', { name: `More copy destinations for ${source}` });
  await trigger.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const items = await menu.getByRole('menuitem').allInnerTexts();
  // Nothing copied yet in this browser: no destination is marked as the last used.
  expect(items).toContain(`Copy to ${DEST}`);
  expect(items.some((text) => text.includes(`Copy to ${SOURCE_REGION}`))).toBe(false);
  expect(items.some((text) => text.includes('Copy to eu-west-1'))).toBe(true);
  expect(items[items.length - 1]).toBe('Copy with different tags…');
  // The menu takes the focus a moment after it shows: a key pressed before that is lost (CI, two browsers
  // busy). Read as document.activeElement (the page may not have the OS focus, which toBeFocused asks for).
  const focusedItem = () =>
    page.evaluate(() => (document.activeElement?.closest('[role="menu"]') ? document.activeElement.textContent : null));
  await expect.poll(focusedItem).not.toBeNull();
  await page.keyboard.press('End');
  await expect.poll(focusedItem).toBe('Copy with different tags…');
  await page.keyboard.press('Enter');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText(`Copy ${source} with different tags`);
  // Prefilled with the source's tags; unedited, TagList would be left out.
  await expect(dialog.getByLabel('Key, row 1')).toHaveValue('Purpose');
  await expect(dialog.getByLabel('Key, row 2')).toHaveValue('Ticket');
  await expect(dialog.getByTestId('copy-tags-summary')).toContainText("Unedited: the copy gets the source's 2 tags");

  // Removing every tag cannot be sent (TagList needs one tag; without it AWS copies the source's).
  await dialog.getByRole('button', { name: 'Remove tag Purpose' }).click();
  await dialog.getByRole('button', { name: 'Remove tag Ticket' }).click();
  await expect(dialog.getByTestId('copy-tags-problem')).toContainText('Keep at least one tag');
  await expect(dialog.getByRole('button', { name: `Copy to ${DEST}` })).toHaveAttribute('aria-disabled', 'true');

  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await dialog.getByLabel('Key, row 1').fill('Ticket');
  await dialog.getByLabel('Value, row 1').fill('SEC-2');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await dialog.getByLabel('Key, row 2').fill('Purpose');
  await dialog.getByLabel('Value, row 2').fill('dr drill');
  await expect(dialog.getByTestId('copy-tags-summary')).toContainText('Edited: the copy gets exactly these 2 tags');
  expect(await seriousViolations(page)).toEqual([]);
  await expect(dialog.getByLabel('Destination region')).toHaveValue(DEST);
  await dialog.getByRole('button', { name: `Copy to ${DEST}` }).click();

  // The dialog closes once AWS accepted the copy, and focus goes back to where the menu was opened.
  await expect(dialog).toHaveCount(0);
  await expect(trigger).toBeFocused();
  const copyId = await expectTrackerReady(page, source);
  expect(asMap(await listTags(DEST, copyId))).toEqual({ Ticket: 'SEC-2', Purpose: 'dr drill' });
  expect((await readyCopy(source)).BackupId).toBe(copyId);
  // The source's tags are untouched.
  expect(asMap(await listTags(SOURCE_REGION, source))).toEqual({ Purpose: 'copy-e2e-edit', Ticket: 'SEC-1' });

  // The copy shows up in the list (the source filter lists a backup and its copies), and the one-click
  // destination is now the one just used, after a reload too.
  await expect(page.getByTestId('backup-row').filter({ hasText: copyId })).toHaveAttribute('data-region', DEST);
  await page.goto(`/backups/${SOURCE_REGION}/${source}`);
  await expect(page.getByTestId('backup-actions').getByRole('button', { name: `Copy to ${DEST}` })).toBeVisible();
});

test('a backup that is not READY cannot be copied: the whole control is off and says why', async ({ page }) => {
  const source = await pkiBackup(12);
  await api(SOURCE_REGION).send(new DeleteBackupCommand({ BackupId: source }));

  await page.goto(`/backups/${SOURCE_REGION}/${source}${SHOWN}`);
  await expect(page.getByTestId('field-BackupState')).toContainText('Pending deletion');
  const actions = page.getByTestId('backup-actions');
  const copyButton = actions.getByRole('button', { name: `Copy to ${DEST}` });
  await expect(copyButton).toHaveAttribute('aria-disabled', 'true');
  await expect(copyButton).toHaveAccessibleDescription('Only READY backups can be copied; this one is PENDING_DELETION');
  await expect(actions.getByTestId('copy-disabled-reason')).toHaveText('Only READY backups can be copied; this one is PENDING_DELETION');
  const more = actions.getByRole('button', { name: 'More copy destinations' });
  await expect(more).toHaveAttribute('aria-disabled', 'true');

  await copyButton.click({ force: true });
  await more.click({ force: true });
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByTestId('copy-tracker')).toHaveCount(0);

  // The list row's compact control is off too.
  await page.goto(`/backups${SHOWN}&source=${source}`);
  const rowCopy = page.getByTestId('backup-row').filter({ hasText: source }).getByTestId('copy-backup');
  await expect(rowCopy).toHaveAttribute('aria-disabled', 'true');
  await expect(rowCopy).toHaveAttribute('title', 'Only READY backups can be copied; this one is PENDING_DELETION');

  // Nothing was copied.
  expect(await copiesOf(source)).toEqual([]);
});

test('a copy to a region that is not shown: the tracker says so, and one link brings the region and the copy onto the timeline', async ({
  page,
}) => {
  const source = await pkiBackup(13);
  // Only the source's region is shown, and nothing was copied yet: no destination is guessed; the main part
  // asks where, with the menu.
  await page.goto(`/backups?regions=${SOURCE_REGION}&source=${source}`);
  const row = page.getByTestId('backup-row').filter({ hasText: source });
  const ask = row.getByRole('button', { name: `Copy to… (${source})` });
  await expect(ask).toHaveAttribute('aria-haspopup', 'menu');
  await ask.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  expect(await copiesOf(source)).toEqual([]);
  await menu.getByRole('menuitem', { name: 'Copy to af-south-1' }).click();
  await expect(menu).toHaveCount(0);
  // The first copy of pki-root-ca to af-south-1 asks first.
  await page.getByRole('dialog').getByRole('button', { name: 'Copy to af-south-1' }).click();
  // The row answers the click beside its control, pointing to the progress at the top.
  await expect(row.getByTestId('copy-row-status')).toContainText(/Copy(ing)? to af-south-1/);

  const tracker = page.getByTestId('copy-tracker').filter({ hasText: source });
  await expect(tracker).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  // The menu stayed closed once the copy settled, and the used destination is now the one-click one.
  await expect(menu).toHaveCount(0);
  await expect(row.getByTestId('copy-row-status')).toContainText('Copy to af-south-1 started');
  await expect(row.getByRole('button', { name: `Copy to af-south-1 (${source})` })).toBeVisible();
  const copyId = (await tracker.getAttribute('data-copy-id'))!;
  await expect(tracker.getByTestId('copy-region-hidden')).toContainText(
    'af-south-1 is not among the shown regions, so the timeline does not show the copy.',
  );
  const copies = await describeBackups('af-south-1', { sourceBackupIds: [source] });
  expect(copies.map((b) => [b.BackupId, b.BackupState, b.SourceRegion])).toEqual([[copyId, 'READY', SOURCE_REGION]]);

  await tracker.getByRole('link', { name: 'Show af-south-1 too' }).click();
  await expect(page).toHaveURL(/regions=us-east-1%2Caf-south-1/);
  await expect(page.locator(`[data-testid="timeline-mark"][data-mark-id="af-south-1/${copyId}"]`)).toBeVisible();
  await expect(page.getByTestId('backup-row').filter({ hasText: copyId })).toHaveAttribute('data-region', 'af-south-1');
  await expect(page.getByTestId('copy-region-hidden')).toHaveCount(0);
});
