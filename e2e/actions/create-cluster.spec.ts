/**
 * Create cluster, from the list to the new cluster's page, checked through the API as well.
 * Resources: clusters this spec creates itself in ap-northeast-1 (no demo data there, no other spec uses it),
 * and one restore from the newest demo READY backup (not a copy) of eu-west-1 (read only: the backups specs
 * work in us-east-1 and us-west-2; the tags spec tags an eu-west-1 copy, which does not change a restore).
 */
import { DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test } from '@playwright/test';
import { api, describeBackups, describeCluster, eventually, listTags, networkOf } from './support';
import { seriousViolations } from '../axe';

const REGION = 'ap-northeast-1';
const RESTORE_REGION = 'eu-west-1';

async function clusterIds(region: string): Promise<string[]> {
  const out = await api(region).send(new DescribeClustersCommand({}));
  return (out.Clusters ?? []).map((c) => c.ClusterId ?? '');
}

/** The seeded "hsm" VPC (10.0.0.0/16) and its subnets by AZ. */
async function hsmVpc(region: string) {
  const network = await networkOf(region);
  const vpc = network.vpcs.find((v) => v.CidrBlock === '10.0.0.0/16');
  if (!vpc) throw new Error(`no 10.0.0.0/16 VPC in ${region}`);
  return { vpc, subnets: network.subnets.filter((s) => s.VpcId === vpc.VpcId), all: network };
}

test('create a cluster with tags from the list: it appears, settles UNINITIALIZED, and the API shows what was asked', async ({ page }) => {
  const { vpc, subnets } = await hsmVpc(REGION);
  const [first, second] = subnets;
  if (!first || !second) throw new Error('need two subnets');
  const name = `e2e-create-${Date.now()}`;

  await page.goto(`/clusters?regions=${REGION}`);
  await page.getByRole('link', { name: 'Create cluster' }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/new\\?regions=${REGION}$`));
  await expect(page.getByRole('heading', { name: 'Create cluster' })).toBeVisible();
  await expect(page.getByLabel('Region', { exact: true })).toHaveValue(REGION);

  await page.getByLabel('VPC', { exact: true }).selectOption(vpc.VpcId);
  await page.getByLabel(`Subnet in ${first.AvailabilityZone}`).selectOption(first.SubnetId);
  // One AZ: allowed, but not highly available.
  await expect(page.getByTestId('subnet-warning')).toContainText('not be highly available');
  await page.getByLabel(`Subnet in ${second.AvailabilityZone}`).selectOption(second.SubnetId);
  await expect(page.getByTestId('subnet-warning')).toHaveCount(0);

  await expect(page.getByRole('radio', { name: 'hsm2m.medium' })).toBeChecked();
  await expect(page.getByRole('radio', { name: /hsm1\.medium/ })).toBeDisabled();
  await expect(page.getByText(/hsm1\.medium has reached end of support/)).toBeVisible();
  await page.getByRole('radio', { name: 'NON_FIPS' }).check();
  await page.getByRole('radio', { name: 'DUALSTACK' }).check();
  await page.getByLabel('Backup retention (days)').fill('45');

  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key, row 1').fill('Name');
  await page.getByLabel('Value, row 1').fill(name);
  await page.getByRole('button', { name: 'Add tag' }).click();
  await page.getByLabel('Key, row 2').fill('Team');
  await page.getByLabel('Value, row 2').fill('payments platform');

  const cli = page.getByTestId('cli-command');
  await expect(cli).toContainText(`--region ${REGION}`);
  await expect(cli).toContainText(`--subnet-ids ${first.SubnetId} ${second.SubnetId}`);
  await expect(cli).toContainText('--mode NON_FIPS');
  await expect(cli).toContainText('--network-type DUALSTACK');
  await expect(cli).toContainText('--backup-retention-policy Type=DAYS,Value=45');
  await expect(cli).toContainText(`--tag-list Key=Name,Value=${name} 'Key=Team,Value="payments platform"'`);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Create cluster' }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${REGION}/cluster-[a-z2-7]+`), { timeout: 15_000 });
  const clusterId = /\/(cluster-[a-z2-7]+)/.exec(page.url())![1]!;
  const created = page.getByRole('status').filter({ hasText: 'was created' });
  await expect(created).toContainText(clusterId);
  // Focus is on the success message (the page opened because of it), not on <body>.
  await expect(page.getByTestId('notice')).toBeFocused();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(name);
  // The page, and its success message, follow the creation until it settles.
  await expect(page.getByTestId('field-state')).toContainText('Uninitialized', { timeout: 20_000 });
  await expect(created).toContainText(
    `Cluster ${clusterId} was created in ${REGION}. It is ready but not initialized (UNINITIALIZED): next, add its first HSM.`,
  );
  await expect(created).not.toContainText('CREATE_IN_PROGRESS');
  await expect(created.getByRole('link', { name: 'See it in the cluster list' })).toHaveAttribute('href', `/clusters?regions=${REGION}`);
  // Shown once: a reload does not announce it again.
  await page.reload();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(name);
  await expect(page.getByRole('status').filter({ hasText: 'was created' })).toHaveCount(0);
  await page.goBack();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2 })).toContainText(name);
  await expect(page.getByRole('status').filter({ hasText: 'was created' })).toHaveCount(0);

  const cluster = await describeCluster(REGION, clusterId);
  expect(cluster?.State).toBe('UNINITIALIZED');
  expect(cluster?.HsmType).toBe('hsm2m.medium');
  expect((cluster as { Mode?: string }).Mode).toBe('NON_FIPS');
  expect((cluster as { NetworkType?: string }).NetworkType).toBe('DUALSTACK');
  expect(cluster?.VpcId).toBe(vpc.VpcId);
  expect(cluster?.SubnetMapping).toEqual({ [first.AvailabilityZone]: first.SubnetId, [second.AvailabilityZone]: second.SubnetId });
  expect(cluster?.BackupRetentionPolicy).toEqual({ Type: 'DAYS', Value: '45' });
  const tags = await listTags(REGION, clusterId);
  expect([...tags].sort((a, b) => (a.Key ?? '').localeCompare(b.Key ?? ''))).toEqual([
    { Key: 'Name', Value: name },
    { Key: 'Team', Value: 'payments platform' },
  ]);

  await page.goto(`/clusters?regions=${REGION}`);
  await expect(page.getByRole('link', { name: new RegExp(clusterId) })).toBeVisible();
});

test('a bad retention is explained next to the field and nothing is created', async ({ page }) => {
  const { vpc, subnets } = await hsmVpc(REGION);
  const before = await clusterIds(REGION);
  await page.goto(`/clusters/new?region=${REGION}`);
  await page.getByLabel('VPC', { exact: true }).selectOption(vpc.VpcId);
  await page.getByRole('button', { name: 'Use a subnet in every Availability Zone' }).click();
  const retention = page.getByLabel('Backup retention (days)');
  await retention.fill('400');
  await expect(page.getByTestId('field-error-retention')).toHaveText('Backup retention must be between 7 and 379 days; 400 is too long.');
  await expect(retention).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Create cluster' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('Backup retention: Backup retention must be between 7 and 379 days');
  await expect(retention).toBeFocused();
  // Every value is still there.
  await expect(page.getByLabel(`Subnet in ${subnets[0]!.AvailabilityZone}`)).toHaveValue(subnets[0]!.SubnetId);
  await page.waitForTimeout(500);
  expect(await clusterIds(REGION)).toEqual(before);

  // Fixed, the summary goes once the form is sent again.
  await retention.fill('379');
  await expect(page.getByTestId('field-error-retention')).toHaveCount(0);
});

test('typed subnet ids are checked against the listed network; what only the service can know is refused by it, shown with its code, and the form keeps the values', async ({
  page,
}) => {
  const { all } = await hsmVpc(REGION);
  const [a, b] = [all.subnets.find((s) => s.VpcId === all.vpcs[0]!.VpcId)!, all.subnets.find((s) => s.VpcId === all.vpcs[1]!.VpcId)!];
  const sameZone = all.subnets.filter(
    (s) => s.VpcId === a.VpcId && s.AvailabilityZone === a.AvailabilityZone && s.SubnetId !== a.SubnetId,
  )[0];
  const before = await clusterIds(REGION);
  await page.goto(`/clusters/new?region=${REGION}`);
  await page.getByRole('radio', { name: 'Type subnet IDs' }).check();
  const typed = page.getByRole('textbox', { name: 'Subnet IDs' });
  await typed.fill('subnet-xyz');
  await typed.blur();
  await expect(page.getByTestId('field-error-subnets')).toContainText('Not a subnet ID: “subnet-xyz”');
  // Two listed subnets of different VPCs: the browser knows the network, so it says so before sending.
  await typed.fill(`${a.SubnetId}, ${b.SubnetId}`);
  await expect(page.getByTestId('field-error-subnets')).toHaveText(
    `All subnets must be in one VPC; these are in ${a.VpcId} and ${b.VpcId}.`,
  );
  await expect(typed).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Create cluster' }).click();
  await expect(page.getByTestId('error-summary')).toContainText('All subnets must be in one VPC');
  if (sameZone) {
    await typed.fill(`${a.SubnetId} ${sameZone.SubnetId}`);
    await expect(page.getByTestId('field-error-subnets')).toContainText(`are both in ${a.AvailabilityZone}`);
  }
  await page.waitForTimeout(300);
  expect(await clusterIds(REGION)).toEqual(before);

  // With an id the network does not list, the browser leaves the placement to AWS, which refuses.
  const unknown = 'subnet-0123456789abcdef0';
  await typed.fill(`${a.SubnetId}, ${b.SubnetId}, ${unknown}`);
  await expect(page.getByTestId('field-error-subnets')).toHaveCount(0);
  await page.getByRole('button', { name: 'Create cluster' }).click();
  const error = page.getByTestId('aws-error');
  await expect(error).toContainText('Could not create the cluster (nothing was changed)');
  await expect(error).toContainText('CreateCluster in ap-northeast-1 failed: CloudHsmInvalidRequestException');
  await expect(error).toContainText('All subnets must be in the same VPC');
  await expect(typed).toHaveValue(`${a.SubnetId}, ${b.SubnetId}, ${unknown}`);
  expect(await clusterIds(REGION)).toEqual(before);
});

test('create from a READY backup (prefilled from the link): the mode must match, and the cluster starts ACTIVE', async ({ page }) => {
  const ready = (await describeBackups(RESTORE_REGION, { states: ['READY'] })).filter((b) => !b.SourceRegion);
  // The region's newest READY backup (not a copy): the emulator clock runs 600 times faster, so older ones
  // can reach their cluster's retention during the run; the newest never does.
  const backup = ready.sort((x, y) => (y.CreateTimestamp?.getTime() ?? 0) - (x.CreateTimestamp?.getTime() ?? 0))[0];
  if (!backup?.BackupId) throw new Error(`no READY backup in ${RESTORE_REGION}`);
  const backupMode = (backup as { Mode?: string }).Mode ?? 'FIPS';
  const otherMode = backupMode === 'FIPS' ? 'NON_FIPS' : 'FIPS';
  const { vpc } = await hsmVpc(RESTORE_REGION);

  await page.goto(`/clusters/new?region=${RESTORE_REGION}&sourceBackup=${backup.BackupId}`);
  const picker = page.getByLabel('Create from a backup (optional)');
  await expect(picker).toHaveValue(backup.BackupId);
  await expect(page.getByText(`The cluster starts ACTIVE with the users and keys of ${backup.BackupId}`)).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('radio', { name: backupMode, exact: true })).toBeChecked();
  await expect(page.getByTestId('cli-command')).toContainText(`--source-backup-id ${backup.BackupId}`);

  await page.getByRole('radio', { name: otherMode, exact: true }).check();
  await expect(page.getByTestId('field-error-mode')).toHaveText(
    `${backup.BackupId} comes from a ${backupMode} cluster: a cluster restored from it must use ${backupMode} mode, not ${otherMode}.`,
  );
  await page.getByRole('radio', { name: backupMode, exact: true }).check();
  await expect(page.getByTestId('field-error-mode')).toHaveCount(0);

  await page.getByLabel('VPC', { exact: true }).selectOption(vpc.VpcId);
  await page.getByRole('button', { name: 'Use a subnet in every Availability Zone' }).click();
  await page.getByRole('button', { name: 'Create cluster' }).click();
  await expect(page).toHaveURL(new RegExp(`/clusters/${RESTORE_REGION}/cluster-[a-z2-7]+`), { timeout: 15_000 });
  const clusterId = /\/(cluster-[a-z2-7]+)/.exec(page.url())![1]!;
  await expect(page.getByRole('status').filter({ hasText: 'was created' })).toContainText(`from backup ${backup.BackupId}`);
  await expect(page.getByTestId('field-state')).toContainText('Active', { timeout: 20_000 });
  await expect(page.getByTestId('field-source-backup')).toContainText(backup.BackupId);
  const cluster = await eventually(
    () => describeCluster(RESTORE_REGION, clusterId),
    (c) => c?.State === 'ACTIVE',
  );
  expect(cluster?.SourceBackupId).toBe(backup.BackupId);
  expect((cluster as { Mode?: string }).Mode).toBe(backupMode);
});
