/**
 * `checkInitializationCertificates`: what the initialize flow shows before anything is sent. The certificate checks
 * are InitializeCluster's own (src/pki, the implementation the emulator answers with); this adds the API's Cert
 * constraint (length and pattern) on what would be sent, which the service checks before it looks at a certificate.
 * Never throws.
 */
import { Cert } from '../../../aws/constraints';
import { certificateToSend, initializationChecks, type InitCheck, type InitializationCertificatesInput } from '../../../pki';

export { allChecksPass, INIT_CHECK_LABELS } from '../../../pki';
export type { InitCheck, InitCheckId, InitCheckStatus, InitializationCertificatesInput } from '../../../pki';

/** The API's Cert constraint (length and pattern) on what would be sent, or null when it holds. */
function constraintProblem(text: string): string | null {
  const sent = certificateToSend(text);
  if (Cert.max !== undefined && sent.length > Cert.max) {
    return `It is ${sent.length.toLocaleString('en-US')} characters long; InitializeCluster accepts at most ${Cert.max.toLocaleString('en-US')}.`;
  }
  if (Cert.pattern && !Cert.pattern.test(sent)) {
    return 'It holds characters InitializeCluster refuses (only letters, digits, whitespace and + , - . / = are allowed).';
  }
  return null;
}

const FORMAT_CHECKS = { 'signed-cert-format': 'signedCertPem', 'trust-anchor-format': 'trustAnchorPem' } as const;

/** Every check in a fixed order; a certificate the API's constraint refuses fails its format check. */
export async function checkInitializationCertificates(input: InitializationCertificatesInput): Promise<InitCheck[]> {
  const checks = await initializationChecks(input);
  return checks.map((check) => {
    const field = check.id === 'signed-cert-format' || check.id === 'trust-anchor-format' ? FORMAT_CHECKS[check.id] : null;
    const text = field ? input?.[field] : undefined;
    const problem = check.status === 'pass' && typeof text === 'string' ? constraintProblem(text) : null;
    return problem ? { ...check, status: 'fail', detail: problem } : check;
  });
}
