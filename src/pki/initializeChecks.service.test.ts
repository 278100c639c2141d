/**
 * `verifyInitializationCertificates`: InitializeCluster's answers, word for word. The emulator answers with these
 * messages and is checked against the real service's behaviour, so a change here is a change of the emulator's API.
 */
import { readdir, readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyInitializationCertificates } from './initializeChecks';
import { createSelfSigned, generateKeyPair, issueCertificate, signCsr as signWith, type CertificateExtensions } from './issue';
import { toPem } from './pem';
import { DAY_MS, makeCsr, makeSignedCluster, signCsr, type HsmLikeCertificates, type TestCa } from './testing/testPki';

const ANCHOR_NAME = 'C=US, O=Example Customer, CN=Customer Root CA';
const validity = () => ({ notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + 365 * DAY_MS) });

let hsm: HsmLikeCertificates;
let ca: TestCa;
let signedCert: string;
/** An extra RSA key for hand-made certificates (one generation, reused). */
let spareKeys: CryptoKeyPair;

beforeAll(async () => {
  [{ hsm, customerCa: ca, clusterCertificate: signedCert }, spareKeys] = await Promise.all([makeSignedCluster(), generateKeyPair()]);
});

function check(over: Partial<{ csrPem: string; signedCertPem: string; trustAnchorPem: string; now: Date }>) {
  return verifyInitializationCertificates({
    csrPem: hsm.ClusterCsr,
    signedCertPem: signedCert,
    trustAnchorPem: ca.pem,
    now: new Date(),
    ...over,
  });
}

describe('verifyInitializationCertificates', () => {
  it('accepts the cluster CSR signed by a self-signed CA', async () => {
    expect(await check({})).toBeNull();
  });

  it('garbage signed certificate', async () => {
    expect(await check({ signedCertPem: 'hello' })).toBe('The signed certificate (SignedCert) is not a PEM-encoded X.509 certificate.');
    expect(await check({ signedCertPem: hsm.ClusterCsr })).toBe(
      'The signed certificate (SignedCert) is a PEM "CERTIFICATE REQUEST" block, not a "CERTIFICATE".',
    );
    const junk = toPem(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]), 'CERTIFICATE');
    expect(await check({ signedCertPem: junk })).toBe('The signed certificate (SignedCert) could not be parsed as an X.509 certificate.');
    const broken = signedCert.replace(/\n[A-Za-z0-9+/]{64}\n/, '\n!!!\n');
    expect(await check({ signedCertPem: broken })).toBe(
      'The signed certificate (SignedCert) is not valid PEM: its body is not valid base64.',
    );
  });

  it('garbage trust anchor', async () => {
    expect(await check({ trustAnchorPem: '' })).toBe('The trust anchor (TrustAnchor) is not a PEM-encoded X.509 certificate.');
    const junk = toPem(new Uint8Array([1, 2, 3, 4, 5, 6]), 'CERTIFICATE');
    expect(await check({ trustAnchorPem: junk })).toBe(
      'The trust anchor (TrustAnchor) is not valid DER: the PEM body is not a single ASN.1 SEQUENCE.',
    );
    const two = ca.pem + hsm.ManufacturerHardwareCertificate;
    expect(await check({ trustAnchorPem: two })).toBe(
      'The trust anchor (TrustAnchor) must contain exactly one PEM block, but 2 were found.',
    );
  });

  it('a cluster CSR that cannot be read', async () => {
    expect(await check({ csrPem: 'garbage' })).toBe('The cluster CSR is not a PEM-encoded certificate request.');
    expect(await check({ csrPem: '' })).toBe('The cluster CSR is not a PEM-encoded certificate request.');
    expect(await check({ csrPem: hsm.HsmCertificate })).toBe('The cluster CSR is a PEM "CERTIFICATE" block, not a "CERTIFICATE REQUEST".');
  });

  it('trust anchor that is not self-signed (an intermediate CA)', async () => {
    // Signed by another key: irrelevant, the anchor check fails first.
    const signedByAws = await issueCertificate(
      { pem: hsm.AwsHardwareCertificate, keys: spareKeys },
      'CN=x',
      spareKeys.publicKey,
      validity(),
    );
    const message = await check({ signedCertPem: signedByAws, trustAnchorPem: hsm.AwsHardwareCertificate });
    expect(message).toBe(
      'The trust anchor is not self-signed: its issuer "C=US, O=Example Manufacturer, CN=Test Manufacturer Root CA" differs from its subject "C=US, O=Amazon Web Services, OU=CloudHSM, CN=Test Hardware CA".',
    );
  });

  it('trust anchor whose issuer equals its subject but whose signature is not its own', async () => {
    const forged = await issueCertificate({ pem: ca.pem, keys: spareKeys }, ANCHOR_NAME, ca.keys.publicKey, {
      ...validity(),
      extensions: { basicConstraints: { ca: true } },
    });
    expect(await check({ trustAnchorPem: forged })).toBe(
      'The trust anchor is not self-signed: its signature does not verify with its own public key.',
    );
  });

  it('signed certificate issued by a different CA than the trust anchor', async () => {
    expect(await check({ trustAnchorPem: hsm.ManufacturerHardwareCertificate })).toBe(
      'The signed certificate was not issued by the trust anchor: its issuer "C=US, O=Example Customer, CN=Customer Root CA" does not match the trust anchor\'s subject "C=US, O=Example Manufacturer, CN=Test Manufacturer Root CA".',
    );
    // Same subject name as the real issuer, different key: only the signature check can tell.
    const impostor = await createSelfSigned(ANCHOR_NAME, spareKeys, { ...validity(), extensions: { basicConstraints: { ca: true } } });
    expect(await check({ trustAnchorPem: impostor })).toBe(
      "The signed certificate was not issued by the trust anchor: its signature does not verify with the trust anchor's public key.",
    );
  });

  it('signed certificate for a different key than the cluster CSR', async () => {
    const other = await signCsr((await makeCsr('another cluster')).pem, ca);
    expect(await check({ signedCertPem: other })).toBe(
      "The signed certificate's public key does not match the cluster CSR's public key; sign the cluster's CSR (ClusterCsr).",
    );
  });

  it('expired and not-yet-valid signed certificates', async () => {
    const notBefore = new Date(Date.now() - 400 * DAY_MS);
    notBefore.setUTCMilliseconds(0); // X.509 times have whole seconds
    const notAfter = new Date(notBefore.getTime() + 30 * DAY_MS);
    const expired = await signCsr(hsm.ClusterCsr, ca, { notBefore, notAfter });
    expect(await check({ signedCertPem: expired })).toBe(
      `The signed certificate has expired: its validity ended at ${notAfter.toISOString()}.`,
    );
    expect(await check({ signedCertPem: expired, now: new Date(notBefore.getTime() - 1000) })).toBe(
      `The signed certificate is not yet valid: its validity starts at ${notBefore.toISOString()}.`,
    );
    expect(await check({ signedCertPem: expired, now: new Date(notBefore.getTime() + DAY_MS) })).toBeNull();
  });

  describe('hand-made trust anchors', () => {
    const name = 'CN=Hand Made Root, O=Example';
    const anchorWith = (extensions: CertificateExtensions, keys = spareKeys) => createSelfSigned(name, keys, { ...validity(), extensions });
    /** The cluster CSR signed with the spare key under the anchor's name. */
    const signedUnder = (anchor: string) => signWith(hsm.ClusterCsr, { pem: anchor, keys: spareKeys }, validity());

    it('extensions but no BasicConstraints', async () => {
      const anchor = await anchorWith({ keyUsage: ['keyCertSign'] });
      expect(await check({ trustAnchorPem: anchor, signedCertPem: await signedUnder(anchor) })).toBe(
        'The trust anchor has extensions but no BasicConstraints extension; it must be a CA certificate (cA=true).',
      );
    });

    it('BasicConstraints with cA=false', async () => {
      const anchor = await anchorWith({ basicConstraints: { ca: false } });
      expect(await check({ trustAnchorPem: anchor, signedCertPem: await signedUnder(anchor) })).toBe(
        'The trust anchor is not a CA certificate: its BasicConstraints extension does not have cA=true.',
      );
    });

    it('no extensions at all is accepted, like a v1 root', async () => {
      const anchor = await anchorWith({});
      expect(await check({ trustAnchorPem: anchor, signedCertPem: await signedUnder(anchor) })).toBeNull();
    });

    it('a non-RSA trust anchor key', async () => {
      const anchor = await anchorWith({ basicConstraints: { ca: true } }, await generateKeyPair('ec-p256'));
      expect(await check({ trustAnchorPem: anchor })).toBe(
        "The trust anchor's public key must be RSA 2048 or RSA 4096, but it is EC (P-256).",
      );
    });
  });
});

describe('isomorphism', () => {
  it('src/pki uses no Node built-ins outside its tests', async () => {
    const folder = new URL('./', import.meta.url);
    const files = (await readdir(folder, { recursive: true })).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files).toContain('initializeChecks.ts');
    for (const file of files) {
      const source = await readFile(new URL(file, folder), 'utf8');
      expect(source, file).not.toMatch(/from\s+['"]node:|import\(['"]node:|require\(/);
    }
  });
});
