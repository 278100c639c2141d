/** What a person needs to recognise the cluster CSR once it is on their machine: subject, key, key fingerprint. */
import { describePublicKey, formatName, parseCsr, sha256Fingerprint } from '../../certificates/x509.ts';

export interface CsrSummary {
  subject: string;
  /** 'RSA 2048', … */
  key: string;
  /** SHA-256 of the public key (SubjectPublicKeyInfo DER), uppercase colon-separated hex. */
  keyFingerprint: string;
}

/** Throws `CertificateDecodeError` (with a readable message) when the text is not one PEM certificate request. */
export async function summarizeCsr(pem: string): Promise<CsrSummary> {
  const csr = await parseCsr(pem);
  return {
    subject: formatName(csr.subjectName),
    key: describePublicKey(csr.publicKey).description,
    keyFingerprint: await sha256Fingerprint(csr.publicKey.rawData),
  };
}
