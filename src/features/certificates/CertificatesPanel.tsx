/**
 * The certificates tab of the cluster detail page: each present certificate and the CSR, decoded, and the
 * chain checks. Loaded with React.lazy so @peculiar/x509 stays out of the first view's chunk.
 */
import { useEffect, useMemo, useState } from 'react';
import type { Certificates } from '../../aws';
import { CertificateCard } from './CertificateCard';
import { certificateSlots, chainInputOf } from './certificateSlots';
import { verifyChain, type ChainCheck, type ChainCheckStatus, type ChainInput } from '../../pki';

const STATUS: Record<ChainCheckStatus, { icon: string; text: string; className: string }> = {
  pass: { icon: '✓', text: 'Pass', className: 'text-green-800 dark:text-green-300' },
  fail: { icon: '✕', text: 'Fail', className: 'text-red-800 dark:text-red-300' },
  unavailable: { icon: '–', text: 'Unavailable', className: 'text-slate-700 dark:text-slate-300' },
};

function ChainChecks({ certificates }: { certificates: Certificates | undefined }) {
  const [result, setResult] = useState<{ for: ChainInput; checks: ChainCheck[] } | null>(null);
  const input = useMemo(() => chainInputOf(certificates), [certificates]);
  useEffect(() => {
    let live = true;
    void verifyChain(input, new Date()).then((checks) => {
      if (live) setResult({ for: input, checks });
    });
    return () => {
      live = false;
    };
  }, [input]);
  // Checks of other certificates are not shown while the new ones are being checked.
  const checks = result?.for === input ? result.checks : null;

  return (
    <section aria-labelledby="chain-checks-heading" className="mb-4">
      <h3 id="chain-checks-heading" className="mb-2 font-medium">
        Chain checks
      </h3>
      {!checks && <p aria-live="polite">Checking the certificate chain…</p>}
      {checks && (
        <>
          <ul className="space-y-1 text-sm" data-testid="chain-checks">
            {checks
              .filter((c) => c.status !== 'unavailable')
              .map((check) => (
                <CheckItem key={check.id} check={check} />
              ))}
          </ul>
          {/* What cannot be checked is folded away, so the results that exist come first. */}
          {checks.some((c) => c.status === 'unavailable') && (
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer">
                {checks.filter((c) => c.status === 'unavailable').length} checks cannot be made with the certificates this cluster returns
                {certificates?.ClusterCertificate && !certificates.ClusterCsr
                  ? ' (after initialization only the cluster certificate is returned)'
                  : ''}
              </summary>
              <ul className="mt-1 space-y-1">
                {checks
                  .filter((c) => c.status === 'unavailable')
                  .map((check) => (
                    <CheckItem key={check.id} check={check} />
                  ))}
              </ul>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function CheckItem({ check }: { check: ChainCheck }) {
  const s = STATUS[check.status];
  return (
    <li data-testid="chain-check" data-status={check.status} className="rounded border border-slate-200 p-2 dark:border-slate-800">
      <span className={`mr-2 font-medium ${s.className}`}>
        <span aria-hidden="true">{s.icon}</span> {s.text}
      </span>
      <span>{check.label}</span>
      <p className="text-slate-700 dark:text-slate-300">{check.detail}</p>
    </li>
  );
}

export function CertificatesPanel({ certificates, clusterId }: { certificates: Certificates | undefined; clusterId: string }) {
  const slots = useMemo(() => certificateSlots(certificates, clusterId), [certificates, clusterId]);
  // One "now" for the panel, so cards do not re-decode on every render.
  const [now] = useState(() => new Date());
  if (slots.length === 0) return <p>No certificates: this cluster has no certificates or CSR yet.</p>;
  return (
    <div>
      <ChainChecks certificates={certificates} />
      <div className="space-y-3">
        {slots.map((slot) => (
          <CertificateCard key={slot.key} slot={slot} now={now} />
        ))}
      </div>
    </div>
  );
}

export default CertificatesPanel;
