/**
 * What the InitializeCluster checks look at, read once: both certificates, the cluster's CSR, the time, and the
 * facts behind the dashboard's hints for boxes given the wrong way round.
 */
import type { Field } from './initializeWording';
import { sameKey } from './keys';
import { isSelfSigned, namesEqual, readCertificate, readCsr, signedBy, type Certificate, type CertificateRequest, type Read } from './x509';

export interface InitializationCertificatesInput {
  /** The cluster's ClusterCsr (PEM); absent when the cluster has none. */
  csrPem: string | undefined;
  signedCertPem: string;
  trustAnchorPem: string;
  now: Date;
}

/** Everything the checks look at, read once. */
export interface Facts {
  text: Record<Field, string>;
  cert: Record<Field, Read<Certificate>>;
  /** null: the cluster has no CSR (the dashboard skips the key check). */
  csr: Read<CertificateRequest> | null;
  now: Date;
  /** For the swap hints only: the anchor box holds the cluster's certificate and the signed box a root. */
  anchorLooksLikeClusterCert: boolean;
  swapped: boolean;
}

export async function inspect(input: InitializationCertificatesInput, csrAlwaysRead: boolean): Promise<Facts> {
  const text = {
    signed: typeof input?.signedCertPem === 'string' ? input.signedCertPem : '',
    anchor: typeof input?.trustAnchorPem === 'string' ? input.trustAnchorPem : '',
  };
  const now = input?.now instanceof Date && !Number.isNaN(input.now.getTime()) ? input.now : new Date();
  const csrGiven = typeof input?.csrPem === 'string' && (csrAlwaysRead || input.csrPem.trim() !== '');
  const [signed, anchor, csr] = await Promise.all([
    readCertificate(text.signed),
    readCertificate(text.anchor),
    csrGiven ? readCsr(input.csrPem as string) : Promise.resolve(null),
  ]);
  const anchorSelfSigned = anchor.ok && (await isSelfSigned(anchor.value));
  const signedSelfSigned = signed.ok && (await isSelfSigned(signed.value));
  // The anchor box holds the cluster's certificate: the CSR's key, or issued by the other box's self-signed certificate.
  const anchorLooksLikeClusterCert =
    anchor.ok &&
    !anchorSelfSigned &&
    ((csr?.ok === true && sameKey(anchor.value.publicKey, csr.value.publicKey)) ||
      (signed.ok &&
        signedSelfSigned &&
        namesEqual(anchor.value.issuerName, signed.value.subjectName) &&
        (await signedBy(anchor.value, signed.value))));
  return { text, cert: { signed, anchor }, csr, now, anchorLooksLikeClusterCert, swapped: anchorLooksLikeClusterCert && signedSelfSigned };
}
