/**
 * Journey: initialize a cluster with the guided flow. Each test creates its own cluster (us-east-1, tagged
 * Name=e2e-initialize-*) with one HSM, so no other action spec touches it; the certificates are made here, with
 * our own CA (WebCrypto + @peculiar/x509). Outcomes are checked in the page and through the API.
 */
import { CreateClusterCommand, CreateHsmCommand, DescribeClustersCommand } from '@aws-sdk/client-cloudhsm-v2';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { makeRootCa, signCsr } from '../../src/pki/testing/testPki';
import { api, describeCluster, eventually } from './support';
import { seriousViolations } from '../axe';

const REGION = 'us-east-1';

/** A new cluster with an ACTIVE HSM and its CSR, in the subnets of the demo's us-east-1 clusters. */
async function clusterWithCsr(name: string): Promise<{ clusterId: string; csr: string }> {
  const existing = await api(REGION).send(new DescribeClustersCommand({}));
  const mapping = existing.Clusters?.find((c) => Object.keys(c.SubnetMapping ?? {}).length > 0)?.SubnetMapping;
  if (!mapping) throw new Error(`no cluster in ${REGION} to borrow subnets from`);
  const created = await api(REGION).send(
    new CreateClusterCommand({ HsmType: 'hsm2m.medium', SubnetIds: Object.values(mapping), TagList: [{ Key: 'Name', Value: name }] }),
  );
  const clusterId = created.Cluster?.ClusterId ?? '';
  const uninitialized = await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.State === 'UNINITIALIZED',
  );
  const az = Object.keys(uninitialized?.SubnetMapping ?? {}).sort()[0] ?? '';
  await api(REGION).send(new CreateHsmCommand({ ClusterId: clusterId, AvailabilityZone: az }));
  const ready = await eventually(
    () => describeCluster(REGION, clusterId),
    (c) => c?.Hsms?.[0]?.State === 'ACTIVE' && Boolean(c.Certificates?.ClusterCsr),
  );
  return { clusterId, csr: ready?.Certificates?.ClusterCsr ?? '' };
}

const currentStep = (page: Page) => page.getByRole('navigation', { name: 'Initialize steps' }).locator('[aria-current="step"]');
const check = (page: Page, id: string) => page.locator(`[data-testid="init-check"][data-check-id="${id}"]`);
const signedBox = (page: Page) => page.getByRole('textbox', { name: /or paste it/ }).first();
const anchorBox = (page: Page) => page.getByRole('textbox', { name: /or paste it/ }).nth(1);
const initializeButton = (page: Page) => page.getByRole('button', { name: 'Initialize cluster' });

test('initialize with certificates made in the test: download the CSR, give the certificates, every check passes, INITIALIZED', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const { clusterId, csr } = await clusterWithCsr('e2e-initialize-ok');
  const ca = await makeRootCa('E2E Customer Root CA');
  const signed = await signCsr(csr, ca);

  await page.goto(`/clusters/${REGION}/${clusterId}/initialize`);
  // Arriving on the page starts keyboard users at its heading, not at <body>.
  await expect(page.getByRole('heading', { name: `Initialize cluster ${clusterId}` })).toBeFocused();
  await expect(page.getByTestId('init-readiness')).toHaveAttribute('data-kind', 'ready');
  await expect(currentStep(page)).toContainText('Download the CSR');
  await expect(page.getByTestId('init-csr-key-fingerprint')).toHaveText(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

  // The CSR download is the API's CSR, under AWS's file name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: `Download the CSR (${clusterId}_ClusterCsr.csr)` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`${clusterId}_ClusterCsr.csr`);
  expect(await readFile(await download.path(), 'utf8')).toBe(`${csr.trim()}\n`);
  await expect(currentStep(page)).toContainText('Sign it with your CA');
  await expect(page.getByTestId('init-signing-commands')).toContainText(
    `openssl x509 -req -days 3652 -in ${clusterId}_ClusterCsr.csr -CA customerCA.crt -CAkey customerCA.key -CAcreateserial -out ${clusterId}_CustomerHsmCertificate.crt`,
  );

  // Paste the signed certificate; upload the trust anchor as a file.
  await signedBox(page).fill(signed);
  await expect(currentStep(page)).toContainText('Provide the certificates');
  await page
    .getByTestId('init-file-trust-anchor')
    .setInputFiles({ name: 'customerCA.crt', mimeType: 'application/x-x509-ca-cert', buffer: Buffer.from(ca.pem) });
  await expect(page.getByText('Read customerCA.crt.')).toBeVisible();
  await expect(anchorBox(page)).toHaveValue(ca.pem);
  await expect(page.getByTestId('init-checks-summary')).toHaveText('All 9 checks pass.');
  await expect(page.locator('[data-testid="init-check"][data-status="pass"]')).toHaveCount(9);
  await expect(currentStep(page)).toContainText('Initialize');
  await expect(initializeButton(page)).not.toHaveAttribute('aria-disabled', 'true');

  await initializeButton(page).click();
  await expect(page.getByTestId('init-accepted')).toContainText('InitializeCluster accepted');
  // The button is gone; the focus is on the progress that replaced it (not on <body>).
  // Read as document.activeElement: with two browsers side by side, the page itself may not have the OS focus,
  // which toBeFocused also asks for (it read "inactive" once in CI).
  // At --speed 600 the cluster may be INITIALIZED already, the focus moved on to the activation note: either
  // is right, <body> is not.
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
    .toMatch(/^init-(progress-region|activation-note)$/);
  await expect(page.getByTestId('init-states-seen')).toContainText('INITIALIZE_IN_PROGRESS');
  await expect(page.getByTestId('init-progress')).toHaveAttribute('data-state', 'INITIALIZED', { timeout: 20_000 });
  await expect(page.getByTestId('init-states-seen')).toHaveText(/INITIALIZE_IN_PROGRESS\s*→\s*INITIALIZED/);
  await expect(currentStep(page)).toContainText('Activate in the CloudHSM CLI');
  const note = page.getByTestId('init-activation-note');
  // Once INITIALIZED, the focus moves on to what is left to do.
  await expect(note).toBeFocused();
  await expect(note).toContainText('Activation is not an API call');
  await expect(note).toContainText('cloudhsm-cli cluster activate');
  await expect(note.getByRole('link', { name: 'Activate the cluster in AWS CloudHSM' })).toHaveAttribute(
    'href',
    'https://docs.aws.amazon.com/cloudhsm/latest/userguide/activate-cluster.html',
  );

  const after = await describeCluster(REGION, clusterId);
  expect(after?.State).toBe('INITIALIZED');
  expect(after?.Certificates?.ClusterCertificate).toBe(signed);
  expect(await seriousViolations(page)).toEqual([]);

  // The emulator stands in for `cloudhsm-cli cluster activate`: the cluster becomes ACTIVE.
  await note.getByRole('button', { name: 'Activate in the emulator' }).click();
  await expect(note).toContainText('The cluster is ACTIVE', { timeout: 20_000 });
  await expect(note.getByRole('button', { name: 'Activate in the emulator' })).toHaveCount(0);
  await expect(note).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('init-activation-note');
  expect((await describeCluster(REGION, clusterId))?.State).toBe('ACTIVE');
  // Every step is done now, the last one included.
  await expect(page.getByTestId('init-step-done')).toHaveAttribute('data-status', 'complete');
});

test('bad certificates are refused in the browser: failing checks shown, Initialize disabled, nothing sent', async ({ page }) => {
  test.setTimeout(60_000);
  const { clusterId, csr } = await clusterWithCsr('e2e-initialize-refused');
  const [ca, otherCa] = await Promise.all([makeRootCa('E2E Customer Root CA'), makeRootCa('E2E Some Other CA')]);
  const [signed, signedByOther] = await Promise.all([signCsr(csr, ca), signCsr(csr, otherCa)]);

  await page.goto(`/clusters/${REGION}/${clusterId}/initialize`);
  await expect(page.getByTestId('init-readiness')).toHaveAttribute('data-kind', 'ready');
  await expect(initializeButton(page)).toHaveAttribute('aria-disabled', 'true');

  // Keyboard: a step in the step list moves focus to that step.
  await page
    .getByRole('navigation', { name: 'Initialize steps' })
    .getByRole('link', { name: /4\. Provide the certificates/ })
    .focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('init-step-provide')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('init-file-signed-cert')).toBeFocused();

  // Signed by another CA: only the issuer check fails, and the button says why it is off.
  await signedBox(page).fill(signedByOther);
  await anchorBox(page).fill(ca.pem);
  await expect(page.getByTestId('init-checks-summary')).toHaveText('1 of 9 checks fail.');
  await expect(check(page, 'signed-by-trust-anchor')).toHaveAttribute('data-status', 'fail');
  await expect(check(page, 'signed-by-trust-anchor')).toContainText('another CA issued it');
  await expect(initializeButton(page)).toHaveAttribute('aria-disabled', 'true');
  // The button's reason counts as the summary does.
  await expect(page.getByTestId('init-step-initialize').getByTestId('disabled-reason')).toHaveText(
    'Not every certificate check passes (step 4): 1 of 9 checks fail. Fix the certificates first.',
  );
  // Playwright will not click an aria-disabled button by itself; a person (or a script) still can: nothing may happen.
  await initializeButton(page).click({ force: true });

  // Garbage text: the format check fails on the box itself (aria-invalid, described by the reason).
  await signedBox(page).fill('this is not a certificate');
  await expect(check(page, 'signed-cert-format')).toHaveAttribute('data-status', 'fail');
  await expect(signedBox(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(signedBox(page)).toHaveAccessibleDescription(/no "-----BEGIN CERTIFICATE-----" line/);
  await expect(check(page, 'signed-by-trust-anchor')).toHaveAttribute('data-status', 'skipped');
  await expect(initializeButton(page)).toHaveAttribute('aria-disabled', 'true');
  // Failed and not-made checks: the summary and the button's reason give the same counts.
  const summary = page.getByTestId('init-checks-summary');
  await expect(summary).toHaveText(/^\d+ of 9 checks fail, \d+ of 9 could not be made\.$/);
  const counts = (await summary.textContent())?.replace(/\.$/, '') ?? '';
  await expect(page.getByTestId('init-step-initialize').getByTestId('disabled-reason')).toHaveText(
    `Not every certificate check passes (step 4): ${counts}. Fix the certificates first.`,
  );
  expect(await seriousViolations(page)).toEqual([]);

  // Swapped boxes get a hint.
  await signedBox(page).fill(ca.pem);
  await anchorBox(page).fill(signed);
  await expect(check(page, 'signed-by-trust-anchor')).toContainText('did you swap them?');
  await initializeButton(page).click({ force: true });
  await expect(page.getByTestId('init-accepted')).toHaveCount(0);

  const after = await describeCluster(REGION, clusterId);
  expect(after?.State).toBe('UNINITIALIZED');
  expect(after?.Certificates?.ClusterCertificate).toBeUndefined();
  expect(after?.Certificates?.ClusterCsr).toBe(csr);
});
