import { createHash, X509Certificate as NodeX509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateDecodeError, decodeCertificate, decodeCsr, readCertificateValidity } from './decode';
import { createSelfSigned, generateKeyPair } from './issue';
import { toPem } from './pem';
import { makeHardwareCas, makeHsmCertificates, type HsmLikeCertificates } from './testing/testPki';

let set: HsmLikeCertificates;
/** The HSM CN, read independently by node:crypto. */
let hsmCn: string;

beforeAll(async () => {
  set = await makeHsmCertificates(await makeHardwareCas());
  const cnLine = new NodeX509Certificate(set.HsmCertificate).subject.split('\n').find((l) => l.startsWith('CN='));
  // node:crypto escapes like RFC 4514 ("\\,"); the CN itself is unescaped.
  hsmCn = (cnLine ?? '').slice(3).replace(/\\(.)/g, '$1');
});

function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
}

async function decodeError(p: Promise<unknown>): Promise<CertificateDecodeError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(CertificateDecodeError);
  return err as CertificateDecodeError;
}

describe('decodeCertificate', () => {
  it('decodes the HSM certificate', async () => {
    const now = new Date();
    const decoded = await decodeCertificate(set.HsmCertificate, now);
    const node = new NodeX509Certificate(set.HsmCertificate);

    expect(hsmCn).toMatch(/^HSM:5\.3G1941-ICM\d{6}:PARTN:\d+, for FIPS mode$/);
    expect(decoded.subjectCommonName).toBe(hsmCn);
    // RFC 4514: most specific RDN first, the comma in the CN escaped.
    expect(decoded.subject).toBe(`CN=${hsmCn.replace(',', '\\,')},L=SanJose,OU=N3FIPS,O=Cavium,ST=CA,C=US`);
    expect(decoded.issuer).toBe('CN=Test Hardware CA,OU=CloudHSM,O=Amazon Web Services,C=US');
    expect(decoded.publicKey).toEqual({ algorithm: 'RSA', size: 2048, curve: null, description: 'RSA 2048' });
    expect(decoded.signatureAlgorithm).toBe('RSA with SHA-256');
    expect(decoded.fingerprintSha256).toBe(node.fingerprint256);
    expect(decoded.serial).toBe(node.serialNumber.toUpperCase().match(/../g)?.join(':'));
    expect(decoded.notBefore.getTime()).toBe(Date.parse(node.validFrom));
    expect(decoded.notAfter.getTime()).toBe(Date.parse(node.validTo));
    expect(decoded.validity).toBe('valid');
    expect(decoded.isCA).toBe(false);
    expect(decoded.selfSigned).toBe(false);
  });

  it('reports validity relative to the given now', async () => {
    const decoded = await decodeCertificate(set.HsmCertificate);
    const later = new Date(decoded.notAfter.getTime() + 1000);
    const earlier = new Date(decoded.notBefore.getTime() - 1000);
    expect((await decodeCertificate(set.HsmCertificate, later)).validity).toBe('expired');
    expect((await decodeCertificate(set.HsmCertificate, earlier)).validity).toBe('not-yet-valid');
  });

  it('flags the manufacturer root as a self-signed CA and the AWS hardware certificate as an issued CA', async () => {
    const root = await decodeCertificate(set.ManufacturerHardwareCertificate);
    expect(root).toMatchObject({ isCA: true, selfSigned: true, validity: 'valid' });
    expect(root.issuer).toBe(root.subject);
    expect(root.fingerprintSha256).toBe(new NodeX509Certificate(set.ManufacturerHardwareCertificate).fingerprint256);

    const aws = await decodeCertificate(set.AwsHardwareCertificate);
    expect(aws).toMatchObject({ isCA: true, selfSigned: false });
    expect(aws.issuer).toBe(root.subject);
  });

  it('describes EC keys and ECDSA signatures', async () => {
    const keys = await generateKeyPair('ec-p256');
    const pem = await createSelfSigned('CN=ec test, O=Example+OU=Lab', keys, {
      serialNumber: '00ff01',
      notBefore: new Date(Date.now() - 60_000),
      notAfter: new Date(Date.now() + 60_000),
    });
    const decoded = await decodeCertificate(pem);
    expect(decoded.publicKey).toEqual({ algorithm: 'EC', size: 256, curve: 'P-256', description: 'EC P-256' });
    expect(decoded.signatureAlgorithm).toBe('ECDSA with SHA-256');
    expect(decoded.subject).toBe('O=Example+OU=Lab,CN=ec test');
    expect(decoded.serial).toBe('FF:01');
    expect(decoded.isCA).toBe(false);
    expect(decoded.selfSigned).toBe(true);
  });

  it('rejects text that is not one PEM certificate with a typed, readable error', async () => {
    const notPem = await decodeError(decodeCertificate('garbage'));
    expect(notPem.code).toBe('not-pem');
    expect(notPem.message).toMatch(/^Not a PEM certificate/);

    const csr = await decodeError(decodeCertificate(set.ClusterCsr));
    expect(csr.code).toBe('wrong-block-type');
    expect(csr.message).toMatch(/"CERTIFICATE REQUEST", not a "CERTIFICATE"/);

    const two = await decodeError(decodeCertificate(set.HsmCertificate + set.AwsHardwareCertificate));
    expect(two.code).toBe('multiple-blocks');

    const badBase64 = await decodeError(decodeCertificate('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n'));
    expect(badBase64.code).toBe('bad-base64');

    const random = toPem(new Uint8Array([1, 2, 3, 4, 5, 6]), 'CERTIFICATE');
    expect((await decodeError(decodeCertificate(random))).code).toBe('bad-der');

    const trailing = toPem(Buffer.concat([derOf(set.HsmCertificate), Buffer.from([0])]), 'CERTIFICATE');
    expect((await decodeError(decodeCertificate(trailing))).code).toBe('bad-der');

    // A well-formed DER SEQUENCE that is not a certificate.
    const notACert = toPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 'CERTIFICATE');
    const unparseable = await decodeError(decodeCertificate(notACert));
    expect(unparseable.code).toBe('unparseable');
    expect(unparseable.message).toMatch(/could not be parsed as X\.509/);
  });

  it('accepts CRLF line ends and explanatory text around the block', async () => {
    const wrapped = `Bag Attributes\r\n${set.HsmCertificate.replace(/\n/g, '\r\n')}`;
    expect((await decodeCertificate(wrapped)).subjectCommonName).toBe(hsmCn);
  });
});

describe('decodeCsr', () => {
  it('decodes the cluster CSR', async () => {
    const decoded = await decodeCsr(set.ClusterCsr);
    const hsm = await decodeCertificate(set.HsmCertificate);
    expect(decoded.subject).toBe(hsm.subject);
    expect(decoded.subjectCommonName).toBe(hsmCn);
    expect(decoded.publicKey.description).toBe('RSA 2048');
    expect(decoded.signatureAlgorithm).toBe('RSA with SHA-256');
    expect(decoded.signatureValid).toBe(true);
    const colonHex = (data: Buffer) => createHash('sha256').update(data).digest('hex').toUpperCase().match(/../g)?.join(':');
    expect(decoded.fingerprintSha256).toBe(colonHex(derOf(set.ClusterCsr)));
    // The HSM certificate holds the CSR's key: node:crypto reads it from there.
    const spki = new NodeX509Certificate(set.HsmCertificate).publicKey.export({ type: 'spki', format: 'der' });
    expect(decoded.publicKeyFingerprintSha256).toBe(colonHex(spki));
  });

  it('rejects a certificate and garbage', async () => {
    const cert = await decodeError(decodeCsr(set.HsmCertificate));
    expect(cert.code).toBe('wrong-block-type');
    expect(cert.message).toMatch(/^Not a PEM certificate request \(CSR\)/);
    expect((await decodeError(decodeCsr('garbage'))).code).toBe('not-pem');
  });
});

describe('readCertificateValidity', () => {
  it('reads the same dates node:crypto does', async () => {
    const validity = await readCertificateValidity(set.HsmCertificate);
    const node = new NodeX509Certificate(set.HsmCertificate);
    expect(validity.notAfter.getTime()).toBe(new Date(node.validTo).getTime());
    expect(validity.notBefore.getTime()).toBe(new Date(node.validFrom).getTime());
  });

  it('rejects a CSR and garbage with a typed error', async () => {
    expect((await decodeError(readCertificateValidity(set.ClusterCsr))).code).toBe('wrong-block-type');
    expect((await decodeError(readCertificateValidity('garbage'))).code).toBe('not-pem');
  });
});
