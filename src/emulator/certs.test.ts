import { describe, it, expect, beforeAll } from 'vitest';
import type * as X509 from '@peculiar/x509';
import {
  createHsmCertificates,
  loadX509,
  signCsrWithTestCa,
  toPem,
  verifyInitializationCertificates,
  type HsmCertificateSet,
} from './certs.ts';

/** The API's Cert pattern, verbatim ("+-/" is a range: + , - . /). */
const CERT_PATTERN = /^[a-zA-Z0-9+-/=\s]*$/;

const RSA: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const DAY_MS = 86_400_000;

let x509: typeof X509;
let first: HsmCertificateSet;
let second: HsmCertificateSet;
let firstSigned: { signedCert: string; trustAnchor: string };
/** An extra RSA key for hand-made trust anchors (one generation, reused). */
let spareKeys: CryptoKeyPair;
const timings: number[] = [];

beforeAll(async () => {
  x509 = await loadX509();
  let t = performance.now();
  first = await createHsmCertificates({ clusterId: 'cluster-abcdefghijk', hsmId: 'hsm-abcdefghijk', hsmType: 'hsm1.medium' });
  timings.push(performance.now() - t);
  t = performance.now();
  second = await createHsmCertificates({
    clusterId: 'cluster-bcdefghijkl',
    hsmId: 'hsm-bcdefghijkl',
    hsmType: 'hsm2m.medium',
    mode: 'NON_FIPS',
  });
  timings.push(performance.now() - t);
  [firstSigned, spareKeys] = await Promise.all([
    signCsrWithTestCa(first.ClusterCsr),
    globalThis.crypto.subtle.generateKey(RSA, false, ['sign', 'verify']),
  ]);
}, 60_000);

const cert = (pem: string) => new x509.X509Certificate(pem);
const spki = (key: X509.PublicKey) => Array.from(new Uint8Array(key.rawData));

function check(over: Partial<{ csrPem: string; signedCertPem: string; trustAnchorPem: string; now: Date }>) {
  return verifyInitializationCertificates({
    csrPem: first.ClusterCsr,
    signedCertPem: firstSigned.signedCert,
    trustAnchorPem: firstSigned.trustAnchor,
    now: new Date(),
    ...over,
  });
}

describe('createHsmCertificates', () => {
  it('returns well-formed PEMs matching the API Cert pattern', () => {
    console.info(`createHsmCertificates: first ${timings[0]?.toFixed(0)} ms, cached chain ${timings[1]?.toFixed(0)} ms`);
    const pems: string[] = [...Object.values(first), ...Object.values(second), ...Object.values(firstSigned)];
    expect(pems).toHaveLength(10);
    for (const pem of pems) {
      expect(pem).toMatch(CERT_PATTERN);
      expect(pem.length).toBeLessThanOrEqual(20_000);
      expect(pem.endsWith('-----\n')).toBe(true);
      expect(pem).not.toContain('\r');
      const body = pem.split('\n').filter((l) => l && !l.startsWith('-----'));
      expect(body.slice(0, -1).every((l) => l.length === 64)).toBe(true);
      expect((body.at(-1) ?? '').length).toBeLessThanOrEqual(64);
    }
    expect(first.ClusterCsr.startsWith('-----BEGIN CERTIFICATE REQUEST-----\n')).toBe(true);
    expect(first.ClusterCsr.endsWith('-----END CERTIFICATE REQUEST-----\n')).toBe(true);
    expect(first.HsmCertificate.startsWith('-----BEGIN CERTIFICATE-----\n')).toBe(true);
  });

  it('encodes the same DER as the library, which itself omits the final newline', () => {
    const c = cert(first.HsmCertificate);
    expect(toPem(c.rawData, 'CERTIFICATE')).toBe(`${c.toString('pem')}\n`);
  });

  it('makes an RSA 2048 CSR, self-signed by the cluster key, with an HSM-style subject', async () => {
    const csr = new x509.Pkcs10CertificateRequest(first.ClusterCsr);
    expect(await csr.verify()).toBe(true);
    expect(csr.publicKey.algorithm).toMatchObject({ name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048 });
    expect(csr.subject).toMatch(/^C=US, ST=CA, O=Cavium, OU=N3FIPS, L=SanJose, CN=HSM:[^:]+:PARTN:\d+\\, for FIPS mode$/);
    const other = new x509.Pkcs10CertificateRequest(second.ClusterCsr);
    expect(other.subject).toMatch(/O=Marvell, .*for NON-FIPS mode$/);
  });

  it('builds a verifiable chain: manufacturer root -> AWS hardware CA -> HSM certificate', async () => {
    const root = cert(first.ManufacturerHardwareCertificate);
    const aws = cert(first.AwsHardwareCertificate);
    const hsm = cert(first.HsmCertificate);
    expect(await root.isSelfSigned()).toBe(true);
    expect(root.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(aws.issuer).toBe(root.subject);
    expect(await aws.verify({ publicKey: root, signatureOnly: true })).toBe(true);
    expect(aws.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(true);
    expect(hsm.issuer).toBe(aws.subject);
    expect(await hsm.verify({ publicKey: aws, signatureOnly: true })).toBe(true);
    expect(await hsm.verify({ publicKey: root, signatureOnly: true })).toBe(false);
    expect(hsm.getExtension(x509.BasicConstraintsExtension)?.ca).toBe(false);
    for (const c of [root, aws, hsm]) {
      expect(c.publicKey.algorithm).toMatchObject({ modulusLength: 2048 });
      expect(await c.verify({ date: new Date() })).toBe(c === root); // date + own-key check: only the root is self-signed
    }
    // The library's chain builder agrees.
    const chain = await new x509.X509ChainBuilder({ certificates: [root, aws] }).build(hsm);
    expect(chain.map((c) => c.subject)).toEqual([hsm.subject, aws.subject, root.subject]);
  });

  it('puts the cluster (CSR) key in the HSM certificate', () => {
    const csr = new x509.Pkcs10CertificateRequest(first.ClusterCsr);
    const hsm = cert(first.HsmCertificate);
    expect(spki(hsm.publicKey)).toEqual(spki(csr.publicKey));
    expect(hsm.subject).toBe(csr.subject);
  });

  it('reuses the hardware CAs across clusters but gives each cluster its own key', () => {
    expect(second.ManufacturerHardwareCertificate).toBe(first.ManufacturerHardwareCertificate);
    expect(second.AwsHardwareCertificate).toBe(first.AwsHardwareCertificate);
    const a = new x509.Pkcs10CertificateRequest(first.ClusterCsr);
    const b = new x509.Pkcs10CertificateRequest(second.ClusterCsr);
    expect(spki(a.publicKey)).not.toEqual(spki(b.publicKey));
  });
});

describe('signCsrWithTestCa', () => {
  it('signs the CSR key with a self-signed CA whose result passes the InitializeCluster checks', async () => {
    const signed = cert(firstSigned.signedCert);
    const anchor = cert(firstSigned.trustAnchor);
    expect(await anchor.isSelfSigned()).toBe(true);
    expect(signed.issuer).toBe(anchor.subject);
    expect(await check({})).toBeNull();
  });

  it('reuses its CA and honours validDays', async () => {
    const again = await signCsrWithTestCa(second.ClusterCsr, { validDays: 30 });
    expect(again.trustAnchor).toBe(firstSigned.trustAnchor);
    const c = cert(again.signedCert);
    expect(Math.round((c.notAfter.getTime() - c.notBefore.getTime()) / DAY_MS)).toBe(30);
    expect(
      await verifyInitializationCertificates({
        csrPem: second.ClusterCsr,
        signedCertPem: again.signedCert,
        trustAnchorPem: again.trustAnchor,
        now: new Date(),
      }),
    ).toBeNull();
  });

  it('rejects input that is not a CSR', async () => {
    await expect(signCsrWithTestCa(first.HsmCertificate)).rejects.toThrow(/CSR/);
  });
});

describe('verifyInitializationCertificates failures', () => {
  it('garbage signed certificate', async () => {
    expect(await check({ signedCertPem: 'hello' })).toMatch(/signed certificate.*not a PEM-encoded X\.509 certificate/);
    expect(await check({ signedCertPem: first.ClusterCsr })).toMatch(/signed certificate.*CERTIFICATE REQUEST/);
    const junk = toPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 'CERTIFICATE');
    expect(await check({ signedCertPem: junk })).toMatch(/signed certificate.*could not be parsed/);
    const broken = firstSigned.signedCert.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!\n');
    expect(await check({ signedCertPem: broken })).toMatch(/signed certificate.*base64/);
  });

  it('garbage trust anchor', async () => {
    expect(await check({ trustAnchorPem: '' })).toMatch(/trust anchor.*not a PEM-encoded X\.509 certificate/);
    const junk = toPem(new Uint8Array([1, 2, 3, 4, 5, 6]), 'CERTIFICATE');
    expect(await check({ trustAnchorPem: junk })).toMatch(/trust anchor.*not valid DER/);
    const two = firstSigned.trustAnchor + first.ManufacturerHardwareCertificate;
    expect(await check({ trustAnchorPem: two })).toMatch(/trust anchor.*exactly one.*2 were found/);
  });

  it('trust anchor that is not self-signed (an intermediate CA)', async () => {
    const signedByAws = await x509.X509CertificateGenerator.create({
      subject: 'CN=x',
      issuer: cert(first.AwsHardwareCertificate).subjectName,
      publicKey: cert(first.HsmCertificate).publicKey,
      signingKey: spareKeys.privateKey, // irrelevant: the anchor check fails first
      signingAlgorithm: RSA,
    });
    const msg = await check({ signedCertPem: toPem(signedByAws.rawData, 'CERTIFICATE'), trustAnchorPem: first.AwsHardwareCertificate });
    expect(msg).toMatch(/^The trust anchor is not self-signed: its issuer/);
  });

  it('trust anchor whose issuer equals its subject but whose signature is not its own', async () => {
    const anchor = cert(firstSigned.trustAnchor);
    const forged = await x509.X509CertificateGenerator.create({
      subject: anchor.subjectName,
      issuer: anchor.subjectName,
      publicKey: anchor.publicKey,
      signingKey: spareKeys.privateKey,
      signingAlgorithm: RSA,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
    });
    expect(await check({ trustAnchorPem: toPem(forged.rawData, 'CERTIFICATE') })).toBe(
      'The trust anchor is not self-signed: its signature does not verify with its own public key.',
    );
  });

  it('signed certificate issued by a different CA than the trust anchor', async () => {
    expect(await check({ trustAnchorPem: first.ManufacturerHardwareCertificate })).toMatch(
      /^The signed certificate was not issued by the trust anchor: its issuer/,
    );
    // Same subject name as the real issuer, different key: only the signature check can tell.
    const impostor = await x509.X509CertificateGenerator.createSelfSigned({
      name: cert(firstSigned.trustAnchor).subjectName,
      keys: spareKeys,
      signingAlgorithm: RSA,
      extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
    });
    expect(await check({ trustAnchorPem: toPem(impostor.rawData, 'CERTIFICATE') })).toMatch(
      /not issued by the trust anchor: its signature does not verify/,
    );
  });

  it('signed certificate for a different key than the cluster CSR', async () => {
    const otherSigned = await signCsrWithTestCa(second.ClusterCsr);
    expect(await check({ signedCertPem: otherSigned.signedCert })).toMatch(/public key does not match the cluster CSR/);
  });

  it('expired and not-yet-valid signed certificates', async () => {
    const expired = await signCsrWithTestCa(first.ClusterCsr, { notBefore: new Date(Date.now() - 400 * DAY_MS), validDays: 30 });
    expect(await check({ signedCertPem: expired.signedCert })).toMatch(/^The signed certificate has expired/);
    const future = cert(firstSigned.signedCert).notBefore.getTime() - DAY_MS;
    expect(await check({ now: new Date(future) })).toMatch(/^The signed certificate is not yet valid/);
    const afterEnd = cert(firstSigned.signedCert).notAfter.getTime() + 1000;
    expect(await check({ now: new Date(afterEnd) })).toMatch(/has expired/);
  });

  describe('hand-made trust anchors', () => {
    const name = 'CN=Hand Made Root, O=Example';
    const sign = async (anchor: X509.X509Certificate) =>
      toPem(
        (
          await x509.X509CertificateGenerator.create({
            subject: cert(first.HsmCertificate).subjectName,
            issuer: anchor.subjectName,
            publicKey: cert(first.HsmCertificate).publicKey,
            signingKey: spareKeys.privateKey,
            signingAlgorithm: RSA,
          })
        ).rawData,
        'CERTIFICATE',
      );
    const anchorWith = async (extensions: X509.Extension[]) =>
      x509.X509CertificateGenerator.createSelfSigned({ name, keys: spareKeys, signingAlgorithm: RSA, extensions });

    it('extensions but no BasicConstraints', async () => {
      const anchor = await anchorWith([new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign, true)]);
      expect(await check({ trustAnchorPem: toPem(anchor.rawData, 'CERTIFICATE'), signedCertPem: await sign(anchor) })).toMatch(
        /extensions but no BasicConstraints/,
      );
    });

    it('BasicConstraints with cA=false', async () => {
      const anchor = await anchorWith([new x509.BasicConstraintsExtension(false)]);
      expect(await check({ trustAnchorPem: toPem(anchor.rawData, 'CERTIFICATE'), signedCertPem: await sign(anchor) })).toMatch(
        /not a CA certificate/,
      );
    });

    it('no extensions at all is accepted, like a v1 root', async () => {
      const anchor = await anchorWith([]);
      expect(anchor.extensions).toHaveLength(0);
      expect(await check({ trustAnchorPem: toPem(anchor.rawData, 'CERTIFICATE'), signedCertPem: await sign(anchor) })).toBeNull();
    });

    it('a non-RSA trust anchor key', async () => {
      const ec = await globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
      const anchor = await x509.X509CertificateGenerator.createSelfSigned({
        name,
        keys: ec,
        signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' } as EcdsaParams,
        extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
      });
      expect(await check({ trustAnchorPem: toPem(anchor.rawData, 'CERTIFICATE') })).toBe(
        "The trust anchor's public key must be RSA 2048 or RSA 4096, but it is EC (P-256).",
      );
    });
  });
});

describe('isomorphism', () => {
  it('certs.ts uses no Node built-ins', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(new URL('./certs.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from\s+['"]node:|import\(['"]node:|require\(/);
  });
});
