/**
 * Internals of src/pki: lazy `@peculiar/x509` loading, reading PEM into library objects, and the small helpers
 * (names, hex, signatures, validity) the other modules share. Nothing outside src/pki sees a library object.
 *
 * Isomorphic: WebCrypto via `globalThis.crypto`; the library is only ever loaded by a dynamic import, so it
 * stays out of every chunk that does not do certificate work.
 */
import type * as X509 from '@peculiar/x509';
import { readPem, type PemKind, type PemProblem } from './pem';

export type X509Lib = typeof X509;
export type Certificate = X509.X509Certificate;
export type CertificateRequest = X509.Pkcs10CertificateRequest;

let library: Promise<X509Lib> | undefined;

/** Loads `@peculiar/x509` once, with WebCrypto as its crypto provider. */
export function loadX509(): Promise<X509Lib> {
  // One lazily loaded unit: reflect-metadata, then the library (see x509lib.ts).
  library ??= import('./x509lib').then((lib) => {
    lib.cryptoProvider.set(globalThis.crypto);
    return lib;
  });
  return library;
}

/** Why a PEM could not be read: a PEM problem, or DER the library cannot parse as the expected structure. */
export type ReadProblem = PemProblem | { code: 'unparseable' };
export type Read<T> = { ok: true; value: T } | { ok: false; problem: ReadProblem };

/** Reads one PEM certificate. Never throws. */
export async function readCertificate(pem: string): Promise<Read<Certificate>> {
  return read(pem, 'certificate', (lib, der) => {
    const cert = new lib.X509Certificate(der);
    // Touch the lazily decoded fields the checks use, so that a broken structure fails here and not in a later check.
    void cert.subject;
    void cert.issuer;
    void cert.publicKey.algorithm;
    void cert.notBefore;
    void cert.notAfter;
    void cert.extensions;
    return cert;
  });
}

/** Reads one PEM PKCS#10 certificate request. Never throws. */
export async function readCsr(pem: string): Promise<Read<CertificateRequest>> {
  return read(pem, 'csr', (lib, der) => {
    const csr = new lib.Pkcs10CertificateRequest(der);
    void csr.subject;
    void csr.publicKey.algorithm;
    return csr;
  });
}

async function read<T>(pem: string, kind: PemKind, parse: (lib: X509Lib, der: Uint8Array<ArrayBuffer>) => T): Promise<Read<T>> {
  const reading = readPem(pem, kind);
  if (!reading.ok) return reading;
  const lib = await loadX509();
  try {
    return { ok: true, value: parse(lib, reading.der) };
  } catch {
    return { ok: false, problem: { code: 'unparseable' } };
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

/** Whether `cert`'s signature verifies with `issuer`'s public key (signature only: dates are checked separately). */
export async function signedBy(cert: Certificate, issuer: Certificate): Promise<boolean> {
  try {
    return await cert.verify({ publicKey: issuer.publicKey, signatureOnly: true });
  } catch {
    // e.g. a signature algorithm that does not fit the issuer's key type.
    return false;
  }
}

/** Issuer name is the subject name and the signature verifies with the certificate's own key. */
export async function isSelfSigned(cert: Certificate): Promise<boolean> {
  return namesEqual(cert.issuerName, cert.subjectName) && (await signedBy(cert, cert));
}

export type ValidityStatus = 'valid' | 'expired' | 'not-yet-valid';

export function validityAt(notBefore: Date, notAfter: Date, now: Date): ValidityStatus {
  const t = now.getTime();
  if (t < notBefore.getTime()) return 'not-yet-valid';
  if (t > notAfter.getTime()) return 'expired';
  return 'valid';
}
