/**
 * Turning what a person gives (a pasted text, an uploaded file) into the PEM text InitializeCluster gets.
 * Pure; no library needed.
 */
import { pemBlocks, toPem } from './pem';

/**
 * What InitializeCluster is sent for a field: its single PEM block alone (LF line ends, final newline).
 * Text around the block (OpenSSL's "Bag Attributes", `openssl x509 -text` output) is dropped because the API's
 * Cert pattern refuses characters such as ':' that it usually holds. Text that is not exactly one block is
 * returned trimmed, unchanged otherwise (the checks refuse it anyway).
 */
export function certificateToSend(text: string): string {
  if (typeof text !== 'string') return '';
  const blocks = pemBlocks(text);
  const only = blocks.length === 1 ? blocks[0] : undefined;
  return only ? `${only.text}\n` : text.replace(/\r\n?/g, '\n').trim();
}

/** Whether `text` holds something besides its single PEM block (which `certificateToSend` leaves out). */
export function hasTextAroundBlock(text: string): boolean {
  const blocks = pemBlocks(text);
  const only = blocks.length === 1 ? blocks[0] : undefined;
  return only !== undefined && text.replace(/\r\n?/g, '\n').trim() !== only.text;
}

/** Files larger than this are not certificates (a PEM certificate is a few KB; the API takes 20,000 characters). */
export const MAX_CERTIFICATE_FILE_BYTES = 64 * 1024;

export type FileReading = { ok: true; text: string; convertedFromDer: boolean } | { ok: false; message: string };

/**
 * The text of an uploaded certificate file: PEM files as they are; a binary DER file (a common `.cer`) wrapped
 * as a PEM CERTIFICATE so it can be checked and sent. Anything else is refused with a reason.
 */
export function certificateFileText(bytes: Uint8Array, fileName: string): FileReading {
  if (bytes.length === 0) return { ok: false, message: `${fileName} is empty.` };
  if (bytes.length > MAX_CERTIFICATE_FILE_BYTES) {
    return { ok: false, message: `${fileName} is ${bytes.length.toLocaleString('en-US')} bytes: too large to be a certificate.` };
  }
  // DER starts with a SEQUENCE tag; PEM and other text never starts with byte 0x30 followed by a length byte ≥ 0x80.
  if (bytes[0] === 0x30 && (bytes[1] ?? 0) >= 0x80) {
    return { ok: true, text: toPem(bytes, 'CERTIFICATE'), convertedFromDer: true };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: `${fileName} is neither a PEM text file nor a DER certificate.` };
  }
  return { ok: true, text: text.replace(/^\uFEFF/, ''), convertedFromDer: false };
}
