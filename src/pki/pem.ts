/**
 * PEM in and out: the one place that finds PEM blocks in text, unwraps a single block into DER, and writes DER
 * back as PEM. Problems come back as data (a code and the facts behind it), so each caller words them for its
 * reader: the certificates view, the initialize flow, and the emulator's InitializeCluster answers.
 *
 * Isomorphic: only `atob`/`btoa`; no `node:` imports.
 */

export type PemKind = 'certificate' | 'csr';

/** The labels a block of each kind may carry; the first is the one we write. */
export const PEM_LABELS: Record<PemKind, readonly string[]> = {
  certificate: ['CERTIFICATE'],
  // "NEW CERTIFICATE REQUEST" is the legacy Netscape/OpenSSL label; both hold PKCS#10.
  csr: ['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST'],
};

export interface PemBlock {
  label: string;
  /** The base64 body between the BEGIN and END lines, as found. */
  body: string;
  /** The block from BEGIN to END, with LF line ends. */
  text: string;
}

/** Why text is not a single, well-formed PEM block of the expected kind. */
export type PemProblem =
  /** No complete block: `noText` for a non-string, `unterminated` when a BEGIN line has no matching END line. */
  | { code: 'not-pem'; noText: boolean; unterminated: boolean }
  | { code: 'multiple-blocks'; labels: string[] }
  | { code: 'wrong-block-type'; label: string }
  | { code: 'bad-base64' }
  /** The body is not exactly one DER SEQUENCE (the ASN.1 parser itself would ignore trailing bytes). */
  | { code: 'bad-der' };

export type PemReading = { ok: true; der: Uint8Array<ArrayBuffer> } | { ok: false; problem: PemProblem };

const BLOCK = /-----BEGIN ([^-\r\n]+)-----([\s\S]*?)-----END \1-----/g;

/** The PEM blocks in `text`, in order (CRLF and CR line ends read as LF); none for a non-string. */
export function pemBlocks(text: string): PemBlock[] {
  if (typeof text !== 'string') return [];
  const normalized = text.replace(/\r\n?/g, '\n');
  return Array.from(normalized.matchAll(BLOCK), (m) => ({ label: m[1] ?? '', body: m[2] ?? '', text: m[0] }));
}

/**
 * The DER inside the single PEM block of `kind`. Text outside the block (RFC 7468 "explanatory text", such as
 * OpenSSL's "Bag Attributes") is ignored.
 */
export function readPem(text: string, kind: PemKind): PemReading {
  if (typeof text !== 'string') return { ok: false, problem: { code: 'not-pem', noText: true, unterminated: false } };
  const blocks = pemBlocks(text);
  if (blocks.length === 0) {
    return { ok: false, problem: { code: 'not-pem', noText: false, unterminated: /-----BEGIN [^-\r\n]+-----/.test(text) } };
  }
  if (blocks.length > 1) return { ok: false, problem: { code: 'multiple-blocks', labels: blocks.map((b) => b.label) } };
  const block = blocks[0] as PemBlock;
  if (!PEM_LABELS[kind].includes(block.label)) return { ok: false, problem: { code: 'wrong-block-type', label: block.label } };
  const der = base64ToBytes(block.body);
  if (!der) return { ok: false, problem: { code: 'bad-base64' } };
  if (outerDerLength(der) !== der.length) return { ok: false, problem: { code: 'bad-der' } };
  return { ok: true, der };
}

/**
 * Our own PEM encoder: `@peculiar/x509`'s `toString('pem')` has no trailing newline, and we want a byte-exact,
 * documented format (64-character base64 lines, `\n`, final newline) that matches the CloudHSM API's Cert pattern.
 */
export function toPem(der: ArrayBuffer | Uint8Array, label: string): string {
  const lines = bytesToBase64(der instanceof Uint8Array ? der : new Uint8Array(der)).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so that String.fromCharCode's argument count stays far below engine limits.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function base64ToBytes(body: string): Uint8Array<ArrayBuffer> | null {
  const b64 = body.replace(/\s+/g, '');
  if (b64.length === 0 || b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) return null;
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
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
