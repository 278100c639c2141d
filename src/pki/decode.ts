/**
 * `decodeCertificate` / `decodeCsr`: the fields the certificates view shows for a PEM certificate or CSR, and
 * `CertificateDecodeError`, which says in words a person can act on why a text is not one.
 * Pure and isomorphic; `@peculiar/x509` is loaded on first use (never in the dashboard's first chunk).
 */
import type { PemKind } from './pem';
import { readProblemMessage } from './problems';
import { csrSignatureVerifies } from './csr';
import { describePublicKey, describeSignatureAlgorithm, type PublicKeyInfo } from './keys';
import {
  commonName,
  formatName,
  isSelfSigned,
  loadX509,
  readCertificate,
  readCsr,
  sha256Fingerprint,
  validityAt,
  type Read,
  type ReadProblem,
  type ValidityStatus,
} from './x509';

export type { PublicKeyInfo } from './keys';
export type { ValidityStatus } from './x509';

export type CertificateDecodeErrorCode = ReadProblem['code'];

/** Thrown by `decodeCertificate` / `decodeCsr` for input that is not a single, well-formed PEM object of the right kind. */
export class CertificateDecodeError extends Error {
  override readonly name = 'CertificateDecodeError';
  constructor(
    readonly code: CertificateDecodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The value of a reading, or the `CertificateDecodeError` that says what is wrong. */
export function valueOrThrow<T>(read: Read<T>, kind: PemKind): T {
  if (read.ok) return read.value;
  throw new CertificateDecodeError(read.problem.code, readProblemMessage(read.problem, kind));
}

/** Reads a field only the view shows; a structure the library cannot read there is still an unparseable PEM. */
function shown<T>(kind: PemKind, get: () => T): T {
  try {
    return get();
  } catch {
    throw new CertificateDecodeError('unparseable', readProblemMessage({ code: 'unparseable' }, kind));
  }
}

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
  /** SHA-256 of the public key (SubjectPublicKeyInfo DER), uppercase colon-separated hex. */
  publicKeyFingerprintSha256: string;
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
  const cert = valueOrThrow(await readCertificate(pem), 'certificate');
  const serial = shown('certificate', () => serialHex(cert.serialNumber));
  const signatureAlgorithm = shown('certificate', () => describeSignatureAlgorithm(cert.signatureAlgorithm));
  const x509 = await loadX509();
  let isCA = false;
  try {
    isCA = cert.getExtension(x509.BasicConstraintsExtension)?.ca ?? false;
  } catch {
    isCA = false; // a malformed extension is not a CA grant
  }
  const [fingerprintSha256, selfSigned] = await Promise.all([sha256Fingerprint(cert.rawData), isSelfSigned(cert)]);
  return {
    subject: formatName(cert.subjectName),
    subjectCommonName: commonName(cert.subjectName),
    issuer: formatName(cert.issuerName),
    serial,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    validity: validityAt(cert.notBefore, cert.notAfter, now),
    publicKey: describePublicKey(cert.publicKey),
    signatureAlgorithm,
    fingerprintSha256,
    isCA,
    selfSigned,
  };
}

/** When a certificate is valid, and nothing else. */
export interface CertificateValidity {
  notBefore: Date;
  notAfter: Date;
}

/**
 * Only the validity dates of one PEM certificate: no fingerprint and no signature check, so a list can read the
 * expiry of many certificates cheaply. Throws `CertificateDecodeError` like `decodeCertificate`.
 */
export async function readCertificateValidity(pem: string): Promise<CertificateValidity> {
  const cert = valueOrThrow(await readCertificate(pem), 'certificate');
  return { notBefore: cert.notBefore, notAfter: cert.notAfter };
}

/** Decodes one PEM PKCS#10 certificate request (the cluster CSR). Throws `CertificateDecodeError` like `decodeCertificate`. */
export async function decodeCsr(pem: string): Promise<DecodedCsr> {
  const csr = valueOrThrow(await readCsr(pem), 'csr');
  const signatureAlgorithm = shown('csr', () => describeSignatureAlgorithm(csr.signatureAlgorithm));
  const [fingerprintSha256, publicKeyFingerprintSha256, signatureValid] = await Promise.all([
    sha256Fingerprint(csr.rawData),
    sha256Fingerprint(csr.publicKey.rawData),
    csrSignatureVerifies(csr),
  ]);
  return {
    subject: formatName(csr.subjectName),
    subjectCommonName: commonName(csr.subjectName),
    publicKey: describePublicKey(csr.publicKey),
    publicKeyFingerprintSha256,
    signatureAlgorithm,
    fingerprintSha256,
    signatureValid,
  };
}
