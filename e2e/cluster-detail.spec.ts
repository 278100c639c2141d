import { expect, test, type Page } from '@playwright/test';
import { seriousViolations } from './axe';

interface WireCluster {
  ClusterId: string;
  State: string;
  SubnetMapping?: Record<string, string>;
  TagList?: { Key: string; Value: string }[];
  Hsms?: { HsmId: string; State: string }[];
}

/** The demo seed's cluster with this Name tag, found through the API (ids differ per seed run). */
async function clusterNamed(page: Page, region: string, name: string): Promise<WireCluster> {
  const response = await page.request.post(`/aws/${region}`, {
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'BaldrApiService.DescribeClusters' },
    data: '{}',
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { Clusters: WireCluster[] };
  const cluster = body.Clusters.find((c) => c.TagList?.some((t) => t.Key === 'Name' && t.Value === name));
  if (!cluster) throw new Error(`no cluster named ${name} in ${region}`);
  return cluster;
}

test('overview of a deep-linked cluster shows every field, including the subnet mapping', async ({ page }) => {
  const cluster = await clusterNamed(page, 'us-east-1', 'payments-prod');
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`/clusters/us-east-1/${cluster.ClusterId}`);
  await expect(page.getByRole('heading', { name: /payments-prod/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  const panel = page.getByRole('tabpanel');
  await expect(panel.getByTestId('field-cluster-id')).toContainText(cluster.ClusterId);
  await expect(panel.getByTestId('field-state')).toContainText('Active');
  await expect(panel.getByTestId('field-hsm-type')).toContainText('hsm2m.medium');
  await expect(panel.getByTestId('field-mode')).toContainText('FIPS');
  await expect(panel.getByTestId('field-network-type')).toContainText('IPV4');
  await expect(panel.getByTestId('field-vpc')).toContainText(/vpc-/);
  await expect(panel.getByTestId('field-security-group')).toContainText(/sg-/);
  await expect(panel.getByTestId('field-backup-policy')).toContainText('DEFAULT');
  await expect(panel.getByTestId('field-backup-retention')).toContainText('180 days');
  await expect(panel.getByTestId('field-created')).toContainText(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  const mapping = panel.getByTestId('subnet-mapping');
  for (const [az, subnet] of Object.entries(cluster.SubnetMapping ?? {})) {
    await expect(mapping.getByRole('row', { name: new RegExp(`${az}.*${subnet}`) })).toBeVisible();
  }
  await expect(page.getByText(/PreCoPassword/i)).toHaveCount(0);
  expect(await seriousViolations(page)).toEqual([]);

  // The X.509 code is not part of the first view: it arrives with the certificates tab.
  expect(scripts.filter((path) => /x509|CertificatesPanel/.test(path))).toEqual([]);
  await page.getByRole('tab', { name: 'Certificates' }).click();
  await expect(page.getByTestId('certificate-card').first()).toBeVisible();
  expect(scripts.filter((path) => /x509|CertificatesPanel/.test(path)).length).toBeGreaterThan(0);
});

test('the HSM table makes the degraded HSM stand out with an icon and words', async ({ page }) => {
  const cluster = await clusterNamed(page, 'eu-west-1', 'identity-eu-prod');
  const degraded = cluster.Hsms!.find((h) => h.State === 'DEGRADED')!;
  await page.goto(`/clusters/eu-west-1/${cluster.ClusterId}?tab=hsms`);
  await expect(page.getByRole('tab', { name: 'HSMs' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('hsm-row')).toHaveCount(cluster.Hsms!.length);
  const row = page.getByTestId('hsm-row').filter({ hasText: degraded.HsmId });
  await expect(row).toHaveAttribute('data-attention', 'true');
  // The status model's warning icon (a triangle) and its words.
  await expect(row.locator('[data-state="DEGRADED"] [data-icon="warning"]')).toBeVisible();
  await expect(row).toContainText('Degraded');
  await expect(row).toContainText(/hardware fault/);
  await expect(page.getByTestId('hsm-row').filter({ hasText: 'Active' }).first()).toHaveAttribute('data-attention', 'false');
  await expect(page.getByTestId('hsm-attention')).toContainText('1 of 3 HSMs is degraded');
});

test('certificates of an uninitialized cluster decode, pass every chain check, and download as .pem', async ({ page }) => {
  const cluster = await clusterNamed(page, 'us-east-1', 'tokenization-staging');
  await page.goto(`/clusters/us-east-1/${cluster.ClusterId}?tab=certificates`);
  const cards = page.getByTestId('certificate-card');
  await expect(cards).toHaveCount(4);
  const hsmCard = cards.filter({ has: page.getByRole('heading', { name: 'HSM certificate', exact: true }) });
  await expect(hsmCard.getByText('Subject', { exact: true })).toBeVisible();
  await expect(hsmCard).toContainText(/CN=/);
  await expect(hsmCard).toContainText(/SHA-256 fingerprint/);
  await expect(hsmCard).toContainText(/([0-9A-F]{2}:){31}[0-9A-F]{2}/);
  await expect(cards.filter({ hasText: 'Cluster CSR' })).toContainText(/CN=/);

  const checks = page.getByTestId('chain-check');
  await expect(checks).toHaveCount(9);
  // Every check that its inputs allow passes; the two that need a cluster certificate (not issued yet) are unavailable.
  await expect(page.locator('[data-testid="chain-check"][data-status="fail"]')).toHaveCount(0);
  await expect(page.locator('[data-testid="chain-check"][data-status="pass"]')).toHaveCount(7);
  await expect(page.locator('[data-testid="chain-check"][data-status="unavailable"]')).toHaveCount(2);
  // Folded away under a summary, so read their text content.
  for (const unavailable of await page.locator('[data-testid="chain-check"][data-status="unavailable"]').allTextContents()) {
    expect(unavailable).toMatch(/cluster certificate/i);
  }

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download HSM certificate (.pem)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${cluster.ClusterId}-hsm-certificate.pem`);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toMatch(/^-----BEGIN CERTIFICATE-----\n[\s\S]+-----END CERTIFICATE-----\n$/);

  expect(await seriousViolations(page)).toEqual([]);
});

test('copy puts the PEM on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const cluster = await clusterNamed(page, 'us-east-1', 'tokenization-staging');
  await page.goto(`/clusters/us-east-1/${cluster.ClusterId}?tab=certificates`);
  await page.getByRole('button', { name: 'Copy Cluster CSR' }).click();
  await expect(page.getByText('Cluster CSR copied to the clipboard.')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
});

test('tags show as chips and backups as a sortable list with links', async ({ page }) => {
  const cluster = await clusterNamed(page, 'eu-west-1', 'identity-eu-prod');
  await page.goto(`/clusters/eu-west-1/${cluster.ClusterId}?tab=tags`);
  const chips = page.getByTestId('tag-chip');
  await expect(chips).toHaveCount(cluster.TagList!.length);
  await expect(chips.filter({ hasText: 'Name' })).toContainText('identity-eu-prod');

  await page.getByRole('tab', { name: 'Backups' }).click();
  await expect(page).toHaveURL(/tab=backups/);
  const rows = page.getByTestId('backup-row');
  await expect(rows.first()).toBeVisible();
  const firstLink = rows.first().getByRole('link').first();
  await expect(firstLink).toHaveAttribute('href', /^\/backups\/eu-west-1\/backup-/);
  const ids = async () => (await rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
  await page.getByRole('button', { name: /^Backup/ }).click();
  await expect(page.getByRole('columnheader', { name: /^Backup/ })).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await ids();
  expect(ascending).toEqual([...ascending].sort());
  await page.getByRole('button', { name: /^Backup/ }).click();
  await expect(page.getByRole('columnheader', { name: /^Backup/ })).toHaveAttribute('aria-sort', 'descending');
  expect(await ids()).toEqual([...ascending].reverse());
  // The timeline above the list is scoped to this cluster.
  await expect(page.getByTestId('timeline-mark').first()).toBeVisible();
});

test("the backups tab follows the cluster's copies into other regions, on its scoped timeline", async ({ page }) => {
  const cluster = await clusterNamed(page, 'us-east-1', 'payments-prod');
  await page.goto(`/clusters/us-east-1/${cluster.ClusterId}?tab=backups`);
  await expect(page.getByTestId('backup-row').first()).toBeVisible();
  const hrefs = await page
    .getByTestId('backup-row')
    .locator('td:first-child a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.some((h) => h.startsWith('/backups/us-west-2/'))).toBe(true);
  expect(hrefs.some((h) => h.startsWith('/backups/us-east-1/'))).toBe(true);
  // Each row says where the backup is held.
  await expect(page.getByTestId('backup-region').filter({ hasText: 'us-west-2' }).first()).toContainText('(copy)');
  await expect(page.getByTestId('timeline-link').first()).toBeAttached();
  await page.getByRole('link', { name: 'Open on the full backup timeline' }).click();
  await expect(page).toHaveURL(new RegExp(`/backups\\?cluster=${cluster.ClusterId}`));
});

test('the tab lives in the URL: reload, back and forward keep it; arrow keys move between tabs', async ({ page }) => {
  const cluster = await clusterNamed(page, 'us-east-1', 'payments-prod');
  await page.goto(`/clusters/us-east-1/${cluster.ClusterId}`);
  const overview = page.getByRole('tab', { name: 'Overview' });
  await expect(overview).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('tab', { name: 'HSMs' }).click();
  await expect(page).toHaveURL(/tab=hsms/);
  await expect(page.getByTestId('hsm-row')).toHaveCount(cluster.Hsms!.length);
  await page.getByRole('tab', { name: 'Tags' }).click();
  await expect(page).toHaveURL(/tab=tags/);
  await expect(page.getByTestId('tag-chip').first()).toBeVisible();

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Tags' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('tag-chip').first()).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/tab=hsms/);
  await expect(page.getByRole('tab', { name: 'HSMs' })).toHaveAttribute('aria-selected', 'true');
  await page.goBack();
  await expect(page).not.toHaveURL(/tab=/);
  await expect(overview).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(page.getByRole('tab', { name: 'HSMs' })).toHaveAttribute('aria-selected', 'true');

  // Keyboard: focus the selected tab, then the arrows move (and wrap), Home and End jump.
  await page.getByRole('tab', { name: 'HSMs' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Certificates' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Certificates' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/tab=certificates/);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(overview).toBeFocused();
  await expect(overview).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Backups' })).toBeFocused();
  await expect(page).toHaveURL(/tab=backups/);
  await page.keyboard.press('Home');
  await expect(overview).toBeFocused();
  // Only the selected tab is in the tab order.
  await expect(page.locator('[role="tab"][tabindex="0"]')).toHaveCount(1);
});

test('an unknown cluster id says it is not found and links back to the list', async ({ page }) => {
  await page.goto('/clusters/us-east-1/cluster-doesnotexist?tab=hsms');
  await expect(page.getByTestId('cluster-not-found')).toContainText('There is no cluster cluster-doesnotexist in us-east-1');
  await page.getByRole('link', { name: 'cluster list' }).click();
  await expect(page).toHaveURL(/\/clusters(\?|$)/);
});
