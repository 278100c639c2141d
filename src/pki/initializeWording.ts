/**
 * The initialize flow's words for certificates it cannot use: what was given instead of one PEM certificate in
 * each box, and the hints for boxes given the wrong way round. Kept apart from the checks, which decide.
 */
import type { ReadProblem } from './x509';
import { readProblemMessage } from './problems';

/** The two boxes of the flow: the signed cluster certificate and the trust anchor. */
export type Field = 'signed' | 'anchor';

export const FIELD_NOUN: Record<Field, string> = { signed: 'signed cluster certificate', anchor: 'trust anchor' };

export const SWAP_FOR_SIGNED =
  'This looks like the trust anchor, and the trust anchor box holds the cluster certificate: did you swap them?';
export const SWAP_FOR_ANCHOR =
  "This looks like the signed cluster certificate (the cluster CSR's key, issued by the certificate in the other box): did you swap them?";

/** A readable reason for text that is not a single PEM certificate, specific to what was given instead. */
export function formatProblem(field: Field, text: string, problem: ReadProblem): string {
  if (text.trim() === '') return `No ${FIELD_NOUN[field]} was given.`;
  switch (problem.code) {
    case 'not-pem':
      return problem.unterminated
        ? 'The PEM block is incomplete: its "-----END …-----" line is missing or does not match the BEGIN line (was the text cut off?).'
        : 'This is not a PEM certificate: there is no "-----BEGIN CERTIFICATE-----" line. Give the whole file, BEGIN and END lines included.';
    case 'multiple-blocks': {
      const count = `This holds ${problem.labels.length} PEM blocks (${problem.labels.join(', ')}).`;
      return field === 'signed'
        ? `${count} Give only the cluster certificate, not a chain or bundle.`
        : `${count} Give only the root CA certificate that signed the cluster certificate: CloudHSM accepts no intermediate CAs.`;
    }
    case 'wrong-block-type':
      if (problem.label === 'CERTIFICATE REQUEST' || problem.label === 'NEW CERTIFICATE REQUEST') {
        return field === 'signed'
          ? 'This is a certificate request (CSR), not a certificate: sign the cluster CSR with your CA (step 3) and give the certificate that comes out.'
          : "This is a certificate request (CSR), not a certificate: the trust anchor is your CA's own certificate (customerCA.crt).";
      }
      if (problem.label.includes('PRIVATE KEY')) {
        return 'This is a private key, not a certificate. Never share a private key: nothing was sent. Give the certificate instead.';
      }
      return `This is a PEM "${problem.label}" block, not a "CERTIFICATE".`;
    default:
      return readProblemMessage(problem, 'certificate');
  }
}
