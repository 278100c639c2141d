/**
 * Issue 15 as a new user meets it: the dashboard in AWS mode (--endpoint-url at a standalone emulator holding two
 * accounts, --assume-role into the second). The second account's operator puts a cluster there with its own
 * key, as they would with the CLI; the dashboard shows both accounts' clusters in one list with an Account
 * column and filter and a header picker; a backup the base account shares with the second account (from its
 * backup page) shows under "Shared with me" with its owner.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  CloudHSMV2Client,
  CreateClusterCommand,
  DescribeBackupsCommand,
  DescribeClustersCommand,
  type Backup,
} from '@aws-sdk/client-cloudhsm-v2';
import { seriousViolations } from '../axe';
import { ACCOUNTS_DASHBOARD, BASE_ACCOUNT, EMULATOR_URL, ROLE_NAME, SECOND_ACCOUNT, SECOND_CREDENTIALS } from './servers';

const REGION = 'us-east-1';
const WORKLOAD_CLUSTER = 'workload-payments';

const secondAccount = new CloudHSMV2Client({ region: REGION, endpoint: EMULATOR_URL, credentials: SECOND_CREDENTIALS, maxAttempts: 1 });

/** The second account's subnets (the emulator's admin route; EC2 is not emulated behind --endpoint-url). */
async function secondAccountSubnet(): Promise<string> {
  const answer = await fetch(`${EMULATOR_URL}/_emulator/network?region=${REGION}&account=${SECOND_ACCOUNT}`);
  const network = (await answer.json()) as { subnets: { SubnetId: string }[] };
  const subnet = network.subnets[0];
  if (!subnet) throw new Error(`the emulator lists no subnet for account ${SECOND_ACCOUNT}`);
  return subnet.SubnetId;
}

test.beforeAll(async () => {
  // Once per server: a retry (CI retries once) must not add a second cluster of that name.
  const existing = (await secondAccount.send(new DescribeClustersCommand({}))).Clusters ?? [];
  if (existing.some((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === WORKLOAD_CLUSTER))) return;
  await secondAccount.send(
    new CreateClusterCommand({
      HsmType: 'hsm2m.medium',
      SubnetIds: [await secondAccountSubnet()],
      TagList: [{ Key: 'Name', Value: WORKLOAD_CLUSTER }],
    }),
  );
});

const clusterTable = (page: Page) => page.getByRole('table', { name: /Clusters/ });
const rowOf = (page: Page, name: string) =>
  clusterTable(page)
    .getByRole('row')
    .filter({ has: page.getByText(name, { exact: true }) });

test('both accounts’ clusters in one list, with the Account column, filter and header picker', async ({ page }) => {
  await page.goto('/clusters');
  await expect(page.getByRole('button', { name: /^Accounts: / })).toBeVisible();
  await expect(rowOf(page, WORKLOAD_CLUSTER)).toContainText(SECOND_ACCOUNT);
  await expect(rowOf(page, 'pki-root-ca')).toContainText(BASE_ACCOUNT);

  // The filter narrows to one account, in the URL.
  await page.getByLabel('Account', { exact: true }).selectOption({ label: `${ROLE_NAME} (${SECOND_ACCOUNT})` });
  await expect(rowOf(page, WORKLOAD_CLUSTER)).toBeVisible();
  await expect(rowOf(page, 'pki-root-ca')).toHaveCount(0);

  // The picker: turning the second account off leaves the base account's clusters only.
  await page.goto('/clusters');
  await page.getByRole('button', { name: /^Accounts: / }).click();
  const picker = page.getByRole('group', { name: 'Accounts to show' });
  // A click, then the state the URL gives back (the box follows ?accounts=, one render later).
  const second = picker.getByRole('checkbox', { name: new RegExp(SECOND_ACCOUNT) });
  await expect(second).toBeChecked();
  await second.click();
  await expect(second).not.toBeChecked();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(new RegExp(`accounts=${BASE_ACCOUNT}`));
  await expect(rowOf(page, 'pki-root-ca')).toBeVisible();
  await expect(rowOf(page, WORKLOAD_CLUSTER)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('a backup the base account shares with the second shows under "Shared with me", with its owner', async ({ page }) => {
  // A READY pki-root-ca backup of the base account, through the dashboard's own API route.
  const base = new CloudHSMV2Client({
    region: REGION,
    endpoint: `${ACCOUNTS_DASHBOARD.url}/aws/${REGION}`,
    credentials: { accessKeyId: 'local-dashboard', secretAccessKey: 'not-a-secret' },
    maxAttempts: 1,
  });
  const backups: Backup[] =
    (await base.send(new DescribeBackupsCommand({ Filters: { states: ['READY'] }, SortAscending: false }))).Backups ?? [];
  const backup = backups.find((b) => b.BackupId);
  if (!backup?.BackupId) throw new Error('the demo seed has no READY backup in us-east-1');

  await page.goto(`/backups/${REGION}/${backup.BackupId}`);
  const section = page.getByRole('region', { name: 'Sharing' });
  await section.getByRole('textbox', { name: /Share with account/ }).fill(SECOND_ACCOUNT);
  await section.getByRole('button', { name: 'Share' }).click();
  await expect(section.getByRole('list', { name: 'Accounts this backup is shared with' })).toContainText(SECOND_ACCOUNT);

  await page.goto('/backups?view=shared');
  await expect(page.getByRole('heading', { name: 'Backups shared with me' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: backup.BackupId });
  await expect(row).toContainText(BASE_ACCOUNT); // the owner
  await expect(row).toContainText(`${ROLE_NAME}${SECOND_ACCOUNT}`); // shared with
  // The form creates with the base credentials only: for the second account's share it says so instead of failing.
  await expect(row.getByRole('button', { name: /Create cluster from this backup/ })).toHaveAttribute('aria-disabled', 'true');
  expect(await seriousViolations(page)).toEqual([]);
});
