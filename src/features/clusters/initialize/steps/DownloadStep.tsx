/**
 * Step 2: the cluster CSR to sign (with its subject and key fingerprint, so it can be recognised), and the HSM's
 * identity certificates for whoever wants to verify the HSM first (the certificates tab decodes and checks them).
 */
import { useEffect, useMemo, useState } from 'react';
import type { Certificates } from '../../../../aws';
import { buttonClass } from '../../../../ui/buttons';
import { downloadText } from '../../../../ui/download';
import { verifyChain, type ChainCheck } from '../../../../pki';
import { chainInputOf } from '../../../certificates';
import { summarizeCsr, type CsrSummary } from '../csrSummary';
import { ClusterTabLink } from '../ClusterTabLink';
import { csrFileName } from '../flow';

const asFile = (pem: string) => `${pem.replace(/\r\n?/g, '\n').trim()}\n`;

const HARDWARE: Array<{ key: 'HsmCertificate' | 'AwsHardwareCertificate' | 'ManufacturerHardwareCertificate'; label: string }> = [
  { key: 'HsmCertificate', label: 'HSM certificate' },
  { key: 'AwsHardwareCertificate', label: 'AWS hardware certificate' },
  { key: 'ManufacturerHardwareCertificate', label: 'Manufacturer hardware certificate' },
];

function useCsrSummary(csr: string | undefined) {
  const [summary, setSummary] = useState<{ for: string; value: CsrSummary | null; error: string | null } | null>(null);
  useEffect(() => {
    if (!csr) return;
    let live = true;
    summarizeCsr(csr).then(
      (value) => live && setSummary({ for: csr, value, error: null }),
      (err: unknown) => live && setSummary({ for: csr, value: null, error: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      live = false;
    };
  }, [csr]);
  return summary && summary.for === csr ? summary : null;
}

function useChainSummary(certificates: Certificates | undefined) {
  const input = useMemo(() => chainInputOf(certificates), [certificates]);
  const [checks, setChecks] = useState<ChainCheck[] | null>(null);
  useEffect(() => {
    let live = true;
    void verifyChain(input, new Date()).then((result) => live && setChecks(result));
    return () => {
      live = false;
    };
  }, [input]);
  return checks;
}

export function DownloadStep({
  certificates,
  clusterId,
  region,
  account,
  onDownloaded,
}: {
  certificates: Certificates | undefined;
  clusterId: string;
  region: string;
  account: string | undefined;
  onDownloaded: () => void;
}) {
  const csr = certificates?.ClusterCsr?.trim() ? certificates.ClusterCsr : undefined;
  const summary = useCsrSummary(csr);
  const chain = useChainSummary(certificates);
  const hardware = HARDWARE.filter(({ key }) => certificates?.[key]?.trim());

  if (!csr) {
    return <p>The cluster has no CSR to download: it appears when the cluster is UNINITIALIZED with an ACTIVE HSM (step 1).</p>;
  }
  const made = chain?.filter((c) => c.status !== 'unavailable') ?? [];
  const failed = made.filter((c) => c.status === 'fail');
  return (
    <div className="space-y-3">
      <div>
        <button
          type="button"
          className={buttonClass.primary}
          onClick={() => {
            downloadText(asFile(csr), csrFileName(clusterId), 'application/pkcs10');
            onDownloaded();
          }}
        >
          Download the CSR ({csrFileName(clusterId)})
        </button>
      </div>
      <dl className="text-sm" data-testid="init-csr-summary">
        {summary?.value && (
          <>
            <div className="grid grid-cols-[12rem_1fr] gap-2 py-0.5">
              <dt className="text-slate-600 dark:text-slate-300">Subject</dt>
              <dd className="break-all">{summary.value.subject}</dd>
            </div>
            <div className="grid grid-cols-[12rem_1fr] gap-2 py-0.5">
              <dt className="text-slate-600 dark:text-slate-300">Key</dt>
              <dd>{summary.value.key}</dd>
            </div>
            <div className="grid grid-cols-[12rem_1fr] gap-2 py-0.5">
              <dt className="text-slate-600 dark:text-slate-300">Key fingerprint (SHA-256)</dt>
              <dd className="font-mono text-xs break-all" data-testid="init-csr-key-fingerprint">
                {summary.value.keyFingerprint}
              </dd>
            </div>
          </>
        )}
        {summary?.error && <p role="alert">The CSR cannot be read: {summary.error}</p>}
        {!summary && <p aria-live="polite">Reading the CSR…</p>}
      </dl>
      <p className="text-xs text-slate-700 dark:text-slate-300">
        The fingerprint is the SHA-256 of the CSR&apos;s public key; OpenSSL prints it (without colons) with{' '}
        <code className="font-mono">
          openssl req -in {csrFileName(clusterId)} -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256
        </code>
        .
      </p>
      {hardware.length > 0 && (
        <details className="text-sm">
          <summary className="cursor-pointer">
            Optional: verify the HSM&apos;s identity first (HSM, AWS and manufacturer certificates)
          </summary>
          <p className="mt-2">
            {chain === null && 'Checking the HSM certificate chain…'}
            {chain !== null && failed.length === 0 && (
              <>
                <span aria-hidden="true">✓ </span>All {made.length} chain checks this browser can make pass: the HSM certificate chains to
                the AWS hardware and manufacturer certificates, and its key is the CSR&apos;s key.
              </>
            )}
            {chain !== null && failed.length > 0 && (
              <>
                <span aria-hidden="true">✕ </span>
                {failed.length} of {made.length} chain checks fail.
              </>
            )}{' '}
            Each check and certificate is on the{' '}
            <ClusterTabLink region={region} clusterId={clusterId} account={account} tab="certificates" className="underline">
              cluster&apos;s Certificates tab
            </ClusterTabLink>
            .
          </p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {hardware.map(({ key, label }) => (
              <li key={key}>
                <button
                  type="button"
                  className={buttonClass.secondary}
                  onClick={() => downloadText(asFile(certificates?.[key] ?? ''), `${clusterId}_${key}.crt`, 'application/x-pem-file')}
                >
                  Download the {label}
                </button>
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
