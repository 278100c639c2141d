import { describe, expect, it } from 'vitest';
import { certificateFileText, certificateToSend, hasTextAroundBlock, MAX_CERTIFICATE_FILE_BYTES } from './certificateText';

const BLOCK = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

describe('certificateToSend', () => {
  it('sends the single block alone, with a final newline, dropping text around it', () => {
    expect(certificateToSend(`Bag Attributes\n  localKeyID: 01\n${BLOCK}\n\nmore text`)).toBe(`${BLOCK}\n`);
    expect(certificateToSend(`${BLOCK.replace(/\n/g, '\r\n')}\r\n`)).toBe(`${BLOCK}\n`);
    expect(hasTextAroundBlock(`Bag Attributes\n${BLOCK}`)).toBe(true);
    expect(hasTextAroundBlock(`\n  ${BLOCK}\n\n`)).toBe(false);
  });
  it('leaves text that is not exactly one block trimmed, for the checks to refuse', () => {
    expect(certificateToSend('  garbage \r\n')).toBe('garbage');
    expect(certificateToSend(`${BLOCK}\n${BLOCK}`)).toBe(`${BLOCK}\n${BLOCK}`);
    expect(hasTextAroundBlock(`${BLOCK}\n${BLOCK}`)).toBe(false);
    expect(certificateToSend(null as unknown as string)).toBe('');
  });
});

describe('certificateFileText', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  it('reads PEM files as text (without a byte-order mark)', () => {
    expect(certificateFileText(bytes(`\uFEFF${BLOCK}\n`), 'ca.crt')).toEqual({ ok: true, text: `${BLOCK}\n`, convertedFromDer: false });
  });
  it('wraps a binary DER certificate as PEM', () => {
    const der = new Uint8Array([0x30, 0x82, 0x00, 0x02, 0x05, 0x00]);
    expect(certificateFileText(der, 'ca.cer')).toEqual({
      ok: true,
      text: '-----BEGIN CERTIFICATE-----\nMIIAAgUA\n-----END CERTIFICATE-----\n',
      convertedFromDer: true,
    });
  });
  it('refuses empty, oversized and binary non-certificate files, naming the file', () => {
    expect(certificateFileText(new Uint8Array(), 'empty.pem')).toEqual({ ok: false, message: 'empty.pem is empty.' });
    expect(certificateFileText(new Uint8Array(MAX_CERTIFICATE_FILE_BYTES + 1), 'big.pem')).toEqual({
      ok: false,
      message: 'big.pem is 65,537 bytes: too large to be a certificate.',
    });
    expect(certificateFileText(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]), 'photo.jpg')).toEqual({
      ok: false,
      message: 'photo.jpg is neither a PEM text file nor a DER certificate.',
    });
  });
});
