import { useEffect, useState, type ReactNode } from 'react';
import { decodeCertificate, decodeCsr, type DecodedCertificate, type DecodedCsr } from '../../pki';
import type { CertificateSlot } from './certificateSlots';
import { downloadText } from '../../ui/download';
import { formatTimestamp } from '../../ui/format';
import { toPemFile } from './toPemFile';
import { ExpiryStatus } from './CertificateExpiry';

type DecodeInput = { kind: CertificateSlot['kind']; pem: string; now: Date };
type Decoded =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'certificate'; value: DecodedCertificate }
  | { state: 'csr'; value: DecodedCsr };

const VALIDITY_TEXT = { valid: '✓ Valid now', expired: '✕ Expired', 'not-yet-valid': '⚠ Not yet valid' } as const;

function downloadPem(name: string, pem: string): void {
  const { filename, text } = toPemFile(name, pem);
  downloadText(text, filename, 'application/x-pem-file');
}

function Field({ label, children, mono = false }: { label: string; children: ReactNode; mono?: boolean }) {
  return (
    <div className="grid grid-cols-[12rem_1fr] gap-2 py-0.5">
      <dt className="text-slate-600 dark:text-slate-300">{label}</dt>
      <dd className={`break-all ${mono ? 'font-mono text-xs' : ''}`}>{children}</dd>
    </div>
  );
}

/** One certificate or CSR: its decoded fields, and download / copy of the PEM. */

export function CertificateCard({ slot, now }: { slot: CertificateSlot; now: Date }) {
  const [result, setResult] = useState<{ for: DecodeInput; decoded: Decoded } | null>(null);
  const [copyMessage, setCopyMessage] = useState('');
  const headingId = `cert-${slot.key}`;

  useEffect(() => {
    let live = true;
    const input: DecodeInput = { kind: slot.kind, pem: slot.pem, now };
    const work: Promise<Decoded> =
      slot.kind === 'csr'
        ? decodeCsr(slot.pem).then((value) => ({ state: 'csr', value }))
        : decodeCertificate(slot.pem, now).then((value) => ({ state: 'certificate', value }));
    void work
      .catch((err: unknown): Decoded => ({ state: 'error', message: err instanceof Error ? err.message : String(err) }))
      .then((decoded) => {
        if (live) setResult({ for: input, decoded });
      });
    return () => {
      live = false;
    };
  }, [slot.kind, slot.pem, now]);
  // A result for another PEM (or another now) is not shown: the card says it is decoding until its own arrives.
  const current = result && result.for.kind === slot.kind && result.for.pem === slot.pem && result.for.now === now;
  const decoded: Decoded = current ? result.decoded : { state: 'loading' };

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('the clipboard is not available here');
      await navigator.clipboard.writeText(slot.pem);
      setCopyMessage(`${slot.label} copied to the clipboard.`);
    } catch (err) {
      setCopyMessage(`Could not copy: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <article
      aria-labelledby={headingId}
      className="rounded border border-slate-300 p-3 dark:border-slate-700"
      data-testid="certificate-card"
    >
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h3 id={headingId} className="font-medium">
          {slot.label}
        </h3>
        <div className="flex items-center gap-2 text-sm">
          <button
            type="button"
            className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600"
            onClick={() => downloadPem(slot.fileName, slot.pem)}
          >
            Download {slot.label} (.pem)
          </button>
          <button type="button" className="rounded border border-slate-300 px-2 py-1 dark:border-slate-600" onClick={() => void copy()}>
            Copy {slot.label}
          </button>
        </div>
      </div>
      <p role="status" className="min-h-5 text-sm text-slate-700 dark:text-slate-200">
        {copyMessage}
      </p>
      {decoded.state === 'loading' && <p aria-live="polite">Decoding…</p>}
      {decoded.state === 'error' && (
        <p role="alert" className="text-red-800 dark:text-red-200">
          ✕ This {slot.kind === 'csr' ? 'CSR' : 'certificate'} cannot be decoded: {decoded.message}
        </p>
      )}
      {decoded.state === 'certificate' && (
        <dl className="text-sm">
          <Field label="Subject">{decoded.value.subject}</Field>
          <Field label="Issuer">{decoded.value.issuer}</Field>
          <Field label="Serial" mono>
            {decoded.value.serial}
          </Field>
          <Field label="Valid from">{formatTimestamp(decoded.value.notBefore)}</Field>
          <Field label="Valid until">{formatTimestamp(decoded.value.notAfter)}</Field>
          {/* Only the cluster certificate is the customer's to renew; AWS looks after the HSM and hardware ones. */}
          {slot.key === 'ClusterCertificate' && (
            <Field label="Expiry">
              <ExpiryStatus notAfter={decoded.value.notAfter} now={now} />
            </Field>
          )}
          <Field label="Validity">{VALIDITY_TEXT[decoded.value.validity]}</Field>
          <Field label="Public key">{decoded.value.publicKey.description}</Field>
          <Field label="Signature algorithm">{decoded.value.signatureAlgorithm}</Field>
          <Field label="SHA-256 fingerprint" mono>
            {decoded.value.fingerprintSha256}
          </Field>
          <Field label="CA / self-signed">
            {decoded.value.isCA ? 'CA' : 'not a CA'} · {decoded.value.selfSigned ? 'self-signed' : 'not self-signed'}
          </Field>
        </dl>
      )}
      {decoded.state === 'csr' && (
        <dl className="text-sm">
          <Field label="Subject">{decoded.value.subject}</Field>
          <Field label="Public key">{decoded.value.publicKey.description}</Field>
          <Field label="Signature algorithm">{decoded.value.signatureAlgorithm}</Field>
          <Field label="SHA-256 fingerprint" mono>
            {decoded.value.fingerprintSha256}
          </Field>
          <Field label="Self-signature">{decoded.value.signatureValid ? '✓ verifies' : '✕ does not verify'}</Field>
        </dl>
      )}
    </article>
  );
}
