/**
 * Shared internals of the certificates feature: lazy `@peculiar/x509` loading (the emulator's `loadX509`,
 * which installs `reflect-metadata` first and sets WebCrypto as the provider), parsing PEM into library
 * objects, and the small formatting helpers (names, hex, keys) that `decodeCertificate` and `verifyChain` share.
 *
 * Isomorphic: WebCrypto via `globalThis.crypto`; `@peculiar/x509` is only ever loaded by a dynamic import.
 */
import type * as X509 from '@peculiar/x509';
import { loadX509 } from '../../emulator/certs.ts';
import { CertificateDecodeError, unwrapPem } from './pem.ts';

export type X509Lib = typeof X509;
export { loadX509 };

export type ValidityStatus = 'valid' | 'expired' | 'not-yet-valid';

export interface PublicKeyInfo {
  /** 'RSA', 'RSA-PSS', 'EC', 'Ed25519', …, or the algorithm OID when the library does not know it. */
  algorithm: string;
  /** Key size in bits (RSA modulus length, EC curve size); null when unknown. */
  size: number | null;
  /** Named curve for EC keys ('P-256', …), otherwise null. */
  curve: string | null;
  /** Display text: 'RSA 2048', 'EC P-256', 'Ed25519'. */
  description: string;
}

/** Parses a PEM certificate; throws `CertificateDecodeError` with a readable message. */
export async function parseCertificate(pem: string): Promise<X509.X509Certificate> {
  const der = unwrapPem(pem, 'certificate');
  const x509 = await loadX509();
  try {
    const cert = new x509.X509Certificate(der);
    // Touch the lazily decoded fields so that a broken structure fails here rather than later.
    void cert.subject;
    void cert.issuer;
    void cert.serialNumber;
    void cert.notBefore;
    void cert.notAfter;
    void cert.publicKey.algorithm;
    void cert.signatureAlgorithm;
    void cert.extensions;
    return cert;
  } catch {
    throw new CertificateDecodeError('unparseable', 'Not a valid certificate: the PEM block could not be parsed as X.509.');
  }
}

/** Parses a PEM PKCS#10 certificate request; throws `CertificateDecodeError` with a readable message. */
export async function parseCsr(pem: string): Promise<X509.Pkcs10CertificateRequest> {
  const der = unwrapPem(pem, 'csr');
  const x509 = await loadX509();
  try {
    const csr = new x509.Pkcs10CertificateRequest(der);
    void csr.subject;
    void csr.publicKey.algorithm;
    void csr.signatureAlgorithm;
    return csr;
  } catch {
    throw new CertificateDecodeError(
      'unparseable',
      'Not a valid certificate request (CSR): the PEM block could not be parsed as PKCS#10.',
    );
  }
}

/** 'AB:CD:…' (uppercase, colon-separated) for bytes. */
export function colonHex(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return Array.from(view, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

/** SHA-256 of `der` via WebCrypto, as uppercase colon-separated hex (the form `openssl x509 -fingerprint` prints). */
export async function sha256Fingerprint(der: ArrayBuffer | Uint8Array<ArrayBuffer>): Promise<string> {
  return colonHex(await globalThis.crypto.subtle.digest('SHA-256', der));
}

/** RFC 4514 escaping of one attribute value. */
function escapeValue(value: string): string {
  // A '#'+hex value is the library's rendering of a non-string (BER-encoded) value: RFC 4514 writes it as is.
  if (/^#(?:[0-9a-f]{2})+$/i.test(value)) return value;
  return value
    .replace(/["+,;<>\\]/g, '\\$&')
    .replace(/^[ #]/, '\\$&')
    .replace(/ $/, '\\ ')
    .replace(/\0/g, '\\00');
}

/**
 * RFC 4514 string form of a distinguished name: RDNs in reverse order of their encoding (most specific first,
 * "CN=…,O=…,C=US"), ',' between RDNs, '+' inside a multi-valued RDN, special characters escaped.
 */
export function formatName(name: X509.Name): string {
  return name
    .toJSON()
    .map((rdn) =>
      Object.entries(rdn)
        .flatMap(([type, values]) => values.map((v) => `${type}=${escapeValue(v)}`))
        .join('+'),
    )
    .reverse()
    .join(',');
}

/** The (last, most specific) common name, unescaped, or null. */
export function commonName(name: X509.Name): string | null {
  const cns = name.getField('CN');
  return cns.length > 0 ? (cns[cns.length - 1] ?? null) : null;
}

/** Names match when their DER is identical or their text forms are equal ignoring case and runs of spaces (like OpenSSL). */
export function namesEqual(a: X509.Name, b: X509.Name): boolean {
  if (bytesEqual(new Uint8Array(a.toArrayBuffer()), new Uint8Array(b.toArrayBuffer()))) return true;
  const canon = (n: X509.Name) => n.toString().toLowerCase().replace(/\s+/g, ' ').trim();
  return canon(a) === canon(b);
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Both public keys (SubjectPublicKeyInfo) are byte for byte the same. */
export function sameKey(a: X509.PublicKey, b: X509.PublicKey): boolean {
  return bytesEqual(new Uint8Array(a.rawData), new Uint8Array(b.rawData));
}

const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521, 'K-256': 256 };

export function describePublicKey(key: X509.PublicKey): PublicKeyInfo {
  const alg = key.algorithm as Algorithm & { modulusLength?: unknown; namedCurve?: unknown };
  if (typeof alg.modulusLength === 'number') {
    const family = alg.name === 'RSA-PSS' ? 'RSA-PSS' : 'RSA';
    return { algorithm: family, size: alg.modulusLength, curve: null, description: `${family} ${alg.modulusLength}` };
  }
  if (typeof alg.namedCurve === 'string') {
    const curve = alg.namedCurve;
    return { algorithm: 'EC', size: CURVE_BITS[curve] ?? null, curve, description: `EC ${curve}` };
  }
  if (alg.name === 'Ed25519' || alg.name === 'X25519') {
    return { algorithm: alg.name, size: 256, curve: null, description: alg.name };
  }
  if (alg.name === 'Ed448' || alg.name === 'X448') {
    return { algorithm: alg.name, size: 448, curve: null, description: alg.name };
  }
  return { algorithm: alg.name, size: null, curve: null, description: alg.name };
}

/** 'RSA with SHA-256', 'RSA-PSS with SHA-384', 'ECDSA with SHA-256', 'Ed25519', or the OID when unknown. */
export function describeSignatureAlgorithm(alg: Algorithm & { hash?: unknown }): string {
  const hash =
    typeof alg.hash === 'string'
      ? alg.hash
      : alg.hash && typeof (alg.hash as { name?: unknown }).name === 'string'
        ? (alg.hash as { name: string }).name
        : null;
  const family = alg.name === 'RSASSA-PKCS1-v1_5' ? 'RSA' : alg.name;
  return hash ? `${family} with ${hash}` : family;
}

export function validityAt(notBefore: Date, notAfter: Date, now: Date): ValidityStatus {
  const t = now.getTime();
  if (t < notBefore.getTime()) return 'not-yet-valid';
  if (t > notAfter.getTime()) return 'expired';
  return 'valid';
}

/** Whether `cert`'s signature verifies with `issuer`'s public key (signature only: dates are checked separately). */
export async function signedBy(cert: X509.X509Certificate, issuer: X509.X509Certificate): Promise<boolean> {
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    // e.g. a signature algorithm that does not fit the issuer's key type.
    return false;
  }
}
