/**
 * Editing tags in the page (issue 5): add, change, remove and rename, see the diff, undo, save; the result is
 * checked through ListTags as well as in the chips. Invalid keys are refused before anything is sent.
 *
 * Resources (eu-west-1, where no other action spec changes tags): the demo cluster "code-signing-staging"
 * (its Name tag is left alone so specs that find it by name still can) and the oldest READY cross-region copy
 * in eu-west-1 (a copy of a payments-prod backup; the create-cluster spec restores only from non-copies, the
 * backups specs work in us-east-1 and us-west-2). Each test first puts known tags on its resource through the
 * API, so a retry starts from the same place. The deleted-cluster test creates and deletes its own cluster in
 * eu-west-1 (tagged Name=e2e-tags-deleted).
 */
import AxeBuilder from '@axe-core/playwright';
import {
  CreateClusterCommand,
  DeleteClusterCommand,
  DescribeClustersCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type Tag,
} from '@aws-sdk/client-cloudhsm-v2';
import { expect, test, type Page } from '@playwright/test';
import { api, describeBackups, describeCluster, eventually, hsmSubnets, listTags } from './support';

const REGION = 'eu-west-1';
const NAME = 'code-signing-staging';
const START = { Name: NAME, Environment: 'staging', Owner: 'release-engineering', CostCenter: 'CC-6610' };

const asMap = (tags: readonly Tag[]) => Object.fromEntries(tags.map((t) => [t.Key, t.Value]));

async function clusterId(): Promise<string> {
  const out = await api(REGION).send(new DescribeClustersCommand({}));
  const cluster = out.Clusters?.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === NAME));
  if (!cluster?.ClusterId) throw new Error(`no cluster named ${NAME} in ${REGION}`);
  return cluster.ClusterId;
}

/** Exactly these tags on the resource, set through the API (not through the page under test). */
async function given(resourceId: string, tags: Record<string, string>): Promise<void> {
  const old = await listTags(REGION, resourceId);
  if (old.length > 0) await api(REGION).send(new UntagResourceCommand({ ResourceId: resourceId, TagKeyList: old.map((t) => t.Key ?? '') }));
  await api(REGION).send(
    new TagResourceCommand({ ResourceId: resourceId, TagList: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }),
  );
}

const seriousViolations = async (page: Page, selector: string) =>
  (await new AxeBuilder({ page }).include(selector).analyze()).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

const keyInput = (page: Page, row: number) => page.getByRole('textbox', { name: `Key, row ${row}`, exact: true });
const valueInput = (page: Page, row: number) => page.getByRole('textbox', { name: `Value, row ${row}`, exact: true });

/** The row number whose key input holds `key`. */
async function rowOf(page: Page, key: string): Promise<number> {
  const keys = await page
    .getByRole('textbox', { name: /^Key, row \d+$/ })
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const index = keys.indexOf(key);
  if (index < 0) throw new Error(`no row with key ${key}: ${keys.join(', ')}`);
  return index + 1;
}

async function expectChips(page: Page, tags: Record<string, string>) {
  const chips = page.getByTestId('tag-chip');
  await expect(chips).toHaveCount(Object.keys(tags).length);
  for (const [key, value] of Object.entries(tags)) {
    await expect(chips.filter({ has: page.getByText(key, { exact: true }) })).toContainText(value);
  }
}

test('add, change, remove and rename tags with a diff and an undo; ListTags and the chips agree', async ({ page }) => {
  const id = await clusterId();
  await given(id, START);
  await page.goto(`/clusters/${REGION}/${id}?tab=tags`);
  await expectChips(page, START);

  await page.getByRole('button', { name: 'Edit tags' }).click();
  const editor = page.getByTestId('resource-tags-editor');
  await expect(editor).toBeVisible();
  await expect(editor.getByTestId('tag-count')).toHaveText('4 of 50 tags');

  // change
  await valueInput(page, await rowOf(page, 'Environment')).fill('qa');
  // remove
  await page.getByRole('button', { name: 'Remove tag CostCenter' }).click();
  // rename
  await keyInput(page, await rowOf(page, 'Owner')).fill('Team');
  // add, by keyboard: Add tag focuses the new key
  await page.getByRole('button', { name: 'Add tag' }).click();
  await expect(keyInput(page, 4)).toBeFocused();
  await page.keyboard.type('Ticket');
  await page.keyboard.press('Enter'); // moves to the value, does not submit
  await expect(valueInput(page, 4)).toBeFocused();
  await page.keyboard.type('REL-42');
  // a slip, undone with the row's undo
  const nameRow = await rowOf(page, 'Name');
  await valueInput(page, nameRow).fill('oops');
  await expect(editor.getByTestId('diff-changed')).toContainText('oops');
  await page.getByRole('button', { name: `Undo changes to row ${nameRow}` }).click();
  await expect(valueInput(page, nameRow)).toHaveValue(NAME);

  const diff = editor.getByTestId('tag-diff');
  await expect(diff.getByTestId('diff-added')).toContainText('Team = release-engineering (renamed from Owner)');
  await expect(diff.getByTestId('diff-added')).toContainText('Ticket = REL-42');
  await expect(diff.getByTestId('diff-changed')).toHaveText(/Environment: staging\s*→\s*becomes\s*qa/);
  await expect(diff.getByTestId('diff-changed')).not.toContainText('oops');
  await expect(diff.getByTestId('diff-removed')).toContainText('CostCenter = CC-6610');
  await expect(diff.getByTestId('diff-removed')).toContainText('Owner = release-engineering (renamed to Team)');
  expect(await seriousViolations(page, '[data-testid="resource-tags-editor"]')).toEqual([]);

  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect(page.getByTestId('tags-saved')).toContainText(`Added 2, changed 1, removed 2 tags on ${id}.`);
  // The chips right below are what changed: no link back to the page we are on.
  await expect(page.getByTestId('tags-saved').getByRole('link')).toHaveCount(0);

  const expected = { Name: NAME, Environment: 'qa', Team: 'release-engineering', Ticket: 'REL-42' };
  expect(asMap(await listTags(REGION, id))).toEqual(expected);
  await expectChips(page, expected);
  await expect(page.getByRole('button', { name: 'Edit tags' })).toBeFocused();
});

test('an aws: key or a # is refused as you type; Save stays off and nothing changes', async ({ page }) => {
  const id = await clusterId();
  await given(id, START);
  await page.goto(`/clusters/${REGION}/${id}?tab=tags`);
  await page.getByRole('button', { name: 'Edit tags' }).click();
  await page.getByRole('button', { name: 'Add tag' }).click();
  const key = keyInput(page, 5);
  await key.fill('aws:x');
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  await expect(key).toHaveAccessibleDescription('Keys starting with aws: are reserved for AWS');
  await key.fill('bad#key');
  await expect(key).toHaveAccessibleDescription('Key contains characters tags cannot have: # (hash)');
  await valueInput(page, 5).fill(`it's $(x)`);
  await expect(valueInput(page, 5)).toHaveAccessibleDescription(
    `Value contains characters tags cannot have: ' (apostrophe), $ (dollar sign), ( ) (parentheses)`,
  );
  // A duplicate of a loaded key, with an empty value: not a change of Owner, as nothing of it would be sent.
  await page.getByRole('button', { name: 'Add tag' }).click();
  await keyInput(page, 6).fill('Owner');
  const diff = page.getByTestId('tag-diff');
  await expect(diff.getByTestId('diff-excluded')).toHaveText('3 rows with problems are not included: they will not be saved until fixed.');
  await expect(diff.getByTestId('diff-changed')).toHaveCount(0);
  await expect(diff.getByTestId('diff-added')).toHaveCount(0);
  await expect(diff.getByTestId('diff-removed')).toHaveCount(0);
  await expect(diff).toContainText('No changes that can be saved yet.');

  const save = page.getByRole('button', { name: 'Save tags' });
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('resource-tags-editor').getByTestId('disabled-reason')).toHaveText(
    'Fix the 4 problems above before saving',
  );
  // It stays focusable (aria-disabled) so its reason can be heard; pressing it does nothing.
  await save.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(300);
  await expect(page.getByTestId('tags-saved')).toHaveCount(0);
  expect(await seriousViolations(page, '[data-testid="resource-tags-editor"]')).toEqual([]);
  expect(asMap(await listTags(REGION, id))).toEqual(START);

  await page.getByRole('button', { name: 'Cancel' }).click();
  await expectChips(page, START);
});

test('a backup’s tags: add one and remove one on its detail page', async ({ page }) => {
  const copies = (await describeBackups(REGION, { states: ['READY'] })).filter((b) => b.SourceRegion);
  const backup = copies.sort((x, y) => (x.CreateTimestamp?.getTime() ?? 0) - (y.CreateTimestamp?.getTime() ?? 0))[0];
  if (!backup?.BackupId) throw new Error(`no READY copy in ${REGION}`);
  const id = backup.BackupId;
  const start = { Replication: 'cross-region-dr', Owner: 'payments-platform' };
  await given(id, start);

  await page.goto(`/backups/${REGION}/${id}`);
  await expectChips(page, start);
  await page.getByRole('button', { name: 'Edit tags' }).click();
  await page.getByRole('button', { name: 'Remove tag Owner' }).click();
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.keyboard.type('Reviewed');
  await page.keyboard.press('Enter');
  await page.keyboard.type('yes');
  const diff = page.getByTestId('tag-diff');
  await expect(diff.getByTestId('diff-added')).toContainText('Reviewed = yes');
  await expect(diff.getByTestId('diff-removed')).toContainText('Owner = payments-platform');
  await expect(diff.getByTestId('diff-changed')).toHaveCount(0);
  expect(await seriousViolations(page, '[data-testid="resource-tags-editor"]')).toEqual([]);

  await page.getByRole('button', { name: 'Save tags' }).click();
  await expect(page.getByTestId('tags-saved')).toContainText(`Added 1, removed 1 tags on ${id}.`);
  await expect(page.getByTestId('tags-saved').getByRole('link')).toHaveCount(0);
  const expected = { Replication: 'cross-region-dr', Reviewed: 'yes' };
  expect(asMap(await listTags(REGION, id))).toEqual(expected);
  await expectChips(page, expected);
});

test('a deleted cluster’s tags are shown, but Edit tags is off and says why', async ({ page }) => {
  const subnets = await hsmSubnets(REGION);
  const created = await api(REGION).send(
    new CreateClusterCommand({
      HsmType: 'hsm2m.medium',
      SubnetIds: subnets.slice(0, 2).map((s) => s.SubnetId),
      TagList: [{ Key: 'Name', Value: 'e2e-tags-deleted' }],
    }),
  );
  const id = created.Cluster?.ClusterId ?? '';
  await eventually(
    () => describeCluster(REGION, id),
    (c) => c?.State === 'UNINITIALIZED',
  );
  await api(REGION).send(new DeleteClusterCommand({ ClusterId: id }));
  await eventually(
    () => describeCluster(REGION, id),
    (c) => c?.State === 'DELETED',
  );

  await page.goto(`/clusters/${REGION}/${id}?tab=tags`);
  await expectChips(page, { Name: 'e2e-tags-deleted' });
  const edit = page.getByRole('button', { name: 'Edit tags' });
  await expect(edit).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('resource-tags').getByTestId('disabled-reason')).toHaveText('The cluster is already deleted.');
  await expect(page.getByTestId('resource-tags').getByTestId('disabled-reason')).toBeVisible();
  await edit.click({ force: true });
  await expect(page.getByTestId('resource-tags-editor')).toHaveCount(0);
  expect(asMap(await listTags(REGION, id))).toEqual({ Name: 'e2e-tags-deleted' });
});
