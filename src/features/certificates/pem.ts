/**
 * PEM unwrapping for the certificates view: finds exactly one block of the expected type and returns its DER,
 * or throws a `CertificateDecodeError` that says what is wrong in words a person can act on.
 *
 * Isomorphic: only `atob`; no `node:` imports.
 */

export type CertificateDecodeErrorCode =
  | 'not-pem'
  | 'wrong-block-type'
  | 'multiple-blocks'
  | 'bad-base64'
  | 'bad-der'
  | 'unparseable';

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

export type PemKind = 'certificate' | 'csr';

const LABELS: Record<PemKind, readonly string[]> = {
  certificate: ['CERTIFICATE'],
  // "NEW CERTIFICATE REQUEST" is the legacy Netscape/OpenSSL label; both hold PKCS#10.
  csr: ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'],
};

const NOUN: Record<PemKind, string> = { certificate: 'certificate', csr: 'certificate request (CSR)' };

/**
 * The DER inside the single PEM block of `kind`. Text outside the block (RFC 7468 "explanatory text", such
 * as OpenSSL's "Bag Attributes") is ignored; CRLF line ends are accepted.
 */
export function unwrapPem(text: string, kind: PemKind): Uint8Array<ArrayBuffer> {
  const noun = NOUN[kind];
  if (typeof text !== 'string') throw new CertificateDecodeError('not-pem', `Not a PEM ${noun}: no text was given.`);
  const blocks: Array<{ label: string; body: string }> = [];
  const re = /-----BEGIN ([^-\r\n]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) blocks.push({ label: m[1] ?? '', body: m[2] ?? '' });

  if (blocks.length === 0) {
    throw new CertificateDecodeError('not-pem', `Not a PEM ${noun}: no "-----BEGIN ${LABELS[kind][0]}-----" block was found.`);
  }
  if (blocks.length > 1) {
    throw new CertificateDecodeError(
      'multiple-blocks',
      `Expected one PEM ${noun}, but the text holds ${blocks.length} PEM blocks.`,
    );
  }
  const block = blocks[0] as { label: string; body: string };
  if (!LABELS[kind].includes(block.label)) {
    throw new CertificateDecodeError(
      'wrong-block-type',
      `Not a PEM ${noun}: the PEM block is a "${block.label}", not a "${LABELS[kind][0]}".`,
    );
  }
  const b64 = block.body.replace(/\s+/g, '');
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) {
    throw new CertificateDecodeError('bad-base64', `Not a valid PEM ${noun}: the block's body is not valid base64.`);
  }
  const binary = atob(b64);
  const der = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) der[i] = binary.charCodeAt(i);
  // Only the outer length is looked at (the ASN.1 parser itself ignores trailing bytes); parsing is the library's job.
  if (outerDerLength(der) !== der.length) {
    throw new CertificateDecodeError('bad-der', `Not a valid PEM ${noun}: the block's body is not a single DER structure.`);
  }
  return der;
}

/** Total length of the outer DER SEQUENCE (tag, length octets and content), or null for a malformed header. */
function outerDerLength(der: Uint8Array): number | null {
  if (der.length < 2 || der[0] !== 0x30) return null;
  const first = der[1] ?? 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || der.length < 2 + count) return null;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + (der[2 + i] ?? 0);
  return 2 + count + length;
}
