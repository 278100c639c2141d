/**
 * `decodeCertificate` / `decodeCsr`: the fields the certificates view shows for a PEM certificate or CSR.
 * Pure and isomorphic; `@peculiar/x509` is loaded on first use (never in the dashboard's first chunk).
 */
import {
  commonName,
  describePublicKey,
  describeSignatureAlgorithm,
  formatName,
  loadX509,
  namesEqual,
  parseCertificate,
  parseCsr,
  sha256Fingerprint,
  signedBy,
  validityAt,
  type PublicKeyInfo,
  type ValidityStatus,
} from './x509.ts';

export { CertificateDecodeError, type CertificateDecodeErrorCode } from './pem.ts';
export type { PublicKeyInfo, ValidityStatus } from './x509.ts';

export interface DecodedCertificate {
  /** RFC 4514 form, most specific RDN first: 'CN=HSM:…\, for FIPS mode,L=SanJose,OU=N3FIPS,O=Cavium,ST=CA,C=US'. */
  subject: string;
  /** The subject's common name, unescaped; null when there is none. */
  subjectCommonName: string | null;
  /** RFC 4514 form of the issuer. */
  issuer: string;
  /** Serial number as uppercase colon-separated hex ('1A:2B:…'). */
  serial: string;
  notBefore: Date;
  notAfter: Date;
  /** Validity relative to the `now` passed to `decodeCertificate`. */
  validity: ValidityStatus;
  publicKey: PublicKeyInfo;
  /** 'RSA with SHA-256', 'ECDSA with SHA-384', … */
  signatureAlgorithm: string;
  /** SHA-256 of the DER, uppercase colon-separated hex. */
  fingerprintSha256: string;
  /** BasicConstraints cA=true. */
  isCA: boolean;
  /** Issuer equals subject and the signature verifies with the certificate's own key. */
  selfSigned: boolean;
}

export interface DecodedCsr {
  subject: string;
  subjectCommonName: string | null;
  publicKey: PublicKeyInfo;
  signatureAlgorithm: string;
  /** SHA-256 of the DER, uppercase colon-separated hex. */
  fingerprintSha256: string;
  /** The CSR's self-signature verifies with its own public key. */
  signatureValid: boolean;
}

function serialHex(hex: string): string {
  const even = hex.length % 2 === 1 ? `0${hex}` : hex;
  return (even.match(/../g) ?? []).join(':').toUpperCase();
}

/**
 * Decodes one PEM certificate. Throws `CertificateDecodeError` (code and message) for text that is not PEM,
 * a PEM block of another type, several blocks, bad base64 or an unparseable certificate.
 */
export async function decodeCertificate(pem: string, now: Date = new Date()): Promise<DecodedCertificate> {
  const cert = await parseCertificate(pem);
  const x509 = await loadX509();
  let isCA = false;
  try {
    isCA = cert.getExtension(x509.BasicConstraintsExtension)?.ca ?? false;
  } catch {
    isCA = false; // a malformed extension is not a CA grant
  }
  const [fingerprintSha256, selfSignature] = await Promise.all([
    sha256Fingerprint(cert.rawData),
    namesEqual(cert.issuerName, cert.subjectName) ? signedBy(cert, cert) : Promise.resolve(false),
  ]);
  return {
    subject: formatName(cert.subjectName),
    subjectCommonName: commonName(cert.subjectName),
    issuer: formatName(cert.issuerName),
    serial: serialHex(cert.serialNumber),
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    validity: validityAt(cert.notBefore, cert.notAfter, now),
    publicKey: describePublicKey(cert.publicKey),
    signatureAlgorithm: describeSignatureAlgorithm(cert.signatureAlgorithm),
    fingerprintSha256,
    isCA,
    selfSigned: selfSignature,
  };
}

/** Decodes one PEM PKCS#10 certificate request (the cluster CSR). Throws `CertificateDecodeError` like `decodeCertificate`. */
export async function decodeCsr(pem: string): Promise<DecodedCsr> {
  const csr = await parseCsr(pem);
  const [fingerprintSha256, signatureValid] = await Promise.all([
    sha256Fingerprint(csr.rawData),
    csr.verify().catch(() => false),
  ]);
  return {
    subject: formatName(csr.subjectName),
    subjectCommonName: commonName(csr.subjectName),
    publicKey: describePublicKey(csr.publicKey),
    signatureAlgorithm: describeSignatureAlgorithm(csr.signatureAlgorithm),
    fingerprintSha256,
    signatureValid,
  };
}
