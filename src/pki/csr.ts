/** CSR matching: whether a certificate holds the key a certificate request asks for, and the CSR's own signature. */
import type * as X509 from '@peculiar/x509';
import { sameKey } from './keys';
import { sha256Fingerprint, type CertificateRequest } from './x509';

export interface CsrKeyMatch {
  matches: boolean;
  /** SHA-256 of the certificate's SubjectPublicKeyInfo, uppercase colon-separated hex. */
  keyFingerprint: string;
  /** SHA-256 of the CSR's SubjectPublicKeyInfo. */
  csrKeyFingerprint: string;
}

/** Compares a certificate's public key with the CSR's (byte for byte), with both fingerprints to show. */
export async function matchCsrKey(key: X509.PublicKey, csr: CertificateRequest): Promise<CsrKeyMatch> {
  const [keyFingerprint, csrKeyFingerprint] = await Promise.all([sha256Fingerprint(key.rawData), sha256Fingerprint(csr.publicKey.rawData)]);
  return { matches: sameKey(key, csr.publicKey), keyFingerprint, csrKeyFingerprint };
}

/** The CSR's self-signature verifies with its own public key (false, not an exception, for odd algorithms). */
export function csrSignatureVerifies(csr: CertificateRequest): Promise<boolean> {
  return csr.verify().catch(() => false);
}

/** The first 8 bytes of a fingerprint, for sentences ('AB:CD:…'). */
export const shortFingerprint = (fingerprint: string): string => `${fingerprint.slice(0, 23)}…`;
