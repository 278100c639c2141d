/**
 * Add and delete HSMs on the cluster page, checked through the API as well.
 * Resources: a cluster this spec creates in ap-southeast-2 (no demo data there, no other spec uses it), and
 * one restored (ACTIVE) cluster it creates in eu-west-1 from the newest demo READY backup there (read only).
 */
import { CreateClusterCommand, CreateHsmCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test, type Page } from '@playwright/test';
import type { NetworkSubnet } from '../../src/aws/actions';
import { api, describeBackups, describeCluster, eventually, hsmSubnets } from './support';
import { seriousViolations } from '../axe';

const REGION = 'ap-southeast-2';
const RESTORE_REGION = 'eu-west-1';

async function createCluster(region: string, sourceBackupId?: string): Promise<{ clusterId: string; subnets: NetworkSubnet[] }> {
  const subnets = await hsmSubnets(region);
  const out = await api(region).send(
    new CreateClusterCommand({
      HsmType: 'hsm2m.medium',
      SubnetIds: subnets.map((s) => s.SubnetId),
      ...(sourceBackupId ? { SourceBackupId: sourceBackupId } : {}),
      TagList: [{ Key: 'Name', Value: `e2e-hsms-${Date.now()}` }],
    }),
  );
  const clusterId = out.Cluster!.ClusterId!;
  await eventually(
    () => describeCluster(region, clusterId),
    (c) => c?.State === (sourceBackupId ? 'ACTIVE' : 'UNINITIALIZED'),
  );
  return { clusterId, subnets };
}

const hsmRow = (page: Page, hsmId: string) => page.getByTestId('hsm-row').filter({ hasText: hsmId });

test('first HSM of a new cluster: added with a chosen address, ACTIVE, the second refused until activation, then deleted', async ({
  page,
}) => {
  const { clusterId, subnets } = await createCluster(REGION);
  const second = subnets[1]!;
  await page.goto(`/clusters/${REGION}/${clusterId}`);
  const actions = page.getByTestId('cluster-actions');

  // Nothing to initialize yet, and the page says why.
  const initialize = actions.getByRole('button', { name: 'Initialize cluster' });
  await expect(initialize).toHaveAttribute('aria-disabled', 'true');
  await expect(actions).toContainText('Add the first HSM and wait for it to be ACTIVE');

  await actions.getByRole('button', { name: 'Add HSM' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add HSM' });
  await expect(dialog).toContainText('This is the cluster’s first HSM');
  await dialog.getByLabel('Availability Zone').selectOption(second.AvailabilityZone);
  await expect(dialog).toContainText(`Subnet range ${second.CidrBlock}`);
  const ip = dialog.getByLabel('IP address (optional)');
  await ip.fill('10.99.0.10');
  await ip.blur();
  await expect(dialog.getByTestId('ip-error')).toHaveText(`10.99.0.10 is not in the subnet's range ${second.CidrBlock}.`);
  await expect(ip).toHaveAttribute('aria-invalid', 'true');
  expect(await seriousViolations(page)).toEqual([]);
  const address = second.CidrBlock!.replace(/\.0\/24$/, '.77');
  await ip.fill(address);
  await expect(dialog.getByTestId('ip-error')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Add HSM' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(actions.getByRole('button', { name: 'Add HSM' })).toBeFocused();

  const notice = page.getByRole('status').filter({ has: page.getByTestId('hsm-created-notice') });
  await expect(notice).toContainText(second.AvailabilityZone);
  const hsmId = /hsm-[a-z2-7]+/.exec((await notice.textContent()) ?? '')![0];
  await notice.getByRole('link', { name: 'See it on the HSMs tab' }).click();
  await expect(page.getByRole('tab', { name: 'HSMs' })).toHaveAttribute('aria-selected', 'true');
  await expect(hsmRow(page, hsmId)).toHaveAttribute('data-state', 'ACTIVE', { timeout: 20_000 });
  // The notice follows the HSM instead of repeating its first state.
  await expect(notice).toContainText(`HSM ${hsmId} in ${second.AvailabilityZone} was created and is ready (ACTIVE).`);
  await expect(notice).not.toContainText('CREATE_IN_PROGRESS');
  const cluster = await describeCluster(REGION, clusterId);
  expect(cluster?.Hsms).toEqual([
    expect.objectContaining({
      HsmId: hsmId,
      State: 'ACTIVE',
      AvailabilityZone: second.AvailabilityZone,
      SubnetId: second.SubnetId,
      EniIp: address,
    }),
  ]);

  // One HSM until the cluster is active: the control says so on the page.
  const addHsm = actions.getByRole('button', { name: 'Add HSM' });
  await expect(addHsm).toHaveAttribute('aria-disabled', 'true');
  await expect(page.getByTestId('actions-note')).toContainText(
    `Only one HSM until the cluster is active: the cluster is not initialized yet (UNINITIALIZED) and already has ${hsmId}.`,
  );
  await addHsm.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Now the cluster has its CSR: initialize is a way into the flow.
  await expect(actions.getByRole('link', { name: 'Initialize cluster' })).toHaveAttribute(
    'href',
    `/clusters/${REGION}/${clusterId}/initialize`,
    { timeout: 10_000 },
  );

  await hsmRow(page, hsmId)
    .getByRole('button', { name: `Delete HSM ${hsmId}` })
    .click();
  const confirm = page.getByRole('dialog', { name: `Delete HSM ${hsmId}?` });
  await expect(confirm).toContainText(second.AvailabilityZone);
  await expect(confirm.getByTestId('last-hsm-warning')).toHaveCount(0);
  await confirm.getByRole('button', { name: 'Delete HSM' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByTestId('hsm-deleted-notice')).toContainText(hsmId);
  // The row's Delete button goes with the HSM: focus is on the success message, not lost to <body>.
  const deletedNotice = page.getByTestId('notice');
  await expect(deletedNotice).toBeFocused();
  await expect(hsmRow(page, hsmId)).toHaveCount(0, { timeout: 20_000 });
  await expect(deletedNotice).toBeFocused();
  // The message follows the HSM: once it is gone it says so.
  await expect(page.getByTestId('hsm-deleted-notice')).toContainText(`HSM ${hsmId} was deleted.`);
  await expect(page.getByTestId('no-hsms')).toHaveText('This cluster has no HSMs. Add one with “Add HSM” above to use the cluster.');
  await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => (c?.Hsms ?? []).length === 0,
  );
  await expect(actions.getByRole('button', { name: 'Add HSM' })).not.toHaveAttribute('aria-disabled', 'true');
});

test('an ACTIVE cluster takes more HSMs; deleting the last one warns and AWS takes a backup', async ({ page }) => {
  const ready = (await describeBackups(RESTORE_REGION, { states: ['READY'] })).filter((b) => !b.SourceRegion);
  // The region's newest READY backup (not a copy): the emulator clock runs 600 times faster, so older ones
  // can reach their cluster's retention during the run; the newest never does.
  const backup = ready.sort((x, y) => (y.CreateTimestamp?.getTime() ?? 0) - (x.CreateTimestamp?.getTime() ?? 0))[0]!;
  const { clusterId, subnets } = await createCluster(RESTORE_REGION, backup.BackupId);
  const first = await api(RESTORE_REGION).send(
    new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: subnets[0]!.AvailabilityZone }),
  );
  const firstId = first.Hsm!.HsmId!;

  await page.goto(`/clusters/${RESTORE_REGION}/${clusterId}?tab=hsms`);
  await expect(hsmRow(page, firstId)).toHaveAttribute('data-state', 'ACTIVE', { timeout: 20_000 });
  await page.getByTestId('cluster-actions').getByRole('button', { name: 'Add HSM' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add HSM' });
  // The least used AZ is suggested.
  await expect(dialog.getByLabel('Availability Zone')).not.toHaveValue(subnets[0]!.AvailabilityZone);
  await expect(dialog).not.toContainText('first HSM');
  await dialog.getByRole('button', { name: 'Add HSM' }).click();
  const notice = page.getByTestId('hsm-created-notice');
  await expect(notice).toContainText('HSM hsm-');
  const secondId = /hsm-[a-z2-7]+/.exec((await notice.textContent()) ?? '')![0];
  await expect(hsmRow(page, secondId)).toHaveAttribute('data-state', 'ACTIVE', { timeout: 20_000 });
  expect((await describeCluster(RESTORE_REGION, clusterId))?.Hsms?.map((h) => h.HsmId).sort()).toEqual([firstId, secondId].sort());

  const backupsBefore = (await describeBackups(RESTORE_REGION, { clusterIds: [clusterId] })).length;
  await hsmRow(page, secondId)
    .getByRole('button', { name: `Delete HSM ${secondId}` })
    .click();
  let confirm = page.getByRole('dialog', { name: `Delete HSM ${secondId}?` });
  await expect(confirm.getByTestId('last-hsm-warning')).toHaveCount(0);
  await expect(confirm).toContainText('AWS takes a backup of the cluster when an HSM is removed');
  await confirm.getByRole('button', { name: 'Delete HSM' }).click();
  await expect(hsmRow(page, secondId)).toHaveCount(0, { timeout: 20_000 });

  await hsmRow(page, firstId)
    .getByRole('button', { name: `Delete HSM ${firstId}` })
    .click();
  confirm = page.getByRole('dialog', { name: `Delete HSM ${firstId}?` });
  await expect(confirm.getByTestId('last-hsm-warning')).toContainText('This is the cluster’s last HSM');
  await confirm.getByRole('button', { name: 'Delete HSM' }).click();
  await expect(hsmRow(page, firstId)).toHaveCount(0, { timeout: 20_000 });
  const after = await eventually(
    () => describeCluster(RESTORE_REGION, clusterId),
    (c) => (c?.Hsms ?? []).length === 0,
  );
  expect(after?.State).toBe('ACTIVE');
  await eventually(
    () => describeBackups(RESTORE_REGION, { clusterIds: [clusterId] }),
    (list) => list.length >= backupsBefore + 2,
  );
});
