import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { pemBlocks, readPem, toPem } from './pem';
import { makeRootCa, type TestCa } from './testing/testPki';
import { loadX509 } from './x509';

const BLOCK = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';

/** The API's Cert pattern, verbatim ("+-/" is a range: + , - . /). */
const CERT_PATTERN = /^[a-zA-Z0-9+-/=\s]*$/;

let ca: TestCa;
beforeAll(async () => {
  ca = await makeRootCa('PEM Test CA');
});

describe('pemBlocks', () => {
  it('lists blocks with their labels, CRLF turned into LF', () => {
    expect(pemBlocks(`junk\r\n${BLOCK.replace(/\n/g, '\r\n')}\r\n-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----`)).toEqual([
      { label: 'CERTIFICATE', body: '\nMIIB\n', text: BLOCK },
      { label: 'PRIVATE KEY', body: '\nAA\n', text: '-----BEGIN PRIVATE KEY-----\nAA\n-----END PRIVATE KEY-----' },
    ]);
  });
  it('finds nothing in text without blocks, mismatched END lines or non-strings', () => {
    expect(pemBlocks('no pem here')).toEqual([]);
    expect(pemBlocks('-----BEGIN CERTIFICATE-----\nAA\n-----END X509 CRL-----')).toEqual([]);
    expect(pemBlocks(undefined as unknown as string)).toEqual([]);
  });
});

describe('readPem', () => {
  it('returns the DER of the single block, ignoring text around it and CRLF line ends', () => {
    const reading = readPem(`Bag Attributes\r\n${ca.pem.replace(/\n/g, '\r\n')}`, 'certificate');
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(Buffer.from(reading.der)).toEqual(new NodeX509Certificate(ca.pem).raw);
  });

  it('accepts both CSR labels, and only CERTIFICATE for a certificate', () => {
    const der = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]);
    expect(readPem(toPem(der, 'NEW CERTIFICATE REQUEST'), 'csr').ok).toBe(true);
    expect(readPem(toPem(der, 'CERTIFICATE REQUEST'), 'csr').ok).toBe(true);
    expect(readPem(toPem(der, 'CERTIFICATE REQUEST'), 'certificate')).toEqual({
      ok: false,
      problem: { code: 'wrong-block-type', label: 'CERTIFICATE REQUEST' },
    });
  });

  it('says what is wrong, as data', () => {
    expect(readPem(42 as unknown as string, 'certificate')).toEqual({
      ok: false,
      problem: { code: 'not-pem', noText: true, unterminated: false },
    });
    expect(readPem('garbage', 'certificate')).toEqual({ ok: false, problem: { code: 'not-pem', noText: false, unterminated: false } });
    expect(readPem(ca.pem.slice(0, ca.pem.indexOf('-----END')), 'certificate')).toMatchObject({
      problem: { code: 'not-pem', unterminated: true },
    });
    expect(readPem(`${ca.pem}${BLOCK}`, 'certificate')).toEqual({
      ok: false,
      problem: { code: 'multiple-blocks', labels: ['CERTIFICATE', 'CERTIFICATE'] },
    });
    expect(readPem('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----', 'certificate')).toMatchObject({
      problem: { code: 'bad-base64' },
    });
    expect(readPem(toPem(new Uint8Array([1, 2, 3, 4, 5, 6]), 'CERTIFICATE'), 'certificate')).toMatchObject({
      problem: { code: 'bad-der' },
    });
    // Trailing bytes after the SEQUENCE: the ASN.1 parser would ignore them, so we refuse them here.
    const trailing = toPem(Buffer.concat([new NodeX509Certificate(ca.pem).raw, Buffer.from([0])]), 'CERTIFICATE');
    expect(readPem(trailing, 'certificate')).toMatchObject({ problem: { code: 'bad-der' } });
  });
});

describe('toPem', () => {
  it('writes 64-character lines, LF line ends and a final newline, in the API Cert pattern', () => {
    const der = new Uint8Array(200).map((_, i) => i);
    const pem = toPem(der, 'CERTIFICATE');
    expect(pem).toMatch(CERT_PATTERN);
    expect(pem.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
    const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
    expect(body.slice(0, -1).every((l) => l.length === 64)).toBe(true);
    expect(Buffer.from(body.join(''), 'base64')).toEqual(Buffer.from(der));
  });

  it('encodes the same DER as the library, which itself omits the final newline, and as node:crypto', async () => {
    const lib = await loadX509();
    const cert = new lib.X509Certificate(ca.pem);
    expect(toPem(cert.rawData, 'CERTIFICATE')).toBe(`${cert.toString('pem')}\n`);
    expect(new NodeX509Certificate(ca.pem).toString()).toBe(ca.pem);
  });
});
