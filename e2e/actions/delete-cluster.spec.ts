/**
 * Delete a cluster from its page: refused while it has HSMs (the control says why; the service's own refusal
 * is shown when the page's view is stale), then type-the-id → DELETE_IN_PROGRESS → DELETED.
 * Resources: a cluster this spec creates in ca-central-1 (no demo data there, no other spec uses it).
 */
import { CreateClusterCommand, CreateHsmCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test, type Page } from '@playwright/test';

import { api, describeCluster, eventually, hsmSubnets } from './support';

const REGION = 'ca-central-1';

async function addHsm(clusterId: string, availabilityZone: string): Promise<string> {
  const out = await api(REGION).send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: availabilityZone }));
  const hsmId = out.Hsm!.HsmId!;
  await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.Hsms?.find((h) => h.HsmId === hsmId)?.State === 'ACTIVE',
  );
  return hsmId;
}

async function deleteHsmInPage(page: Page, hsmId: string) {
  await page.getByRole('tab', { name: 'HSMs' }).click();
  await page.getByRole('button', { name: `Delete HSM ${hsmId}` }).click();
  await page
    .getByRole('dialog', { name: `Delete HSM ${hsmId}?` })
    .getByRole('button', { name: 'Delete HSM' })
    .click();
  await expect(page.getByTestId('hsm-row')).toHaveCount(0, { timeout: 20_000 });
}

test('delete a cluster: not while it has HSMs, then after typing its id; it goes DELETE_IN_PROGRESS and DELETED', async ({ page }) => {
  const subnets = await hsmSubnets(REGION);
  const created = await api(REGION).send(
    new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: subnets.slice(0, 2).map((s) => s.SubnetId) }),
  );
  const clusterId = created.Cluster!.ClusterId!;
  await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.State === 'UNINITIALIZED',
  );
  const hsmId = await addHsm(clusterId, subnets[0]!.AvailabilityZone);

  await page.goto(`/clusters/${REGION}/${clusterId}`);
  const actions = page.getByTestId('cluster-actions');
  const deleteButton = actions.getByRole('button', { name: 'Delete cluster' });
  await expect(deleteButton).toHaveAttribute('aria-disabled', 'true');
  await expect(actions).toContainText('Delete its 1 HSM first: a cluster can only be deleted when it has no HSMs.');
  await deleteButton.click({ force: true });
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await deleteHsmInPage(page, hsmId);
  await expect(deleteButton).not.toHaveAttribute('aria-disabled', 'true');

  // Someone adds an HSM behind the page's back (the page has nothing in transition, so it is not polling):
  // the service refuses, the dialog shows its error, and the page reads the cluster again.
  const otherHsm = await addHsm(clusterId, subnets[1]!.AvailabilityZone);
  await deleteButton.click();
  let dialog = page.getByRole('dialog', { name: `Delete cluster ${clusterId}?` });
  await dialog.getByLabel(`Type ${clusterId} to confirm`).fill(clusterId);
  await dialog.getByRole('button', { name: 'Delete cluster' }).click();
  const error = dialog.getByTestId('aws-error');
  await expect(error).toContainText('Could not delete the cluster (nothing was changed)');
  await expect(error).toContainText('DeleteCluster in ca-central-1 failed: CloudHsmInvalidRequestException');
  await expect(error).toContainText(`still contains 1 HSM(s) (${otherHsm})`);
  expect((await describeCluster(REGION, clusterId))?.State).toBe('UNINITIALIZED');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(deleteButton).toHaveAttribute('aria-disabled', 'true');
  await expect(deleteButton).toBeFocused();
  await deleteHsmInPage(page, otherHsm);

  await deleteButton.click();
  dialog = page.getByRole('dialog', { name: `Delete cluster ${clusterId}?` });
  await expect(dialog).toContainText('Its backups are not deleted: they are kept according to the retention policy (90 days');
  const confirm = dialog.getByRole('button', { name: 'Delete cluster' });
  await expect(confirm).toBeDisabled();
  const typed = dialog.getByLabel(`Type ${clusterId} to confirm`);
  await typed.fill(clusterId.slice(0, -1));
  await expect(confirm).toBeDisabled();
  await typed.fill(clusterId);
  await confirm.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'is being deleted' })).toContainText(clusterId);
  await page.getByRole('tab', { name: 'Overview' }).click();
  await expect(page.getByTestId('field-state')).toContainText(/Delete in progress|Deleted/);
  const deleted = await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.State === 'DELETED',
  );
  expect(deleted?.Hsms ?? []).toEqual([]);
  await expect(page.getByTestId('field-state')).toContainText('Deleted', { timeout: 20_000 });
  // One visible line says why every action is off, in words with the state in parentheses.
  await expect(page.getByTestId('actions-note')).toHaveText('The cluster is deleted (DELETED): nothing can be changed.');
  await expect(actions.getByRole('button', { name: 'Delete cluster' })).toHaveAttribute('aria-disabled', 'true');
});
