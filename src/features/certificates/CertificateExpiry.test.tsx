// @vitest-environment happy-dom
/** The cluster certificate's expiry as a Recovery row and the certificates tab show it, on real certificates. */
import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterWithExtras } from '../../aws';
import { createSelfSigned, generateKeyPair } from '../../pki';
import { testQueryClient } from '../testing/render';
import { CertificateExpiry } from './CertificateExpiry';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
let keys: CryptoKeyPair;
/** A certificate that expires `days` after NOW. */
const certificateExpiringIn = (days: number) =>
  createSelfSigned('CN=cluster-test', keys, {
    notBefore: new Date(NOW.getTime() - 400 * DAY),
    notAfter: new Date(NOW.getTime() + days * DAY),
  });

beforeAll(async () => {
  keys = await generateKeyPair('ec-p256');
});
afterEach(cleanup);

function renderExpiry(clusters: ClusterWithExtras[], queryClient = testQueryClient()) {
  render(
    <QueryClientProvider client={queryClient}>
      {clusters.map((cluster, i) => (
        <p key={i}>
          <CertificateExpiry cluster={cluster} now={NOW} />
        </p>
      ))}
    </QueryClientProvider>,
  );
  return queryClient;
}

const shown = async () => {
  await waitFor(() => expect(screen.queryAllByTestId('certificate-expiry').every((e) => e.dataset.level !== 'loading')).toBe(true));
  return screen.getAllByTestId('certificate-expiry');
};

describe('CertificateExpiry', () => {
  it('says "Not initialized" for a cluster without a cluster certificate', async () => {
    renderExpiry([{ ClusterId: 'cluster-aaaaaaaaaaa', Certificates: { ClusterCsr: 'csr' } }, { ClusterId: 'cluster-bbbbbbbbbbb' }]);
    const [first, second] = await shown();
    expect(first?.textContent).toBe('Not initialized');
    expect(second?.textContent).toBe('Not initialized');
  });

  it('shows the ISO date and the days left, warned at 90 days, in error at 30 and past', async () => {
    const pems = await Promise.all([400, 90, 30, -3].map(certificateExpiringIn));
    renderExpiry(pems.map((pem) => ({ Certificates: { ClusterCertificate: pem } })));
    const cells = await shown();
    expect(cells.map((c) => [c.dataset.level, c.textContent])).toEqual([
      ['ok', 'Expires 2028-01-05, in 400 days'],
      ['warning', 'Expires 2027-03-01, in 90 days'],
      ['error', 'Expires 2026-12-31, in 30 days'],
      ['error', 'Expired 2026-11-28, 3 days ago'],
    ]);
    // The date is machine-readable too; the level is an icon and words, not a colour only.
    expect(cells[1]?.querySelector('time')?.getAttribute('dateTime')).toBe('2027-03-01T12:00:00.000Z');
    expect(cells[1]?.querySelector('svg')).not.toBeNull();
  });

  it('reads a certificate shared by many rows once', async () => {
    const pem = await certificateExpiringIn(200);
    const queryClient = renderExpiry(Array.from({ length: 5 }, () => ({ Certificates: { ClusterCertificate: pem } })));
    const cells = await shown();
    expect(cells.map((c) => c.dataset.level)).toEqual(Array(5).fill('ok'));
    expect(queryClient.getQueryCache().findAll({ queryKey: ['pki', 'certificate-validity'] })).toHaveLength(1);
  });

  it('says a certificate it cannot read is unreadable', async () => {
    renderExpiry([{ Certificates: { ClusterCertificate: 'not a certificate' } }]);
    const [cell] = await shown();
    expect(cell?.dataset.level).toBe('unreadable');
    expect(cell?.textContent).toContain('Certificate unreadable');
  });
});
