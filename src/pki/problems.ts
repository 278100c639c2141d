/**
 * How a read problem is said: to a person in the dashboard ('Not a PEM certificate: …'), and as InitializeCluster
 * says it ('The trust anchor (TrustAnchor) is not valid DER: …'). The emulator's wording is checked against the
 * real service's behaviour, so it changes only with it.
 */
import { PEM_LABELS, type PemKind } from './pem';
import type { ReadProblem } from './x509';

const NOUN: Record<PemKind, string> = { certificate: 'certificate', csr: 'certificate request (CSR)' };

/** The dashboard's sentence for a read problem. */
export function readProblemMessage(problem: ReadProblem, kind: PemKind): string {
  const noun = NOUN[kind];
  const label = PEM_LABELS[kind][0] ?? '';
  switch (problem.code) {
    case 'not-pem':
      return problem.noText ? `Not a PEM ${noun}: no text was given.` : `Not a PEM ${noun}: no "-----BEGIN ${label}-----" block was found.`;
    case 'multiple-blocks':
      return `Expected one PEM ${noun}, but the text holds ${problem.labels.length} PEM blocks.`;
    case 'wrong-block-type':
      return `Not a PEM ${noun}: the PEM block is a "${problem.label}", not a "${label}".`;
    case 'bad-base64':
      return `Not a valid PEM ${noun}: the block's body is not valid base64.`;
    case 'bad-der':
      return `Not a valid PEM ${noun}: the block's body is not a single DER structure.`;
    case 'unparseable':
      return kind === 'certificate'
        ? 'Not a valid certificate: the PEM block could not be parsed as X.509.'
        : 'Not a valid certificate request (CSR): the PEM block could not be parsed as PKCS#10.';
  }
}

/** The CloudHSM API's sentence for a read problem of the input called `what` ('signed certificate (SignedCert)'). */
export function serviceReadMessage(problem: ReadProblem, kind: PemKind, what: string): string {
  const label = PEM_LABELS[kind][0] ?? '';
  switch (problem.code) {
    case 'not-pem':
      return `The ${what} is not a PEM-encoded ${kind === 'certificate' ? 'X.509 certificate' : 'certificate request'}.`;
    case 'multiple-blocks':
      return `The ${what} must contain exactly one PEM block, but ${problem.labels.length} were found.`;
    case 'wrong-block-type':
      return `The ${what} is a PEM "${problem.label}" block, not a "${label}".`;
    case 'bad-base64':
      return `The ${what} is not valid PEM: its body is not valid base64.`;
    case 'bad-der':
      return `The ${what} is not valid DER: the PEM body is not a single ASN.1 SEQUENCE.`;
    case 'unparseable':
      return kind === 'certificate'
        ? `The ${what} could not be parsed as an X.509 certificate.`
        : `The ${what} could not be parsed as a PKCS#10 certificate request.`;
  }
}
