/** What a person needs to recognise the cluster CSR once it is on their machine: subject, key, key fingerprint. */
import { decodeCsr } from '../../../pki';

export interface CsrSummary {
  subject: string;
  /** 'RSA 2048', … */
  key: string;
  /** SHA-256 of the public key (SubjectPublicKeyInfo DER), uppercase colon-separated hex. */
  keyFingerprint: string;
}

/** Throws `CertificateDecodeError` (with a readable message) when the text is not one PEM certificate request. */
export async function summarizeCsr(pem: string): Promise<CsrSummary> {
  const csr = await decodeCsr(pem);
  return { subject: csr.subject, key: csr.publicKey.description, keyFingerprint: csr.publicKeyFingerprintSha256 };
}
