/** Step 4: the signed cluster certificate and the trust anchor, each uploaded or pasted, checked as soon as both are there. */
import type { InitCheck } from '../checkInitializationCertificates';
import { signedCertFileName } from '../flow';
import type { ChecksState } from '../useInitializationChecks';
import { CertificateField } from './CertificateField';
import { CheckList } from './CheckList';

export interface CertificatesStepProps {
  clusterId: string;
  signedCert: string;
  trustAnchor: string;
  onSignedCert: (text: string) => void;
  onTrustAnchor: (text: string) => void;
  checks: ChecksState;
  /** InitializeCluster is on its way with these certificates: they cannot change any more. */
  locked: boolean;
}

const find = (state: ChecksState, id: InitCheck['id']) => (state.kind === 'done' ? state.checks.find((c) => c.id === id) : undefined);

export function CertificatesStep({
  clusterId,
  signedCert,
  trustAnchor,
  onSignedCert,
  onTrustAnchor,
  checks,
  locked,
}: CertificatesStepProps) {
  return (
    <div>
      <p className="mb-3 text-sm">Nothing is sent until you press Initialize (step 5): the checks below run in this browser.</p>
      <div className="grid gap-3 lg:grid-cols-2">
        <CertificateField
          name="signed-cert"
          label="Signed cluster certificate"
          hint={`The cluster CSR signed by your CA (${signedCertFileName(clusterId)}).`}
          value={signedCert}
          onChange={onSignedCert}
          formatCheck={find(checks, 'signed-cert-format')}
          locked={locked}
        />
        <CertificateField
          name="trust-anchor"
          label="Trust anchor"
          hint="Your CA's own self-signed certificate, which signed the cluster certificate (customerCA.crt)."
          value={trustAnchor}
          onChange={onTrustAnchor}
          formatCheck={find(checks, 'trust-anchor-format')}
          locked={locked}
        />
      </div>
      <CheckList state={checks} />
    </div>
  );
}
